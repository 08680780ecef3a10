// The docs CLI as a user runs it (a child process): strict arguments, --help, and the output folders it
// refuses. Refusals run against a throwaway repo root (VENDORSPEC_ROOT), so a bug here can never empty
// the real checkout; each asserts the exit code and that not one file changed.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MARKER } from "../src/out-dir.mjs";

const cli = fileURLToPath(new URL("../src/docs-cli.mjs", import.meta.url));

function runCli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Every file under dir with its content, so "nothing written, nothing deleted" is one comparison. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = entry.isFile() ? await readFile(file, "utf8") : "<dir>";
  }
  return files;
}

// outer/ holds the fake repo root and a sibling, so refusing `--out ..` is checked on a folder we own.
let outer = "";
let fakeRoot = "";

beforeAll(async () => {
  outer = await mkdtemp(path.join(tmpdir(), "vendorspec-docs-cli-"));
  fakeRoot = path.join(outer, "repo");
  await mkdir(path.join(fakeRoot, "notes"), { recursive: true });
  await writeFile(path.join(outer, "sibling.txt"), "not the repo's\n");
  await writeFile(path.join(fakeRoot, "redocly.yaml"), "apis: {}\n");
  await writeFile(path.join(fakeRoot, "package.json"), "{}\n");
  await writeFile(path.join(fakeRoot, "notes", "keep.txt"), "someone's notes\n");
});
afterAll(async () => {
  if (outer) await rm(outer, { recursive: true, force: true });
});

const USAGE_LINE = "usage: pnpm docs:build";

describe("docs CLI: nothing written or deleted", () => {
  test.each([
    ["--help", { args: ["--help"], code: 0, stdout: [USAGE_LINE, "example: pnpm docs:build --out"], stderr: [] }],
    ["-h", { args: ["-h"], code: 0, stdout: [USAGE_LINE], stderr: [] }],
    ["an unknown flag", { args: ["--bogus"], code: 2, stdout: [], stderr: ["Unknown option '--bogus'", USAGE_LINE] }],
    ["--out without its value", { args: ["--out"], code: 2, stdout: [], stderr: ["argument missing", USAGE_LINE] }],
    ["a positional argument", { args: ["site"], code: 2, stdout: [], stderr: ["positional", USAGE_LINE] }],
    ["--out . (the repo root)", { args: ["--out", "."], code: 2, stdout: [], stderr: ["is the repo root"] }],
    ["--out .. (above the repo root)", { args: ["--out", ".."], code: 2, stdout: [], stderr: ["holds the repo"] }],
    ["--out <a non-empty folder the builder did not make>", { args: ["--out", "notes"], code: 2, stdout: [], stderr: [`no ${MARKER}`] }],
  ])("%s", async (_name, want) => {
    const before = await snapshot(outer);
    const run = await runCli(want.args, { VENDORSPEC_ROOT: fakeRoot });
    expect(run.code, run.stderr).toBe(want.code);
    for (const text of want.stdout) expect(run.stdout).toContain(text);
    for (const text of want.stderr) expect(run.stderr).toContain(text);
    if (want.code === 0) expect(run.stderr).toBe("");
    expect(await snapshot(outer)).toEqual(before);
  });
});

describe("docs CLI: building", () => {
  test("builds into a new folder, then rebuilds it: the marker lets it empty only what it made", async () => {
    const out = path.join(outer, "site");
    const first = await runCli(["--out", out]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(out, MARKER))).toBe(true);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    await writeFile(path.join(out, "stale.html"), "from an older build");
    const again = await runCli(["--out", out]);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(path.join(out, "stale.html"))).toBe(false);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });
});
