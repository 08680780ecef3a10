#!/usr/bin/env node
// @ts-check
// Benchmark (not a test): lint + generate K renamed copies of the vendor specs with `pnpm generate`
// (one process; cold, warm with nothing changed, warm with one spec edited) versus `redocly lint` +
// the `openapi-typescript` CLI spawned once per spec.
// Usage: node bench/codegen/run.mjs [--k 50,200] [--cli-sample N]
// The per-spec CLI path costs seconds per spec, so above --cli-sample specs it is timed on a sample
// and scaled (the table says so); both paths run in the same invocation on the same machine.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { exitWithUsage, readCliArgs } from "@vendorspec/scripts/cli-args";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { readVendors } from "@vendorspec/scripts/vendors";
import { parse, stringify } from "yaml";

const rootDir = findRepoRoot();
const USAGE = `usage: pnpm bench:codegen [--k 50,200] [--cli-sample N]
  times \`pnpm generate\` on K renamed copies of the vendor specs (cold, warm, one spec edited)
  against redocly lint + openapi-typescript spawned once per spec

  --k            comma-separated numbers of specs (default 50,200)
  --cli-sample   time the per-spec CLIs on this many specs and scale to K (default 50)
  --help         this text
`;
const { values } = readCliArgs({
  name: "bench:codegen",
  usage: USAGE,
  options: { k: { type: "string" }, "cli-sample": { type: "string" } },
});
const sizes = (values.k ?? "50,200").split(",").map(Number);
const cliSample = Number(values["cli-sample"] ?? "50");
if (sizes.some((k) => !Number.isInteger(k) || k < 1 || k > 2000) || !Number.isInteger(cliSample) || cliSample < 1)
  exitWithUsage({ name: "bench:codegen", usage: USAGE }, "--k takes whole numbers 1..2000, --cli-sample a whole number ≥ 1");
const bin = (/** @type {string} */ name) => path.join(rootDir, "scripts/node_modules/.bin", name);
const generateCli = path.join(rootDir, "scripts/src/generate/generate-cli.mjs");

/** Makes a temp repo root holding `k` renamed copies of every vendor spec. */
async function makeCopies(/** @type {number} */ k) {
  const vendors = await readVendors(rootDir);
  const root = await mkdtemp(path.join(tmpdir(), `vendorspec-bench-${k}-`));
  const config = parse(await readFile(path.join(rootDir, "redocly.yaml"), "utf8"));
  config.apis = {};
  // Plugins are loaded relative to redocly.yaml; the copy lives elsewhere.
  config.plugins = (config.plugins ?? []).map((/** @type {string} */ plugin) => path.resolve(rootDir, plugin));
  /** @type {string[]} */
  const specs = [];
  for (let copy = 0; specs.length < k; copy++) {
    for (const vendor of vendors) {
      if (specs.length >= k) break;
      const name = `${vendor.name}-${copy}`;
      await cp(path.dirname(vendor.specPath), path.join(root, "specs", name), { recursive: true });
      config.apis[name] = { root: `specs/${name}/openapi.yaml` };
      specs.push(path.join(root, "specs", name, "openapi.yaml"));
    }
  }
  await writeFile(path.join(root, "redocly.yaml"), stringify(config));
  await cp(path.join(rootDir, "LICENSE"), path.join(root, "LICENSE"));
  return { root, specs };
}

/**
 * Runs `pnpm generate` (its CLI, the process a spec author waits for: Node start-up and module
 * loading included) on the copies; returns the wall time and how many vendors it skipped as cached.
 * @param {string} root @param {string[]} extraArgs
 */
function timeGenerateCli(root, extraArgs = []) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [generateCli, ...extraArgs], {
    encoding: "utf8",
    env: { ...process.env, VENDORSPEC_ROOT: root },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`generate failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  const cached = run.stdout.split("\n").filter((line) => line.includes(" from cache: ")).length;
  return { ms, cached };
}

/** One spec edited the way an author would: a sentence added to its description. @param {string} spec */
async function editSpec(spec) {
  const text = await readFile(spec, "utf8");
  const edited = text.replace(/^info:\n/m, "info:\n  x-bench-edit: edited by the benchmark\n");
  if (edited === text) throw new Error(`${spec}: no top-level info to edit`);
  await writeFile(spec, edited);
}

function timePerSpecClis(/** @type {string} */ root, /** @type {string} */ out, /** @type {string[]} */ specs) {
  const start = performance.now();
  for (const spec of specs) {
    const lint = spawnSync(bin("redocly"), ["lint", spec, "--config", path.join(root, "redocly.yaml")], { encoding: "utf8" });
    if (lint.status !== 0) throw new Error(`redocly lint failed on ${spec}: ${lint.stdout}${lint.stderr}`);
    const types = spawnSync(
      bin("openapi-typescript"),
      [spec, "--root-types", "--root-types-no-schema-prefix", "-o", path.join(out, `${path.basename(path.dirname(spec))}.d.ts`)],
      // cwd without a redocly.yaml above it: given one, the CLI switches to multi-API mode.
      { encoding: "utf8", cwd: out },
    );
    if (types.status !== 0) throw new Error(`openapi-typescript failed on ${spec}: ${types.stderr}`);
  }
  return performance.now() - start;
}

const rows = [];
for (const k of sizes) {
  const { root, specs } = await makeCopies(k);
  // Outside the copies' root: openapi-typescript's CLI looks for a redocly.yaml upward from its cwd.
  const cliOut = await mkdtemp(path.join(tmpdir(), "vendorspec-bench-cli-"));
  try {
    // Cold: no cache entry yet, every spec linted and compiled (a fresh clone, a toolchain upgrade).
    const cold = timeGenerateCli(root);
    // Warm: nothing changed since, so every spec is skipped after its folder and outputs are hashed.
    const warm = timeGenerateCli(root);
    // The everyday run: one spec edited out of k.
    await editSpec(specs[0] ?? "");
    const oneEdited = timeGenerateCli(root);
    const sample = specs.slice(0, Math.min(cliSample, specs.length));
    const cliSampleMs = timePerSpecClis(root, cliOut, sample);
    const cliPerSpec = cliSampleMs / sample.length;
    rows.push({ k, cold, warm, oneEdited, cliMs: cliPerSpec * k, cliPerSpec, sampled: sample.length < k ? sample.length : 0 });
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(cliOut, { recursive: true, force: true });
  }
}

const f = (/** @type {number} */ ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
console.log(`node ${process.version}, ${availableParallelism()} cores`);
console.log("| specs | run | `pnpm generate`: wall | skipped as unchanged | per-spec CLIs: wall | speed-up |");
console.log("| ---: | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const cli = r.sampled ? `${f(r.cliMs)} (scaled from ${r.sampled})` : f(r.cliMs);
  for (const [label, run] of /** @type {const} */ ([
    ["cold (no cache)", r.cold],
    ["warm, nothing changed", r.warm],
    ["warm, one spec edited", r.oneEdited],
  ])) {
    console.log(`| ${r.k} | ${label} | ${f(run.ms)} | ${run.cached} | ${cli} | ${(r.cliMs / run.ms).toFixed(1)}x |`);
  }
}
