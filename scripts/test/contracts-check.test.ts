// contracts:check on a temporary git repo: a spec change on a branch fails the check until a pending
// changeset bumps the package at least as much as the change requires.
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeReleasedRepo, repoRoot } from "./temp-root.js";

const run = promisify(execFile);
let root = "";

const git = (...args: string[]) => run("git", ["-c", "user.email=ci@vendorspec.test", "-c", "user.name=ci", ...args], { cwd: root });
async function check() {
  const cli = path.join(repoRoot, "scripts/src/contracts/contracts-check-cli.mjs");
  return run(process.execPath, [cli], { cwd: root, env: { ...process.env, VENDORSPEC_ROOT: root } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` }),
  );
}
const changeset = (bump: string) =>
  writeFile(path.join(root, ".changeset/pending.md"), `---\n"@vendorspec/docutray": ${bump}\n---\n\nTest change.\n`);

beforeAll(async () => {
  ({ root } = await makeReleasedRepo("vendorspec-contracts-"));
  await git("checkout", "-q", "-b", "change");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("contracts:check", () => {
  test("passes with no spec change", async () => {
    const result = await check();
    expect(result.code, result.out).toBe(0);
  });

  test("a breaking change needs a minor bump below 1.0.0: none and patch fail, minor and major pass", async () => {
    const specPath = path.join(root, "specs/docutray/openapi.yaml");
    const spec = await readFile(specPath, "utf8");
    const at = spec.indexOf("        - ERROR", spec.indexOf("    ConversionStatus:"));
    await writeFile(specPath, `${spec.slice(0, at)}        - ERROR\n        - CANCELLED${spec.slice(at + "        - ERROR".length)}`);
    await git("commit", "-q", "-am", "docutray: CANCELLED status");

    const none = await check();
    expect(none.code).toBe(1);
    expect(none.out).toContain("FAIL  @vendorspec/docutray: needs a minor bump, pending changesets give none");
    expect(none.out).toMatch(
      /breaking response-enum-value-added specs\/docutray\/openapi\.yaml:\d+ {2}GET \/api\/convert-async\/status\/\{conversion_id\} response 200 \(application\/json\) `status`: values added: "CANCELLED"/,
    );

    await changeset("patch");
    expect((await check()).out).toContain("needs a minor bump, pending changesets give patch");
    await changeset("minor");
    expect((await check()).code).toBe(0);
    await changeset("major");
    expect((await check()).code).toBe(0);
    await rm(path.join(root, ".changeset/pending.md"));
  });

  test("a docs-only change needs a patch", async () => {
    await git("checkout", "-q", "main");
    await git("checkout", "-q", "-b", "docs");
    const specPath = path.join(root, "specs/docutray/openapi.yaml");
    const spec = await readFile(specPath, "utf8");
    await writeFile(
      specPath,
      spec.replace("summary: Check asynchronous conversion status", "summary: Check an asynchronous conversion's status"),
    );
    await git("commit", "-q", "-am", "docutray: wording");
    const none = await check();
    expect(none.code).toBe(1);
    expect(none.out).toContain("needs a patch bump");
    await changeset("patch");
    expect((await check()).code).toBe(0);
  });
});
