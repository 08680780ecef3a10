// Two clones sharing one self-hosted remote cache (`pnpm cache:server`, turborepo-remote-cache on
// 127.0.0.1, local storage, signed artifacts): clone A builds and tests and uploads; clone B, from
// scratch, restores every task from the server with byte-identical outputs; a one-spec edit in B
// misses exactly that vendor's tasks and their dependents; a wrong token, a wrong signing key or a
// server that is down only costs the cache, never the build.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../test/public-packages.js";
import { copyRepo } from "./copy-repo.js";

const run = promisify(execFile);
const TOKEN = "e2e-token-0123456789";
const SIGNATURE_KEY = "e2e-signature-key-0123456789abcdef0123456789";
/** What each clone runs: every build and typecheck, and one package's tests with their dependencies. */
const BUILD = ["run", "build", "typecheck"];
const TEST = ["run", "test", "--filter=@vendorspec/spec-tests"];

let work = "";
let server: ChildProcess | undefined;
let apiUrl = "";
const storage = () => path.join(work, "storage");
const clone = (name: string) => path.join(work, name);

/** Client settings for the shared cache, nothing inherited from the machine running the tests. */
function cacheEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  for (const name of Object.keys(env)) if (name.startsWith("TURBO_") && name !== "TURBO_TELEMETRY_DISABLED") delete env[name];
  return { ...env, TURBO_API: apiUrl, TURBO_TEAM: "vendorspec", TURBO_TOKEN: TOKEN, TURBO_REMOTE_CACHE_SIGNATURE_KEY: SIGNATURE_KEY, ...overrides };
}

/** turbo through the clone's own run-turbo.mjs (the Node major in the hash, as `pnpm build` runs it). */
async function turbo(cwd: string, args: string[], env = cacheEnv()) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/src/cli/run-turbo.mjs", ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`turbo ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message}`);
  }
}

/** "Cached:    3 cached, 10 total" → [3, 10]. */
function cachedCounts(output: string): [number, number] {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  if (!match) throw new Error(`no turbo summary in:\n${output.slice(-2000)}`);
  return [Number(match[1]), Number(match[2])];
}

async function makeClone(name: string) {
  await copyRepo(clone(name), { withDist: false });
  await run("pnpm", ["install", "--frozen-lockfile", "--offline", "--ignore-scripts"], { cwd: clone(name), maxBuffer: 32 * 1024 * 1024 });
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Every file under `dir` with its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = (await readFile(file)).toString("base64");
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "vendorspec-remote-cache-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_TOKEN: TOKEN,
    TURBO_REMOTE_CACHE_SIGNATURE_KEY: SIGNATURE_KEY,
    PORT: "0",
    STORAGE_PATH: storage(),
    LOG_LEVEL: "info",
  };
  server = spawn(process.execPath, [path.join(repoRoot, "scripts/src/cache/cache-server-cli.mjs")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  apiUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
      if (url) resolve(url);
    };
    server?.stdout?.on("data", onData);
    server?.stderr?.on("data", onData);
    server?.on("exit", (code) => reject(new Error(`cache:server exited (${code}) before listening:\n${log}`)));
  });
  await Promise.all([makeClone("a"), makeClone("b")]);
});

afterAll(async () => {
  server?.kill("SIGTERM");
  if (work) await rm(work, { recursive: true, force: true });
});

describe("two clones share one remote cache", () => {
  test("the server refuses an artifact request without the right token", async () => {
    const artifact = `${apiUrl}/v8/artifacts/0123456789abcdef?team=vendorspec`;
    // No Authorization header at all is a bad request (400); a wrong token, unauthorized (401).
    expect((await fetch(artifact)).status).toBe(400);
    expect((await fetch(artifact, { headers: { authorization: "Bearer wrong-token" } })).status).toBe(401);
    expect((await fetch(artifact, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  test("clone A builds and tests, uploading signed artifacts", async () => {
    const [built] = cachedCounts(await turbo(clone("a"), BUILD));
    expect(built).toBe(0);
    // The test run reuses the builds just made (local hits) and runs the tests.
    const [tested, testTotal] = cachedCounts(await turbo(clone("a"), TEST));
    expect(tested).toBeLessThan(testTotal);
    const stored = await readdir(path.join(storage(), "vendorspec"));
    const artifacts = stored.filter((name) => !name.endsWith(".tag"));
    expect(artifacts.length).toBeGreaterThan(5);
    // The server keeps a tag (the client's HMAC of the artifact) for each, since it has the key.
    expect(stored.filter((name) => name.endsWith(".tag")).sort()).toEqual(artifacts.map((name) => `${name}.tag`).sort());
  });

  test("clone B, from scratch, restores everything from the server, byte for byte", async () => {
    const build = await turbo(clone("b"), BUILD);
    const tests = await turbo(clone("b"), TEST);
    for (const output of [build, tests]) {
      const [cached, total] = cachedCounts(output);
      expect(cached).toBe(total);
      expect(output).toContain("FULL TURBO");
    }
    for (const dir of ["packages/client/dist", "packages/mock-server/dist", "packages/spec-tests/.reports"]) {
      expect(await snapshot(path.join(clone("b"), dir))).toEqual(await snapshot(path.join(clone("a"), dir)));
    }
  });

  test("a one-spec edit in B misses exactly that vendor's tasks and their dependents", async () => {
    const spec = path.join(clone("b"), "specs/docutray/openapi.yaml");
    const source = await readFile(spec, "utf8");
    await writeFile(spec, source.replace(/^info:\n/m, "info:\n  x-e2e-note: edited in clone B\n"));
    const { stdout } = await run(process.execPath, ["scripts/src/cli/run-turbo.mjs", ...BUILD, "--dry=json"], {
      cwd: clone("b"),
      env: cacheEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    type DryTask = { taskId: string; command: string; dependents: string[]; cache: { status: string } };
    const tasks = (JSON.parse(stdout) as { tasks: DryTask[] }).tasks;
    const byId = new Map(tasks.map((t) => [t.taskId, t]));
    const want = new Set<string>();
    const queue = ["@vendorspec/docutray#lint:specs"];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      if (want.has(id) || !byId.has(id)) continue;
      want.add(id);
      queue.push(...(byId.get(id)?.dependents ?? []));
    }
    // Tasks without a command (a vendor's build, the toolchain) are hashed but never stored.
    const runs = (id: string) => byId.get(id)?.command !== "<NONEXISTENT>";
    const missed = tasks.filter((t) => runs(t.taskId) && t.cache.status !== "HIT").map((t) => t.taskId);
    expect(missed.sort()).toEqual([...want].filter(runs).sort());
    expect(missed).not.toContain("@vendorspec/leadsygroup#generate");
    expect(missed).toContain("@vendorspec/client#build");

    const [cached, total] = cachedCounts(await turbo(clone("b"), BUILD));
    expect(total - cached).toBe(missed.length);
    expect(await readFile(path.join(clone("b"), "packages/docutray/openapi.json"), "utf8")).toContain("edited in clone B");
  });

  test("a wrong token, a wrong signing key or a server that is down only costs the cache", async () => {
    const oneVendor = ["run", "build", "typecheck", "--filter=@vendorspec/docutray", "--remote-only"];
    const down = `http://127.0.0.1:${await closedPort()}`;
    for (const overrides of [{ TURBO_TOKEN: "wrong-token" }, { TURBO_REMOTE_CACHE_SIGNATURE_KEY: "another-key-0123456789abcdef0123456789" }, { TURBO_API: down }]) {
      const [cached, total] = cachedCounts(await turbo(clone("a"), oneVendor, cacheEnv(overrides)));
      expect(cached).toBe(0);
      expect(total).toBeGreaterThan(0);
    }
  });
});
