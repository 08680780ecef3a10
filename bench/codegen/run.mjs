#!/usr/bin/env node
// @ts-check
// Benchmark (not a test): lint + generate K renamed copies of the vendor specs in ONE process
// (our generator) versus `redocly lint` + the `openapi-typescript` CLI spawned once per spec.
// Usage: node bench/codegen/run.mjs [--k 50,200] [--cli-sample N]
// The per-spec CLI path costs seconds per spec, so above --cli-sample specs it is timed on a sample
// and scaled (the table says so); both paths run in the same invocation on the same machine.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { generate } from "@vendorspec/scripts/generate";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { readVendors } from "@vendorspec/scripts/vendors";
import { parse, stringify } from "yaml";

const rootDir = findRepoRoot();
const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? String(args[i + 1]) : fallback;
};
const sizes = option("k", "50,200").split(",").map(Number);
const cliSample = Number(option("cli-sample", "50"));
const bin = (/** @type {string} */ name) => path.join(rootDir, "scripts/node_modules/.bin", name);

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

async function timeOneProcess(/** @type {string} */ root) {
  const start = performance.now();
  const outcomes = await generate({ rootDir: root });
  const ms = performance.now() - start;
  const failed = outcomes.filter((o) => o.problems.length > 0);
  if (failed.length) throw new Error(`one-process run failed for ${failed.map((o) => o.vendor.name).join(", ")}`);
  return ms;
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
    const oneMs = await timeOneProcess(root);
    const sample = specs.slice(0, Math.min(cliSample, specs.length));
    const cliSampleMs = timePerSpecClis(root, cliOut, sample);
    const cliPerSpec = cliSampleMs / sample.length;
    const cliMs = cliPerSpec * k;
    rows.push({ k, oneMs, onePerSpec: oneMs / k, cliMs, cliPerSpec, ratio: cliMs / oneMs, sampled: sample.length < k ? sample.length : 0 });
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(cliOut, { recursive: true, force: true });
  }
}

const f = (/** @type {number} */ ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
console.log(`node ${process.version}, ${availableParallelism()} cores`);
console.log("| specs | one process: wall | per spec | per-spec CLIs: wall | per spec | speed-up |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const cli = r.sampled ? `${f(r.cliMs)} (scaled from ${r.sampled})` : f(r.cliMs);
  console.log(
    `| ${r.k} | ${f(r.oneMs)} | ${r.onePerSpec.toFixed(1)} ms | ${cli} | ${Math.round(r.cliPerSpec)} ms | ${r.ratio.toFixed(1)}x |`,
  );
}
