// `pnpm release:publish` through a real registry (verdaccio on 127.0.0.1) when one package cannot be
// published: refused (verdaccio's `publish: nobody`) or answered 500 (a proxy in front of verdaccio),
// in a first release and in an upgrade. After the failed run a fresh consumer install of the client
// gets the whole previous set, or fails only because the client itself is absent; after the fix a
// re-run completes the release and the new set installs; a third run changes nothing.
import { execFile } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../test/public-packages.js";
import { copyRepo } from "./copy-repo.js";
import { type LocalRegistry, startLocalRegistry } from "./local-registry.js";

const run = promisify(execFile);
const changesetBin = path.join(repoRoot, "node_modules/.bin/changeset");
const FAILING = "@vendorspec/docutray";
const CLIENT = "@vendorspec/client";

let work: string;
const repo = () => path.join(work, "repo");

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "vendorspec-safe-release-"));
  await copyRepo(repo());
  await exec("pnpm", ["install", "--frozen-lockfile", "--offline", "--ignore-scripts"], repo(), process.env);
  // Only this test's releases: changesets pending in the working tree would bump more.
  for (const file of await readdir(path.join(repo(), ".changeset")))
    if (file.endsWith(".md") && file !== "README.md") await rm(path.join(repo(), ".changeset", file));
});
afterAll(async () => {
  await Promise.all(setups.map((s) => s.close()));
  if (work) await rm(work, { recursive: true, force: true });
});

async function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  try {
    return await run(command, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message}`);
  }
}

/** A registry, the proxy npm talks to (it can answer one package's publish with 500), and npm's config. */
interface Setup {
  registry: LocalRegistry;
  /** The package whose publish the proxy answers with 500, or undefined. */
  fail500: string | undefined;
  env: NodeJS.ProcessEnv;
  url: string;
  close(): Promise<void>;
}
const setups: Setup[] = [];

async function setUp(name: string, refuse?: string): Promise<Setup> {
  const registry = await startLocalRegistry(refuse ? { publish: { [refuse]: "nobody" } } : {});
  const target = new URL(registry.url);
  const setup = { registry, fail500: undefined } as Setup;
  const proxy: Server = createServer((req, res) => {
    // npm publishes with PUT /<name> (the scope's slash encoded).
    if (req.method === "PUT" && setup.fail500 && decodeURIComponent(req.url ?? "") === `/${setup.fail500}`) {
      req.resume();
      res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal server error"}');
      return;
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "npmrc"), `registry=${url}/\n${url.replace(/^http:/, "")}/:_authToken=${registry.token}\n`);
  setup.url = url;
  setup.env = {
    ...process.env,
    npm_config_registry: `${url}/`,
    npm_config_userconfig: path.join(dir, "npmrc"),
    npm_config_cache: path.join(dir, "npm-cache"),
    npm_config_provenance: "false",
    npm_config_update_notifier: "false",
    // A 500 is the proxy's on purpose: npm's own retries (about 75 s by default) would only wait.
    npm_config_fetch_retries: "0",
  };
  setup.close = async () => {
    await new Promise((resolve) => proxy.close(resolve));
    proxy.closeAllConnections();
    await registry.stop();
  };
  setups.push(setup);
  return setup;
}

async function releasePublish(setup: Setup) {
  // The copy's own CLI, pointed at the copy: it publishes the repo it sits in.
  return run(process.execPath, [path.join(repo(), "scripts/src/release/release-publish-cli.mjs")], {
    cwd: repo(),
    env: { ...setup.env, VENDORSPEC_ROOT: repo() },
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` }),
  );
}

/** The result column of a package in the run's table. */
const resultOf = (out: string, name: string) => new RegExp(`^${name.replace("/", "\\/")}\\s+\\S+\\s+(.+?)\\s{2}`, "m").exec(out)?.[1];

/** Every @vendorspec package's versions and dist-tags, straight from the registry. */
async function registryState(setup: Setup) {
  const state: Record<string, unknown> = {};
  for (const name of ["apptus-esales", "client", "docutray", "leadsygroup", "lettrlabs", "mock-server"]) {
    const response = await fetch(`${setup.registry.url}/@vendorspec%2f${name}`);
    const body = response.ok ? ((await response.json()) as { versions: object; "dist-tags": object }) : undefined;
    state[name] = body ? { versions: Object.keys(body.versions).sort(), tags: body["dist-tags"] } : "absent";
  }
  return state;
}

/**
 * A fresh consumer (own folder) installs the client: the versions it got, or npm's error. npm's
 * cache is the setup's, but every package's metadata is fetched again (prefer-online): only
 * tarballs, immutable by their integrity, come from the cache.
 */
async function consumerInstall(setup: Setup, label: string) {
  const dir = path.join(work, `${label}-consumer`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  const env = { ...setup.env, npm_config_prefer_online: "true" };
  try {
    await run("npm", ["install", "--no-audit", "--no-fund", CLIENT], { cwd: dir, env, maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    return { error: String((error as { stderr?: string }).stderr ?? error) };
  }
  const version = async (name: string) => JSON.parse(await readFile(path.join(dir, "node_modules", name, "package.json"), "utf8")).version as string;
  return { client: await version(CLIENT), docutray: await version(FAILING), lettrlabs: await version("@vendorspec/lettrlabs") };
}

const versionOf = async (name: string) =>
  JSON.parse(await readFile(path.join(repo(), "packages", name.replace("@vendorspec/", ""), "package.json"), "utf8")).version as string;

// Both scenarios release the same copy in turn: the 500 one's first release is of the versions the
// refused one's upgrade left, a first release all the same for its own empty registry.
describe.each(["refused", "500"] as const)("one package %s", (kind) => {
  let setup: Setup;

  test(`first release: the dependents of a package that is ${kind} stay absent, the re-run completes it`, async () => {
    setup = await setUp(`first-${kind}`, kind === "refused" ? FAILING : undefined);
    setup.fail500 = kind === "500" ? FAILING : undefined;

    const failed = await releasePublish(setup);
    expect(failed.code, failed.out).toBe(1);
    expect(resultOf(failed.out, FAILING)).toBe("failed");
    expect(failed.out).toMatch(kind === "refused" ? /E403/ : /E500/);
    for (const dependent of [CLIENT, "@vendorspec/mock-server"]) expect(resultOf(failed.out, dependent), failed.out).toBe("skipped");
    const after = (await registryState(setup)) as Record<string, unknown>;
    expect(after.docutray).toBe("absent");
    expect(after.client).toBe("absent");
    // The consumer's install fails on the client itself, never on a missing dependency of it.
    const blocked = await consumerInstall(setup, `first-${kind}-failed`);
    expect(blocked.error).toMatch(/E404/);
    expect(blocked.error).toMatch(/@vendorspec(\/|%2f)client/);
    expect(blocked.error).not.toMatch(/docutray/);

    if (kind === "refused") await setup.registry.restart();
    setup.fail500 = undefined;
    const fixed = await releasePublish(setup);
    expect(fixed.code, fixed.out).toBe(0);
    expect(await consumerInstall(setup, `first-${kind}-fixed`)).toEqual({
      client: await versionOf(CLIENT),
      docutray: await versionOf(FAILING),
      lettrlabs: await versionOf("@vendorspec/lettrlabs"),
    });
    const complete = await registryState(setup);
    const again = await releasePublish(setup);
    expect(again.code, again.out).toBe(0);
    expect(resultOf(again.out, CLIENT)).toBe("unchanged");
    expect(await registryState(setup)).toEqual(complete);
  });

  test(`upgrade: consumers keep the previous set while a package is ${kind}; the re-run promotes the whole new one`, async () => {
    const previous = { client: await versionOf(CLIENT), docutray: await versionOf(FAILING), lettrlabs: await versionOf("@vendorspec/lettrlabs") };
    // A leaf that uploads before the failing package, and the failing package's dependents.
    await writeFile(
      path.join(repo(), ".changeset", `e2e-upgrade-${kind}.md`),
      `---\n"@vendorspec/lettrlabs": patch\n"${FAILING}": minor\n---\n\nE2E: an upgrade.\n`,
    );
    await exec(changesetBin, ["version"], repo(), process.env);
    const next = { client: await versionOf(CLIENT), docutray: await versionOf(FAILING), lettrlabs: await versionOf("@vendorspec/lettrlabs") };
    expect(next.client).not.toBe(previous.client);

    if (kind === "refused") await setup.registry.restart({ publish: { [FAILING]: "nobody" } });
    setup.fail500 = kind === "500" ? FAILING : undefined;
    const failed = await releasePublish(setup);
    expect(failed.code, failed.out).toBe(1);
    expect(resultOf(failed.out, FAILING), failed.out).toBe("failed");
    expect(resultOf(failed.out, CLIENT), failed.out).toBe("skipped");
    const state = (await registryState(setup)) as Record<string, { versions: string[]; tags: Record<string, string> }>;
    if (kind === "refused") {
      // The package exists, so the write check before the first upload finds the refusal: nothing is uploaded.
      expect(failed.out).toMatch(/the credentials cannot publish @vendorspec\/docutray/);
      expect(resultOf(failed.out, "@vendorspec/lettrlabs"), failed.out).toBe("skipped");
      expect(state.lettrlabs?.versions).not.toContain(next.lettrlabs);
    } else {
      // A 500 shows only at the upload: the leaf before it waits under the staging tag, unpromoted.
      expect(resultOf(failed.out, "@vendorspec/lettrlabs"), failed.out).toBe("uploaded, not promoted");
      expect(state.lettrlabs?.versions).toContain(next.lettrlabs);
      expect(state.lettrlabs?.tags.staging).toBe(next.lettrlabs);
    }
    expect(state.lettrlabs?.tags.latest).toBe(previous.lettrlabs);
    expect(state.client?.versions).not.toContain(next.client);
    expect(await consumerInstall(setup, `upgrade-${kind}-failed`)).toEqual(previous);

    if (kind === "refused") await setup.registry.restart();
    setup.fail500 = undefined;
    const fixed = await releasePublish(setup);
    expect(fixed.code, fixed.out).toBe(0);
    expect(resultOf(fixed.out, "@vendorspec/lettrlabs"), fixed.out).toBe(kind === "refused" ? "published" : "promoted");
    expect(resultOf(fixed.out, CLIENT)).toBe("published");
    expect(await consumerInstall(setup, `upgrade-${kind}-fixed`)).toEqual(next);
    const done = (await registryState(setup)) as Record<string, { tags: Record<string, string> }>;
    // No staging tag is left behind, the first release's included.
    for (const pkg of Object.values(done)) expect(Object.keys(pkg.tags)).toEqual(["latest"]);
  });
});
