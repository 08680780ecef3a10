#!/usr/bin/env node
// @ts-check
// `turbo` with the running Node's major version in VENDORSPEC_NODE_MAJOR, which turbo.json lists in
// globalEnv: turbo hashes no runtime version itself, and a test result or a build from Node 20 must
// never be replayed for Node 22 (or shared through a remote cache across CI's Node matrix).
// Arguments pass through to turbo unchanged; its exit status is this script's.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { findRepoRoot } from "../model/repo-root.mjs";

const turbo = path.join(findRepoRoot(), "node_modules/.bin/turbo");
const env = { ...process.env, VENDORSPEC_NODE_MAJOR: process.versions.node.split(".")[0] };
const result = spawnSync(turbo, process.argv.slice(2), { stdio: "inherit", env });
if (result.error) {
  console.error(`run-turbo: cannot start ${turbo}: ${result.error.message} (run \`pnpm install\` first)`);
  process.exit(2);
}
process.exit(result.status ?? 1);
