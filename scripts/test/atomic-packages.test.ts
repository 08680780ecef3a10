// A package is replaced as a whole: the generator is stopped before each of its write steps in
// turn (crash-at-write-step.mjs, no signals, no timing), and every time packages/<vendor> must be
// the old or the new package, never a mix, with no temp file inside, with node_modules/ and
// CHANGELOG.md kept; the next run must finish the job and leave no temp folder anywhere.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { CRASH_EXIT_CODE } from "./crash-at-write-step.mjs";
import { type CliResult, fixturesDir, makeTempRoot, removeRoot, repoRoot, snapshotTree } from "./temp-root.js";

const GENERATED = ["LICENSE", "README.md", "index.d.ts", "index.js", "openapi.json", "package.json", "turbo.json"];
const CARRIED = ["CHANGELOG.md", "node_modules"];
const CLIENT_FILES = ["fixture.ts", "index.ts"];
const LEFTOVER = /\.vendorspec-(?:new|old|tmp)-\d+$/;

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));

/** Runs `pnpm generate` against `root` as a child process, stopped at write step `crashAt`. */
function runGenerate(root: string, { crashAt, stepLog }: { crashAt?: number; stepLog?: string } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, VENDORSPEC_ROOT: root };
  if (crashAt !== undefined) env.VENDORSPEC_CRASH_AT = String(crashAt);
  if (stepLog !== undefined) env.VENDORSPEC_STEP_LOG = stepLog;
  const preload = pathToFileURL(path.join(repoRoot, "scripts/test/crash-at-write-step.mjs")).href;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", preload, path.join(repoRoot, "scripts/src/generate/generate-cli.mjs")],
      { env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function copyRoot(from: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "vendorspec-atomic-"));
  roots.push(root);
  await cp(from, root, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return root;
}

async function readFiles(dir: string, names: string[]): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const name of names) out[name] = await readFile(path.join(dir, name), "utf8").catch(() => undefined);
  return out;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** node_modules/ as a tree (symlink targets, file hashes, mtimes), minus the folder's own mtime, which a move may change. */
const nodeModulesTree = async (dir: string) =>
  (await snapshotTree(path.join(dir, "node_modules"))).filter((line) => !line.startsWith(". "));
const changelog = async (dir: string) => {
  const file = path.join(dir, "CHANGELOG.md");
  return `${await readFile(file, "utf8")} ${(await stat(file)).mtimeMs}`;
};

/** Every temp folder or file a run could leave, anywhere under `root` (the scripts symlink is not followed). */
async function leftovers(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => LEFTOVER.test(path.basename(file)) || file.endsWith(".tmp"));
}

/** Reads the steps a run logged to `file`, in order. */
const readSteps = async (file: string): Promise<Array<{ step: string; target: string }>> =>
  (await readFile(file, "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("generate replaces a package as a whole", async () => {
  const spec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
  const base = await makeTempRoot({ fixture: spec });
  roots.push(base);
  const basePkg = path.join(base, "packages/fixture");
  const baseVendors = path.join(base, "packages/client/src/vendors");
  await mkdir(baseVendors, { recursive: true });
  await writeFile(path.join(base, "packages/client/package.json"), `${JSON.stringify({ name: "@vendorspec/client" }, null, 2)}\n`);
  expect((await runGenerate(base)).code).toBe(0);

  // The old package as a release leaves it: a version changesets wrote, its CHANGELOG.md, and
  // pnpm's node_modules (a relative symlink into the root store, a .bin script).
  const manifest = path.join(basePkg, "package.json");
  await writeFile(manifest, (await readFile(manifest, "utf8")).replace('"version": "0.1.0"', '"version": "1.4.2"'));
  await writeFile(path.join(basePkg, "CHANGELOG.md"), "# @vendorspec/fixture\n\n## 1.4.2\n");
  await mkdir(path.join(basePkg, "node_modules/.bin"), { recursive: true });
  await writeFile(path.join(basePkg, "node_modules/.bin/tsc"), "#!/bin/sh\n");
  await symlink("../../../node_modules/.pnpm/typescript@5.9.3/node_modules/typescript", path.join(basePkg, "node_modules/typescript"));
  // The client's single files are stale too, so their writes are among the steps.
  for (const name of CLIENT_FILES) await writeFile(path.join(baseVendors, name), "// stale\n");
  // A spec edit that makes the next run rewrite some generated files and keep others.
  await writeFile(
    path.join(base, "specs/fixture/openapi.yaml"),
    spec.replace("Returns the current status of one job.", "Returns the status of one job."),
  );

  const want = { old: await readFiles(basePkg, GENERATED), new: {} as Record<string, string | undefined> };
  const client = { old: await readFiles(baseVendors, CLIENT_FILES), new: {} as Record<string, string | undefined> };
  const reference = await copyRoot(base);
  expect((await runGenerate(reference, { stepLog: path.join(reference, "steps.jsonl") })).code).toBe(0);
  const steps = await readSteps(path.join(reference, "steps.jsonl"));
  want.new = await readFiles(path.join(reference, "packages/fixture"), GENERATED);
  client.new = await readFiles(path.join(reference, "packages/client/src/vendors"), CLIENT_FILES);

  test("the edit changes some generated files and keeps others, and every kind of step runs", () => {
    expect(want.new["package.json"]).toContain('"version": "1.4.2"');
    expect(GENERATED.filter((name) => want.old[name] !== want.new[name])).toContain("openapi.json");
    expect(GENERATED.filter((name) => want.old[name] === want.new[name])).toContain("LICENSE");
    expect(new Set(steps.map((s) => s.step))).toEqual(
      new Set([
        "stage-dir",
        "stage-file",
        "link-file",
        "retire-old",
        "install-new",
        "carry-over",
        "remove-old",
        "replace-file",
        "remove-stage-dir",
      ]),
    );
  });

  // Each case runs the generator twice; on a 2-core machine the concurrent cases share the CPU.
  test.concurrent.for(steps.map((s, at) => ({ ...s, at, where: path.relative(reference, s.target) })))(
    "killed before write step $at: $step $where",
    { timeout: 180_000 },
    async ({ step, at }) => {
      const root = await copyRoot(base);
      const pkg = path.join(root, "packages/fixture");
      const tree = await nodeModulesTree(pkg);
      const log = await changelog(pkg);

      const crashed = await runGenerate(root, { crashAt: at });
      expect(crashed.code, crashed.stderr).toBe(CRASH_EXIT_CODE);

      const retired = (await readdir(path.join(root, "packages"))).filter((name) => name.startsWith(".fixture.vendorspec-old-"));
      if (await exists(pkg)) {
        expect([want.old, want.new], "packages/fixture mixes old and new files").toContainEqual(await readFiles(pkg, GENERATED));
        expect((await readdir(pkg)).filter((name) => !GENERATED.includes(name) && !CARRIED.includes(name))).toEqual([]);
        expect(await changelog(pkg)).toBe(log);
        // node_modules/ is in the package or, between install and carry, still in the retired folder.
        const holder = (await exists(path.join(pkg, "node_modules"))) ? pkg : path.join(root, "packages", retired[0] ?? "missing");
        expect(await nodeModulesTree(holder)).toEqual(tree);
      } else {
        // Only between retire and install; the retired folder then holds the whole old package.
        expect(step).toBe("install-new");
        const old = path.join(root, "packages", retired[0] ?? "missing");
        expect(await readFiles(old, GENERATED)).toEqual(want.old);
        expect(await nodeModulesTree(old)).toEqual(tree);
        expect(await changelog(old)).toBe(log);
      }
      const vendorsDir = path.join(root, "packages/client/src/vendors");
      expect((await readdir(vendorsDir)).sort()).toEqual(CLIENT_FILES);
      for (const name of CLIENT_FILES)
        expect([client.old[name], client.new[name]]).toContain(await readFile(path.join(vendorsDir, name), "utf8"));

      const next = await runGenerate(root);
      expect(next.code, next.stderr).toBe(0);
      expect(await readFiles(pkg, GENERATED)).toEqual(want.new);
      expect(await readFiles(vendorsDir, CLIENT_FILES)).toEqual(client.new);
      expect((await readdir(pkg)).sort()).toEqual([...CARRIED, ...GENERATED].sort());
      expect(await nodeModulesTree(pkg)).toEqual(tree);
      expect(await changelog(pkg)).toBe(log);
      expect(await leftovers(root)).toEqual([]);
    },
  );

  test("a kill while recovering from a kill is recovered by the run after", async () => {
    const killed = await copyRoot(base);
    const gap = steps.findIndex((s) => s.step === "install-new");
    expect((await runGenerate(killed, { crashAt: gap })).code).toBe(CRASH_EXIT_CODE);
    const probe = await copyRoot(killed);
    expect((await runGenerate(probe, { stepLog: path.join(probe, "steps.jsonl") })).code).toBe(0);
    const recovery = (await readSteps(path.join(probe, "steps.jsonl"))).slice(0, 2).map((s) => s.step);
    expect(recovery).toEqual(["restore-old", "remove-new"]);
    for (const at of recovery.keys()) {
      const root = await copyRoot(killed);
      expect((await runGenerate(root, { crashAt: at })).code).toBe(CRASH_EXIT_CODE);
      // Killed before restore-old the package is still missing; after it, it is the old one.
      const pkg = path.join(root, "packages/fixture");
      if (at > 0) expect(await readFiles(pkg, GENERATED)).toEqual(want.old);
      else expect(await exists(pkg)).toBe(false);
      expect((await runGenerate(root)).code).toBe(0);
      expect(await readFiles(path.join(root, "packages/fixture"), GENERATED)).toEqual(want.new);
      expect(await leftovers(root)).toEqual([]);
    }
  });
});

describe("generate leaves an unchanged package alone", () => {
  test("no file, folder or mtime changes under packages/ when nothing changed", async () => {
    const spec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
    const root = await makeTempRoot({ fixture: spec });
    roots.push(root);
    expect((await runGenerate(root)).code).toBe(0);
    await writeFile(path.join(root, "packages/fixture/CHANGELOG.md"), "# changelog\n");
    await mkdir(path.join(root, "packages/fixture/node_modules"));
    const before = await snapshotTree(path.join(root, "packages"));
    const again = await runGenerate(root);
    expect(again.stdout).toContain("ok    packages/fixture (unchanged)");
    expect(await snapshotTree(path.join(root, "packages"))).toEqual(before);
  });

  test("a stale temp folder of a killed run is removed without touching the package", async () => {
    const spec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
    const root = await makeTempRoot({ fixture: spec });
    roots.push(root);
    expect((await runGenerate(root)).code).toBe(0);
    const before = await snapshotTree(path.join(root, "packages/fixture"));
    // Pid 2^22 + 1 is above Linux's pid_max limit, so no process can hold it.
    await mkdir(path.join(root, "packages/.fixture.vendorspec-new-4194305"));
    await writeFile(path.join(root, "packages/.fixture.vendorspec-new-4194305/index.js"), "half");
    expect((await runGenerate(root)).code).toBe(0);
    expect(await snapshotTree(path.join(root, "packages/fixture"))).toEqual(before);
    expect(await leftovers(root)).toEqual([]);
  });
});
