#!/usr/bin/env node
// @ts-check
// `pnpm contracts:diff [--base <ref>] [--json | --markdown]`: every contract change per vendor since
// the base (default: the package's last release tag, else the merge base with main), classified.
import { findRepoRoot } from "../model/repo-root.mjs";
import { compareVendors } from "./compare-vendors.mjs";
import { formatReport } from "./format-report.mjs";

const args = process.argv.slice(2);
const baseAt = args.indexOf("--base");
const base = baseAt >= 0 ? args[baseAt + 1] : undefined;
const format = args.includes("--json") ? "json" : args.includes("--markdown") ? "markdown" : "table";
try {
  const results = await compareVendors({ rootDir: findRepoRoot(), ...(base ? { base } : {}) });
  process.stdout.write(formatReport(results, format));
} catch (error) {
  console.error(`contracts:diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
