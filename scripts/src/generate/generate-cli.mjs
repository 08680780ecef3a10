#!/usr/bin/env node
// @ts-check
// `pnpm generate [vendor...] [--check]`: regenerates packages/<vendor> from specs/<vendor>.
// --check writes nothing and exits 1 naming every stale file (CI's drift check).
import path from "node:path";
import { readCliArgs } from "../cli/parse-cli-args.mjs";
import { formatProblem } from "../lint/format-problems.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { generate } from "./generate.mjs";

const USAGE = `usage: pnpm generate [vendor...] [--check] [--no-cache]
  regenerates packages/<vendor> from specs/<vendor>/openapi.yaml, every vendor in redocly.yaml
  when none is named; a vendor whose spec folder, toolchain and generated files are unchanged
  since its last run is skipped (node_modules/.cache/vendorspec-generate)

  --check      write nothing; exit 1 naming every stale file (CI's drift check)
  --no-cache   lint and generate every named vendor even when nothing changed
  --help       this text

examples:
  pnpm generate docutray
  pnpm generate --check
exit status: 0 done, 1 a spec has errors (or --check found a stale file), 2 bad arguments
`;
const {
  values: { check = false, "no-cache": noCache = false },
  positionals: names,
} = readCliArgs({
  name: "generate",
  usage: USAGE,
  options: { check: { type: "boolean" }, "no-cache": { type: "boolean" } },
  positionals: { min: 0, max: Infinity },
});
const rootDir = findRepoRoot();
/** @param {string} file */
const rel = (file) => path.relative(rootDir, file);

try {
  const outcomes = await generate({ rootDir, names, check, cache: !noCache });
  let failed = 0;
  for (const { vendor, problems, warnings, files, cached } of outcomes) {
    for (const p of [...problems, ...warnings]) console.error(formatProblem(p));
    if (problems.length > 0) {
      failed++;
      console.error(`FAIL  ${vendor.specFile}: ${problems.length} error(s); packages/${vendor.name} left unchanged`);
    } else if (check && files.length > 0) {
      failed++;
      for (const file of files) console.error(`stale ${rel(file)}`);
      console.error(
        `FAIL  packages/${vendor.name} is out of date with ${vendor.specFile}: run \`pnpm generate ${vendor.name}\` and commit`,
      );
    } else {
      const what = check ? "up to date" : files.length ? `wrote ${files.map((f) => shortName(f, vendor)).join(", ")}` : "unchanged";
      const skipped = cached ? " from cache: spec, toolchain and generated files as the last run left them" : "";
      console.log(`ok    packages/${vendor.name} (${what})${skipped}`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
} catch (error) {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

/**
 * A written file by its name in the vendor's package; by its repo path when it is elsewhere (the
 * spec folder's workflows, the client's vendor entry).
 * @param {string} file absolute
 * @param {{ packageDir: string }} vendor
 */
function shortName(file, vendor) {
  return path.dirname(file) === vendor.packageDir ? path.basename(file) : rel(file);
}
