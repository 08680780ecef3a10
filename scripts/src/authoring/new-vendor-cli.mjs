#!/usr/bin/env node
// @ts-check
// `pnpm new-vendor <name> --docs-url <url> [--auth header:<Name> | bearer] [--no-install]`
import { spawnSync } from "node:child_process";
import { exitWithUsage, readCliArgs } from "../cli/parse-cli-args.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { scaffoldVendor } from "./new-vendor.mjs";
import { parseAuthChoice } from "./render-spec-skeleton.mjs";

const CLI = /** @type {const} */ ({
  name: "new-vendor",
  usage: `usage: pnpm new-vendor <name> --docs-url <https url> [--auth bearer | header:<Header-Name>] [--no-install]
  scaffolds a vendor: specs/<name>/openapi.yaml, its entry in redocly.yaml, packages/<name> and a
  changeset, then runs \`pnpm install\` to link the new package; writes nothing when it refuses

  <name>        lower-case letters, digits and dashes; becomes \`@vendorspec/<name>\`
  --docs-url    the vendor's API docs the spec will be written from (required)
  --auth        how the API key is sent: bearer (default) or header:<Header-Name>
  --no-install  skip \`pnpm install\`
  --help        this text

examples:
  pnpm new-vendor acme --docs-url https://docs.acme.example/api
  pnpm new-vendor acme --docs-url https://docs.acme.example/api --auth header:X-Acme-Key
exit status: 0 scaffolded, 1 \`pnpm install\` failed, 2 refused (bad arguments or name; nothing written)
`,
  options: {
    "docs-url": { type: "string" },
    auth: { type: "string" },
    "no-install": { type: "boolean" },
  },
  positionals: { min: 1, max: 1, missing: "which vendor? the first argument is its name" },
});

const { values, positionals } = readCliArgs(CLI);
const [name = ""] = positionals;
const docsUrl = values["docs-url"];
if (!docsUrl) exitWithUsage(CLI, "--docs-url is required: the vendor docs the spec will be written from");
/** @type {import("./render-spec-skeleton.mjs").AuthChoice} */
let auth = { kind: "bearer" };
try {
  auth = parseAuthChoice(values.auth ?? "bearer");
} catch (error) {
  exitWithUsage(CLI, error instanceof Error ? error.message : String(error));
}

try {
  const rootDir = findRepoRoot();
  const written = await scaffoldVendor({ rootDir, name, docsUrl, auth });
  for (const file of written) console.log(`wrote ${file}`);
  if (!values["no-install"]) {
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
  exitWithUsage(CLI, error instanceof Error ? error.message : String(error));
}
