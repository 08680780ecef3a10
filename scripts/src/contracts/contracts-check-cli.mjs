#!/usr/bin/env node
// @ts-check
// `pnpm contracts:check`: fails when a package's pending changesets bump it less than its spec
// changes require, naming the package, the bump needed and the changes behind it.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { readCliArgs } from "../cli/parse-cli-args.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { compareVendors } from "./compare-vendors.mjs";
import { BUMP_RANK } from "./required-bump.mjs";

const run = promisify(execFile);
const USAGE = `usage: pnpm contracts:check
  fails (exit 1) when a package's pending changesets bump it less than its spec changes since its
  last release need; exit 2 when the specs or the base cannot be read. Add the bump it asks
  for with \`pnpm changeset\`.

  --help    this text

example:
  pnpm contracts:check
`;
readCliArgs({ name: "contracts:check", usage: USAGE, options: {} });
const rootDir = findRepoRoot();

/** The bump each package gets from the pending changesets. */
async function pendingBumps() {
  const dir = await mkdtemp(path.join(tmpdir(), "vendorspec-status-"));
  const output = path.join(dir, "status.json");
  try {
    const bin = path.join(rootDir, "node_modules/.bin/changeset");
    // `changeset status` exits 1 when packages changed without a changeset; the file still says what is pending.
    await run(bin, ["status", "--output", output], { cwd: rootDir }).catch(() => undefined);
    const status = JSON.parse(await readFile(output, "utf8").catch(() => '{"releases":[]}'));
    return new Map((status.releases ?? []).map((/** @type {{name: string, type: string}} */ r) => [r.name, r.type]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  const [results, bumps] = await Promise.all([compareVendors({ rootDir }), pendingBumps()]);
  let failures = 0;
  for (const r of results) {
    if (r.bump === "none") continue;
    const pending = /** @type {keyof typeof BUMP_RANK} */ (bumps.get(r.packageName) ?? "none");
    if (BUMP_RANK[pending] >= BUMP_RANK[/** @type {keyof typeof BUMP_RANK} */ (r.bump)]) {
      console.log(`ok    ${r.packageName}: ${pending} covers the ${r.bump} its spec changes need`);
      continue;
    }
    failures++;
    console.error(
      `FAIL  ${r.packageName}: needs a ${r.bump} bump, pending changesets give ${pending}. Add one with \`pnpm changeset\`. Changes since ${r.base}:`,
    );
    for (const c of r.changes.filter((c) => c.class !== "docs-only" || r.bump === "patch"))
      console.error(`        ${c.class} ${c.rule} ${c.location}  ${c.message}`);
  }
  if (failures === 0) console.log("contracts:check: every package's pending bump covers its spec changes");
  process.exitCode = failures === 0 ? 0 : 1;
} catch (error) {
  console.error(`contracts:check: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
