// End to end through a real npm registry (verdaccio on 127.0.0.1): in a temporary copy of the repo,
// a changeset is versioned and published (`pnpm release:publish`); a fresh consumer project outside the workspace installs
// the client and a type package with plain npm, type-checks against them under nodenext and bundler
// resolution, and waits a job to success against the published mock server. Publishing again is a
// no-op; private packages are never published; the registry and temp folders are always removed.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listPublicPackages, repoRoot } from "../test/public-packages.js";
import { copyRepo } from "./copy-repo.js";
import { type LocalRegistry, startLocalRegistry } from "./local-registry.js";

const run = promisify(execFile);
const changesetBin = path.join(repoRoot, "node_modules/.bin/changeset");
const tscBin = path.join(repoRoot, "node_modules/.bin/tsc");

let registry: LocalRegistry;
let work: string;
const repo = () => path.join(work, "repo");
const consumer = () => path.join(work, "consumer");
/** The copy's own CLI: it publishes the repo it sits in. */
const releasePublishCli = () => path.join(repo(), "scripts/src/release/release-publish-cli.mjs");
let env: NodeJS.ProcessEnv;

async function exec(command: string, args: string[], cwd: string) {
  try {
    return await run(command, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message}`);
  }
}

const published = async (name: string) => {
  const response = await fetch(`${registry.url}/${name.replace("/", "%2f")}`);
  return response.ok ? ((await response.json()) as { versions: Record<string, unknown> }) : undefined;
};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "vendorspec-e2e-"));
  registry = await startLocalRegistry();
  const host = registry.url.replace(/^http:/, "");
  const npmrc = `registry=${registry.url}/\n${host}/:_authToken=${registry.token}\n`;
  env = {
    ...process.env,
    npm_config_registry: `${registry.url}/`,
    npm_config_userconfig: path.join(work, "npmrc"),
    npm_config_provenance: "false",
    npm_config_update_notifier: "false",
    CI: "true",
  };
  env.VENDORSPEC_ROOT = repo();
  await writeFile(path.join(work, "npmrc"), npmrc);
  await copyRepo(repo());
  // Links the workspace (pnpm publish resolves workspace: ranges from it) from the local store only.
  await exec("pnpm", ["install", "--frozen-lockfile", "--offline", "--ignore-scripts"], repo());
});

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("release through a local registry", () => {
  test("changeset version bumps the changed package and its dependents and writes the changelog", async () => {
    // Only this test's release: changesets pending in the working tree would bump more.
    const changesets = path.join(repo(), ".changeset");
    for (const file of await readdir(changesets)) if (file.endsWith(".md") && file !== "README.md") await rm(path.join(changesets, file));
    await writeFile(path.join(repo(), ".changeset/e2e-docutray.md"), '---\n"@vendorspec/docutray": minor\n---\n\nE2E: a test release of the Docutray types.\n');
    await exec(changesetBin, ["version"], repo());
    const docutray = JSON.parse(await readFile(path.join(repo(), "packages/docutray/package.json"), "utf8"));
    const client = JSON.parse(await readFile(path.join(repo(), "packages/client/package.json"), "utf8"));
    expect(docutray.version).toBe("0.2.0");
    expect(client.version).toBe("0.1.1");
    expect(await readFile(path.join(repo(), "packages/docutray/CHANGELOG.md"), "utf8")).toContain("E2E: a test release of the Docutray types.");
  });

  test("release:publish publishes every public package and no private one", async () => {
    await exec(process.execPath, [releasePublishCli()], repo());
    const publics = await listPublicPackages();
    for (const pkg of publics) expect(await published(pkg.name), pkg.name).toBeDefined();
    expect(Object.keys((await published("@vendorspec/docutray"))?.versions ?? {})).toEqual(["0.2.0"]);
    for (const name of ["@vendorspec/spec-tests", "@vendorspec/release-tests", "@vendorspec/scripts", "@vendorspec/bench", "vendorspec"]) {
      expect(await published(name), name).toBeUndefined();
    }
  });

  test("publishing the same versions again is a no-op", async () => {
    const before = await published("@vendorspec/client");
    const { stdout } = await exec(process.execPath, [releasePublishCli()], repo());
    expect(stdout).toContain("the release is complete");
    expect(stdout).not.toMatch(/publishing @vendorspec/);
    expect(await published("@vendorspec/client")).toEqual(before);
  });

  test("a consumer outside the workspace installs with plain npm, type-checks (nodenext and bundler) and waits a job", async () => {
    await mkdir(consumer(), { recursive: true });
    await writeFile(path.join(consumer(), "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
    await exec("npm", ["install", "--no-audit", "--no-fund", "@vendorspec/client", "@vendorspec/docutray", "@vendorspec/mock-server", "@types/node@20"], consumer());
    const installed = JSON.parse(await readFile(path.join(consumer(), "node_modules/@vendorspec/docutray/package.json"), "utf8"));
    expect(installed.version).toBe("0.2.0");
    await writeFile(
      path.join(consumer(), "consumer.ts"),
      [
        'import { createDocutrayClient, type Job } from "@vendorspec/client";',
        'import type { ConversionStatus, ConversionStatusResponse } from "@vendorspec/docutray";',
        'import { startMockServer } from "@vendorspec/mock-server";',
        "",
        'const mock = await startMockServer({ vendor: "docutray", apiKey: "e2e-key" });',
        'const client = createDocutrayClient({ apiKey: "e2e-key", baseUrl: mock.url });',
        'const { data, error } = await client.POST("/api/convert-async", { body: { image_url: "https://files.test/a.pdf", document_type_code: "invoice" } });',
        "if (!data) throw new Error(`start failed: ${JSON.stringify(error)}`);",
        "const job: Job<ConversionStatusResponse, \"docutray\"> = await client.jobs.wait(data.conversion_id, { intervalMs: 10 });",
        "const status: ConversionStatus = job.raw.status;",
        "console.log(JSON.stringify({ state: job.state, status, errors: mock.errors.length }));",
        "await mock.close();",
        "",
      ].join("\n"),
    );
    const common = ["--strict", "--noEmit", "--target", "es2022", "--skipLibCheck", "false", "--types", "node", "consumer.ts"];
    await exec(tscBin, [...common, "--module", "nodenext", "--moduleResolution", "nodenext"], consumer());
    await exec(tscBin, [...common, "--module", "esnext", "--moduleResolution", "bundler"], consumer());
    await exec(tscBin, ["--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", "--outDir", "out", "consumer.ts"], consumer());
    const { stdout } = await exec(process.execPath, ["out/consumer.js"], consumer());
    expect(JSON.parse(stdout.trim())).toEqual({ state: "succeeded", status: "SUCCESS", errors: 0 });
  });

  test("the registry process and temp folders are removed", async () => {
    const { dir, process: child } = registry;
    await registry.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
    await rm(work, { recursive: true, force: true });
    await expect(stat(work)).rejects.toThrow(/ENOENT/);
  });
});
