#!/usr/bin/env node
// @ts-check
// `pnpm new-vendor <name> --docs-url <url> [--auth header:<Name> | bearer] [--no-install]`
import { spawnSync } from "node:child_process";
import { findRepoRoot } from "../model/repo-root.mjs";
import { scaffoldVendor } from "./new-vendor.mjs";
import { parseAuthChoice } from "./render-spec-skeleton.mjs";

const USAGE = "usage: pnpm new-vendor <name> --docs-url <https url> [--auth bearer | header:<Header-Name>] [--no-install]";
const args = process.argv.slice(2);
/** @param {string} flag */
const value = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};

try {
  const name = args[0];
  const docsUrl = value("--docs-url");
  if (!name || name.startsWith("--")) throw new Error("which vendor? the first argument is its name");
  if (!docsUrl) throw new Error("--docs-url is required: the vendor docs the spec will be written from");
  const auth = parseAuthChoice(value("--auth") ?? "bearer");
  const rootDir = findRepoRoot();
  const written = await scaffoldVendor({ rootDir, name, docsUrl, auth });
  for (const file of written) console.log(`wrote ${file}`);
  if (!args.includes("--no-install")) {
    // Links the new workspace package into the client, mock server and docs, and records it in the
    // lockfile (the README build installs with --frozen-lockfile, which CI=true also implies, hence
    // --no-frozen-lockfile here); cached packages are reused.
    const install = spawnSync("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], { cwd: rootDir, stdio: "inherit" });
    if (install.status !== 0) {
      console.error("new-vendor: `pnpm install` failed; run it yourself to link the new package and update the lockfile");
      process.exitCode = 1;
    }
  }
  console.log(`\nnext: write specs/${name}/openapi.yaml from ${docsUrl}, then \`pnpm lint:specs ${name}\` and \`pnpm generate ${name}\``);
} catch (error) {
  console.error(`new-vendor: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exitCode = 2;
}
