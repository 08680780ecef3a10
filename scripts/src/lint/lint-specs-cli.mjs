#!/usr/bin/env node
// @ts-check
// `pnpm lint:specs [vendor...]`: lints every spec listed in redocly.yaml in one process and prints
// problems as file:line:col. Exit 1 on any error or warning (the ruleset is strict on purpose).
import { readCliArgs } from "../cli/parse-cli-args.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { readVendors, selectVendors } from "../model/vendors.mjs";
import { formatProblem } from "./format-problems.mjs";
import { lintSpec, loadLintConfig } from "./lint-spec.mjs";

const USAGE = `usage: pnpm lint:specs [vendor...] [--json]
  lints specs/<vendor>/openapi.yaml, every vendor in redocly.yaml when none is named, and prints
  each problem as file:line:col

  --json    the problems per spec as JSON on stdout
  --help    this text

examples:
  pnpm lint:specs docutray
  pnpm lint:specs --json
exit status: 0 clean, 1 any error or warning, 2 bad arguments or an unknown vendor
`;
const {
  values: { json = false },
  positionals: names,
} = readCliArgs({ name: "lint:specs", usage: USAGE, options: { json: { type: "boolean" } }, positionals: { min: 0, max: Infinity } });
const rootDir = findRepoRoot();

try {
  const vendors = selectVendors(await readVendors(rootDir), names);
  const config = await loadLintConfig(rootDir);
  const results = [];
  for (const vendor of vendors) {
    results.push({ vendor: vendor.name, file: vendor.specFile, problems: await lintSpec(vendor.specPath, config, rootDir) });
  }
  const total = results.reduce((n, r) => n + r.problems.length, 0);
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const p of r.problems) console.log(formatProblem(p));
      console.log(
        `${r.problems.length === 0 ? "ok  " : "FAIL"} ${r.file} (${r.problems.length} problem${r.problems.length === 1 ? "" : "s"})`,
      );
    }
    console.log(total === 0 ? `lint:specs: ${results.length} spec(s) clean` : `lint:specs: ${total} problem(s)`);
  }
  process.exitCode = total === 0 ? 0 : 1;
} catch (error) {
  console.error(`lint:specs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
