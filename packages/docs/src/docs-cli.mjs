#!/usr/bin/env node
// @ts-check
// `pnpm docs:build [--out site]`: builds the docs site; open <out>/index.html or serve the folder statically.
// Exits 2, having written and deleted nothing, on a bad command line or an output folder it must not empty.
import path from "node:path";
import { parseArgs } from "node:util";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { buildDocsSite } from "./build-docs-site.mjs";
import { OutDirRefusedError } from "./out-dir.mjs";

const USAGE = `usage: pnpm docs:build [--out <dir>]

Builds the docs site: index.html (every vendor, its operations, deprecations and job lifecycle) and one
API reference page per vendor, all working from disk with no network.

  --out <dir>   output folder, relative to the repo root (default: site). Emptied and rewritten if an
                earlier build made it (it holds .vendorspec-docs); a new or empty folder is fine too.
                Anything else (the repo root, a folder above it, a non-empty folder of yours) is refused.
  -h, --help    print this and exit

example: pnpm docs:build --out /tmp/vendorspec-site    (then open /tmp/vendorspec-site/index.html in a browser)
`;

/** @type {(message: string) => never} */
const refuse = (message) => {
  process.stderr.write(`docs: ${message}\n\n${USAGE}`);
  process.exit(2);
};

let values;
try {
  ({ values } = parseArgs({
    strict: true,
    allowPositionals: false,
    options: { out: { type: "string", default: "site" }, help: { type: "boolean", short: "h" } },
  }));
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const rootDir = findRepoRoot();
const outDir = path.resolve(rootDir, String(values.out));
try {
  const files = await buildDocsSite({ rootDir, outDir });
  const pages = files.filter((file) => file.endsWith(".html")).length;
  const shown = outDir.startsWith(rootDir + path.sep) ? path.relative(rootDir, outDir) : outDir;
  console.log(`docs: wrote ${pages} pages (${files.length} files) to ${shown}/ (open index.html)`);
} catch (error) {
  if (error instanceof OutDirRefusedError) {
    // The usage is no help here; the message says which folder and what to do instead.
    process.stderr.write(`docs: ${error.message}\n`);
    process.exit(2);
  }
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
