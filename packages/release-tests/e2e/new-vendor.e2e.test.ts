// A new vendor is one spec: in a clean copy of the repo (a git repository of its own), `pnpm
// new-vendor acme` and the README's build are all it takes for `@vendorspec/client/acme` to export
// `createAcmeClient`, for `startMockServer({ vendor: "acme" })` to serve it, for both `jobs.run` and
// `jobs.start` + `jobs.wait` to resolve `succeeded` against that mock, and for the docs to show it.
// No file outside specs/acme is edited by hand.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyRepo } from "./copy-repo.js";

const run = promisify(execFile);
let work: string;
const env = { ...process.env, CI: "true", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", npm_config_update_notifier: "false" };

async function exec(command: string, args: string[], cwd = work) {
  try {
    return await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message}`);
  }
}

const git = (...args: string[]) => exec("git", ["-c", "user.email=ci@vendorspec.test", "-c", "user.name=ci", ...args]);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "vendorspec-new-vendor-"));
  await copyRepo(work, { withDist: false });
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "-m", "clean clone");
  await exec("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test("new-vendor, then the README build: the client, the mock server and the docs serve the vendor", async () => {
  await exec("pnpm", ["new-vendor", "acme", "--docs-url", "https://docs.acme.test/api", "--auth", "header:X-Acme-Key"]);
  // What changed is the new spec plus generated output only.
  const { stdout: changed } = await git("status", "--porcelain", "--untracked-files=all");
  const files = changed
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3));
  const generated = [
    /^specs\/acme\//,
    /^packages\/acme\//,
    /^packages\/client\/src\/vendors\/(acme|index)\.ts$/,
    /^packages\/(client|mock-server|docs)\/package\.json$/,
    /^packages\/mock-server\/src\/vendor-list\.ts$/,
    /^redocly\.yaml$/,
    /^pnpm-lock\.yaml$/,
    /^\.changeset\/new-vendor-acme\.md$/,
  ];
  expect(files.filter((file) => !generated.some((pattern) => pattern.test(file)))).toEqual([]);

  // The README's first command, on the scaffolded repo.
  await exec("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
  await exec("pnpm", ["build"]);

  // A consumer module inside the client package resolves @vendorspec/client by its own name.
  const check = path.join(work, "packages/client/acme-check.mjs");
  await writeFile(
    check,
    `import { readFileSync } from "node:fs";
import { descriptor } from "@vendorspec/acme";
import { createAcmeClient } from "@vendorspec/client/acme";
import { startMockServer } from "@vendorspec/mock-server";
const spec = JSON.parse(readFileSync(new URL("../acme/openapi.json", import.meta.url), "utf8"));
const [start] = descriptor.job.starts;
const media = spec.paths[start.path][start.method].requestBody.content["application/json"];
const body = Object.values(media.examples)[0].value;
const mock = await startMockServer({ vendor: "acme", apiKey: "acme-key-1" });
try {
  const client = createAcmeClient({ apiKey: "acme-key-1", baseUrl: mock.url });
  const ran = await client.jobs.run(start.path, { body }, { intervalMs: 1 });
  const started = await client.jobs.start(start.path, { body });
  const waited = await client.jobs.wait(started.id, { intervalMs: 1 });
  console.log(JSON.stringify({ run: ran.state, started: started.state, waited: waited.state, errors: mock.errors, log: mock.requests }));
} finally {
  await mock.close();
}
`,
  );
  const { stdout } = await exec(process.execPath, [check], path.join(work, "packages/client"));
  const result = JSON.parse(stdout);
  expect(result).toMatchObject({ run: "succeeded", started: "queued", waited: "succeeded", errors: [] });
  // Auth comes from the scaffold's security scheme: the key went in X-Acme-Key (masked in the log).
  expect(result.log.every((r: { headers: Record<string, string> }) => r.headers["x-acme-key"] === "***")).toBe(true);

  await exec("pnpm", ["docs:build"]);
  const index = await readFile(path.join(work, "site/index.html"), "utf8");
  expect(index).toMatch(/<section class="vendor" id="acme">[\s\S]*<svg class="lifecycle" data-vendor="acme"/);
  expect(index).toContain("started by <code>startJob</code>");
});
