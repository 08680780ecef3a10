#!/usr/bin/env node
// @ts-check
// `pnpm test`: the one command that runs every check and every test, then prints the line CI reads:
// `N passed, N failed`, summed over every vitest run (read from each package's JSON reports, the
// end-to-end publish included) plus the repo-wide checks (drift, spec lint, biome, typecheck),
// each counted as one. `--no-e2e` skips the end-to-end publish through a local registry.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "./model/repo-root.mjs";

const rootDir = findRepoRoot();
const REPORT = ".reports/vitest.json";
const E2E_REPORT = ".reports/vitest-e2e.json";
const withE2e = !process.argv.includes("--no-e2e");
/** turbo with the Node major in its hash (cli/run-turbo.mjs). */
const RUN_TURBO = "scripts/src/cli/run-turbo.mjs";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

/** @param {string} label @param {string} command @param {string[]} args */
function runCheck(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: rootDir, stdio: "inherit", env });
  const ok = result.status === 0;
  console.log(`=== ${label}: ${ok ? "passed" : "FAILED"}`);
  return ok;
}

/** Workspace package dirs that have a `test` script. */
function testedPackageDirs() {
  const candidates = [path.join(rootDir, "scripts"), path.join(rootDir, "bench")];
  for (const entry of readdirSync(path.join(rootDir, "packages"), { withFileTypes: true })) {
    if (entry.isDirectory()) candidates.push(path.join(rootDir, "packages", entry.name));
  }
  return candidates.filter((dir) => {
    const manifest = path.join(dir, "package.json");
    return existsSync(manifest) && Boolean(JSON.parse(readFileSync(manifest, "utf8")).scripts?.test);
  });
}

const checks = [
  runCheck("generated packages match the specs", "node", ["scripts/src/generate/generate-cli.mjs", "--check"]),
  runCheck("spec lint", "node", ["scripts/src/lint/lint-specs-cli.mjs"]),
  runCheck("spec changes have their version bump", "node", ["scripts/src/contracts/contracts-check-cli.mjs"]),
  runCheck("biome (format + lint)", "pnpm", ["exec", "biome", "check", "."]),
  runCheck("typecheck", "node", [RUN_TURBO, "run", "typecheck", "--output-logs=errors-only"]),
];

const packages = testedPackageDirs();
// Stale reports must not count: turbo restores the report of a cached run into place.
for (const dir of packages) rmSync(path.join(dir, ".reports"), { recursive: true, force: true });
runCheck("tests", "node", [RUN_TURBO, "run", "test", "--continue"]);
// After the unit suites: it needs every package built, and it is slow and not cacheable.
if (withE2e) {
  for (const dir of packages) rmSync(path.join(dir, E2E_REPORT), { force: true });
  // A turbo task too: replayed when nothing it copies, installs or publishes changed (turbo.json).
  runCheck("end-to-end publish and remote cache", "node", [RUN_TURBO, "run", "test:e2e", "--filter=@vendorspec/release-tests"]);
}

let passed = checks.filter(Boolean).length;
let failed = checks.length - passed;

/** Adds one vitest JSON report to the totals; a missing report is a crashed run, counted as a failure. */
function addReport(/** @type {string} */ name, /** @type {string} */ reportPath) {
  if (!existsSync(reportPath)) {
    failed++;
    console.log(`${name}: no test report (the test run crashed before reporting): counted as 1 failed`);
    return;
  }
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  // A file that failed to load (or whose hooks threw) has no failed test, only skipped ones, but
  // must still count as a failure.
  const suiteErrors = (report.testResults ?? []).filter(
    (/** @type {any} */ r) => r.status === "failed" && !(r.assertionResults ?? []).some((/** @type {any} */ a) => a.status === "failed"),
  ).length;
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteErrors;
  console.log(
    `${name}: ${report.numPassedTests} passed, ${report.numFailedTests + suiteErrors} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
  );
}

console.log("\n=== results");
for (const dir of packages) {
  const name = path.relative(rootDir, dir);
  addReport(name, path.join(dir, REPORT));
  const scripts = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).scripts ?? {};
  if (withE2e && scripts["test:e2e"]) addReport(`${name} (e2e)`, path.join(dir, E2E_REPORT));
}
console.log(`checks: ${checks.filter(Boolean).length} passed, ${checks.length - checks.filter(Boolean).length} failed`);
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
