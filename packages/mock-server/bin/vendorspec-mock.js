#!/usr/bin/env node
// The `vendorspec-mock` command. Committed as plain JS so the bin exists before a build (pnpm links
// bins at install time); the CLI itself is compiled to dist/cli.js.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error(
    "vendorspec-mock: dist/cli.js is missing: the package is not built. Build it first: pnpm --filter @vendorspec/mock-server build",
  );
  process.exit(1);
}
await import(cli.href);
