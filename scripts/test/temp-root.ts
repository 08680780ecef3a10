// Builds throwaway copies of the repo layout (redocly.yaml, LICENSE, specs/) for generator tests,
// so tests never write into the real packages/ folder.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";

const run = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = path.join(repoRoot, "scripts/test/fixtures");

/** Creates a temp root whose redocly.yaml keeps the repo's rules but lists only `specs`. */
export async function makeTempRoot(specs: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "vendorspec-gen-"));
  const config = parse(await readFile(path.join(repoRoot, "redocly.yaml"), "utf8"));
  config.apis = {};
  for (const [name, source] of Object.entries(specs)) {
    config.apis[name] = { root: `specs/${name}/openapi.yaml` };
    await mkdir(path.join(root, "specs", name), { recursive: true });
    await writeFile(path.join(root, "specs", name, "openapi.yaml"), source);
  }
  await writeFile(path.join(root, "redocly.yaml"), stringify(config));
  await cp(path.join(repoRoot, "LICENSE"), path.join(root, "LICENSE"));
  await linkScripts(root);
  return root;
}

/** redocly.yaml loads our lint plugin from scripts/src: a temp root sees the repo's scripts. */
export const linkScripts = (root: string) => symlink(path.join(repoRoot, "scripts"), path.join(root, "scripts"), "dir");

/** Copies the real repo's specs, redocly.yaml, LICENSE and generated packages. */
export async function copyRepoSpecsAndPackages(vendors: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "vendorspec-repo-"));
  for (const entry of ["redocly.yaml", "LICENSE", "specs"])
    await cp(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
  for (const vendor of vendors) await cp(path.join(repoRoot, "packages", vendor), path.join(root, "packages", vendor), { recursive: true });
  await linkScripts(root);
  return root;
}

export const removeRoot = (root: string) => rm(root, { recursive: true, force: true });

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const CLIS = {
  "generate-cli.mjs": "generate/generate-cli.mjs",
  "lint-specs-cli.mjs": "lint/lint-specs-cli.mjs",
  "new-vendor-cli.mjs": "authoring/new-vendor-cli.mjs",
} as const;

/** Runs one of the CLIs of scripts/src against `root` as a real child process. */
export function runCli(cli: keyof typeof CLIS, args: string[], root: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, "scripts/src", CLIS[cli]), ...args],
      { env: { ...process.env, VENDORSPEC_ROOT: root } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every file under `dir` with its bytes, for byte-identical comparisons. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = (await readFile(file)).toString("base64");
  }
  return out;
}

/**
 * A throwaway git repo holding the repo's specs and each vendor's package.json, committed on main
 * as a release: what the contract gate reads at a base ref. Returns its root and a git runner.
 */
export async function makeReleasedRepo(prefix: string) {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  for (const entry of ["package.json", "pnpm-workspace.yaml", "redocly.yaml", "LICENSE", "specs", ".changeset/config.json"])
    await cp(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
  // Every vendor redocly.yaml lists (a just-scaffolded one included), as released on main.
  const registry = parse(await readFile(path.join(repoRoot, "redocly.yaml"), "utf8"));
  for (const name of Object.keys(registry.apis ?? {})) {
    await mkdir(path.join(root, "packages", name), { recursive: true });
    await cp(path.join(repoRoot, "packages", name, "package.json"), path.join(root, "packages", name, "package.json"));
  }
  await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  await linkScripts(root);
  await writeFile(path.join(root, ".gitignore"), "node_modules\nscripts\n");
  const git = (...args: string[]) => run("git", ["-c", "user.email=ci@vendorspec.test", "-c", "user.name=ci", ...args], { cwd: root });
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "-m", "release");
  return { root, git };
}

/**
 * Every entry under `dir` (the folder itself included): folders and files with their mtime, files
 * with a hash of their bytes, symlinks with their target. Equal before and after a run means the run
 * created, removed, rewrote or touched nothing there.
 */
export async function snapshotTree(dir: string): Promise<string[]> {
  const { createHash } = await import("node:crypto");
  const { lstat, readlink } = await import("node:fs/promises");
  const lines = [`. ${(await lstat(dir)).mtimeMs}`];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file);
    if (entry.isSymbolicLink()) lines.push(`${rel} -> ${await readlink(file)}`);
    else if (entry.isDirectory()) lines.push(`${rel}/ ${(await lstat(file)).mtimeMs}`);
    else {
      const hash = createHash("sha256")
        .update(await readFile(file))
        .digest("hex");
      lines.push(`${rel} ${hash} ${(await lstat(file)).mtimeMs}`);
    }
  }
  return lines.sort();
}

/** The CLIs of scripts/src as the root package.json runs them (`node scripts/src/<file>`), by command. */
export async function scriptCommands(): Promise<Array<{ command: string; file: string }>> {
  const { scripts } = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return Object.entries(scripts).flatMap(([command, line]) => {
    // `exec` lets a long-running one (dev) be pnpm's own child, so ending pnpm ends it.
    const file = /^(?:exec )?node (scripts\/src\/\S+-cli\.mjs)$/.exec(line)?.[1];
    return file ? [{ command, file }] : [];
  });
}

/**
 * Runs a file of scripts/src (e.g. "scripts/src/authoring/dev-cli.mjs") against `root`, as a child
 * process with `root` as its cwd; killed after `timeoutMs`, so a CLI that should have exited but
 * went on (say, watching) fails the test instead of hanging it (code -1).
 */
export function runScriptFile(file: string, args: string[], root: string, timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, file), ...args],
      { cwd: root, env: { ...process.env, VENDORSPEC_ROOT: root }, timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}
