#!/usr/bin/env node
// @ts-check
// `pnpm docs [--out site]`: builds the docs site; open site/index.html or serve the folder statically.
import path from "node:path";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { buildDocsSite } from "./build-docs-site.mjs";

const rootDir = findRepoRoot();
const outIndex = process.argv.indexOf("--out");
const outDir = path.resolve(rootDir, outIndex >= 0 ? String(process.argv[outIndex + 1]) : "site");
try {
  const files = await buildDocsSite({ rootDir, outDir });
  console.log(`docs: wrote ${files.length} pages to ${path.relative(rootDir, outDir) || "."}/ (open index.html)`);
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
