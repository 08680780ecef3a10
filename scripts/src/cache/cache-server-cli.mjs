#!/usr/bin/env node
// @ts-check
// `pnpm cache:server`: starts the self-hosted turbo remote cache (ducktors/turborepo-remote-cache)
// on 127.0.0.1, configured by the environment the way that server is (PORT, TURBO_TOKEN,
// STORAGE_PATH, …). The server has an install of its own in tools/cache-server (installed here on
// first use from its lockfile), because its storage SDKs declare Node >= 22 and would fail the
// repo's engine-strict install on Node 20. Refuses to start open to anyone or with a weak signing
// key; never prints a token or a key.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { exitWithUsage, readCliArgs } from "../cli/parse-cli-args.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";

const USAGE = `usage: pnpm cache:server
  starts the turbo remote cache server (turborepo-remote-cache) for clones and CI to share;
  configured by the environment, as that server is:

  TURBO_TOKEN                        required: the token(s) clients send, comma-separated
  PORT                               default 3000
  HOST                               default 127.0.0.1 (set 0.0.0.0 to serve other machines)
  STORAGE_PROVIDER                   default local (also s3, google-cloud-storage, azure-blob-storage)
  STORAGE_PATH                       local: the folder artifacts are kept in, default .turbo-cache-server/
  TURBO_REMOTE_CACHE_SIGNATURE_KEY   the key clients sign artifacts with (>= 32 bytes); the server
                                     keeps artifact tags only when it has it too
  READ_ONLY                          true: serve artifacts, refuse uploads

  --help   this text

examples:
  pnpm cache:server        with TURBO_TOKEN (and the signing key) exported
point clients at it: TURBO_API=http://127.0.0.1:3000 TURBO_TEAM=vendorspec TURBO_TOKEN=… pnpm build
exit status: the server's; 2 bad arguments or configuration
`;
const CLI = { name: "cache:server", usage: USAGE };
readCliArgs({ ...CLI, options: {} });

/** turbo warns below this, and a short HMAC key is guessable. */
const MIN_SIGNATURE_KEY_BYTES = 32;

const rootDir = findRepoRoot();
const serverDir = path.join(rootDir, "tools/cache-server");
const serverCli = path.join(serverDir, "node_modules/turborepo-remote-cache/dist/cli.js");

const env = { ...process.env };
if (!env.TURBO_TOKEN?.trim()) {
  exitWithUsage(CLI, "TURBO_TOKEN is not set: without it the server would accept uploads from anyone");
}
const key = env.TURBO_REMOTE_CACHE_SIGNATURE_KEY;
if (key !== undefined && Buffer.byteLength(key) < MIN_SIGNATURE_KEY_BYTES) {
  exitWithUsage(
    CLI,
    `TURBO_REMOTE_CACHE_SIGNATURE_KEY is shorter than ${MIN_SIGNATURE_KEY_BYTES} bytes; use a random one, e.g. \`openssl rand -hex 32\``,
  );
}
env.HOST ??= "127.0.0.1";
env.PORT ??= "3000";
env.STORAGE_PROVIDER ??= "local";
env.AUTH_MODE ??= "static";
if (env.STORAGE_PROVIDER === "local") {
  // The server's default keeps artifacts under the OS temp folder, which a reboot may empty.
  env.STORAGE_PATH = path.resolve(rootDir, env.STORAGE_PATH ?? ".turbo-cache-server");
  env.STORAGE_PATH_USE_TMP_FOLDER = "false";
}
if (key === undefined) console.error("cache:server: TURBO_REMOTE_CACHE_SIGNATURE_KEY is not set: artifacts are stored unsigned");

if (!existsSync(serverCli)) {
  console.error("cache:server: installing the server into tools/cache-server (once, from its lockfile)");
  // On the command line, not only in tools/cache-server/.npmrc: run from a pnpm script, the repo's
  // engine-strict=true arrives as npm_config_engine_strict, which outranks a folder's .npmrc.
  const install = spawnSync(
    "pnpm",
    ["install", "--ignore-workspace", "--frozen-lockfile", "--prefer-offline", "--config.engine-strict=false"],
    { cwd: serverDir, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (install.status !== 0 || !existsSync(serverCli)) {
    console.error("cache:server: the install failed; run `pnpm install --ignore-workspace --frozen-lockfile` in tools/cache-server");
    process.exit(1);
  }
}

console.error(
  `cache:server: starting on http://${env.HOST}:${env.PORT}, storage ${env.STORAGE_PROVIDER}${env.STORAGE_PROVIDER === "local" ? ` in ${env.STORAGE_PATH}` : ""}`,
);
const server = spawn(process.execPath, [serverCli], { env, stdio: "inherit" });
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
