// Which output folders the docs build may empty: only its own (MARKER), an empty or a new one.
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { claimOutDir, MARKER, refuseOutDir } from "../src/out-dir.mjs";

let base = "";
let rootDir = "";

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "vendorspec-out-dir-"));
  rootDir = path.join(base, "repo");
  await mkdir(path.join(rootDir, "empty"), { recursive: true });
  await mkdir(path.join(rootDir, "foreign"));
  await writeFile(path.join(rootDir, "foreign", "keep.txt"), "mine");
  await mkdir(path.join(rootDir, "built"));
  await writeFile(path.join(rootDir, "built", MARKER), "");
  await writeFile(path.join(rootDir, "built", "old.html"), "");
  await writeFile(path.join(rootDir, "a-file"), "");
  await symlink(rootDir, path.join(base, "link-to-repo"));
});
afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe("refuseOutDir", () => {
  test.each([
    ["the repo root", { given: ".", refused: "is the repo root" }],
    ["the folder above the repo", { given: "..", refused: "holds the repo" }],
    ["the file system root", { given: "/", refused: "holds the repo" }],
    ["a symlink to the repo root", { given: "../link-to-repo", refused: "is the repo root" }],
    ["a non-empty folder without the marker", { given: "foreign", refused: `no ${MARKER}` }],
    ["a file", { given: "a-file", refused: "is a file" }],
    ["an empty folder", { given: "empty", refused: undefined }],
    ["a folder an earlier build made", { given: "built", refused: undefined }],
    ["a folder that does not exist yet", { given: "site", refused: undefined }],
  ])("%s", async (_name, { given, refused }) => {
    const reason = await refuseOutDir({ rootDir, outDir: path.resolve(rootDir, given) });
    if (refused === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(refused);
  });
});

describe("claimOutDir", () => {
  test("empties a folder it made and marks it again", async () => {
    const out = path.join(rootDir, "built");
    await claimOutDir(out);
    expect(await readdir(out)).toEqual([MARKER]);
  });

  test("creates a new folder, marked", async () => {
    const out = path.join(rootDir, "new", "site");
    await claimOutDir(out);
    expect(await readdir(out)).toEqual([MARKER]);
  });
});
