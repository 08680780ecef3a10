// The broken-spec corpus: every fixture must fail generation with a file:line:col error naming the
// expected rule, exit non-zero, and leave the previously generated package byte-identical.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixturesDir, makeTempRoot, removeRoot, runCli, snapshotDir } from "./temp-root.js";

const brokenDir = path.join(fixturesDir, "broken");
const names = (await readdir(brokenDir)).filter((f) => f.endsWith(".yaml")).sort();
const goodSpec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");

test("the corpus holds at least 12 broken specs", () => {
  expect(names.length).toBeGreaterThanOrEqual(12);
});

describe.concurrent("broken spec", () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map(removeRoot)));

  test.each(names)("%s fails with a located error and keeps the previous package", async (name) => {
    const source = await readFile(path.join(brokenDir, name), "utf8");
    const expectedRule = /^# expect-rule: (\S+)/.exec(source)?.[1];
    expect(expectedRule, `${name} must start with '# expect-rule: <rule id>'`).toBeTruthy();

    const root = await makeTempRoot({ fixture: goodSpec });
    roots.push(root);
    const first = await runCli("generate-cli.mjs", [], root);
    expect(first.code, first.stderr).toBe(0);
    const packageDir = path.join(root, "packages/fixture");
    const before = await snapshotDir(packageDir);

    await writeFile(path.join(root, "specs/fixture/openapi.yaml"), source);
    const result = await runCli("generate-cli.mjs", [], root);

    expect(result.code).toBe(1);
    const located = new RegExp(
      `^specs/fixture/openapi\\.yaml:(\\d+):(\\d+)  error  ${expectedRule?.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}  \\S`,
      "m",
    );
    expect(result.stderr).toMatch(located);
    const line = Number(located.exec(result.stderr)?.[1]);
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(source.split("\n").length);
    expect(result.stderr).toContain("packages/fixture left unchanged");
    expect(await snapshotDir(packageDir)).toEqual(before);
  });
});

describe("lint:specs", () => {
  let root = "";
  beforeAll(async () => {
    root = await makeTempRoot({
      fixture: goodSpec,
      other: await readFile(path.join(brokenDir, "operation-id-not-camel-case.yaml"), "utf8"),
    });
  });
  afterAll(() => removeRoot(root));

  test("lints every spec in one run and prints problems as file:line:col", async () => {
    const result = await runCli("lint-specs-cli.mjs", [], root);
    expect(result.code).toBe(1);
    const source = await readFile(path.join(brokenDir, "operation-id-not-camel-case.yaml"), "utf8");
    const lines = source.split("\n");
    const line = lines.findIndex((l) => l.includes("operationId: get_job_status")) + 1;
    const col = (lines[line - 1] ?? "").indexOf("get_job_status") + 1;
    expect(result.stdout).toContain(`specs/other/openapi.yaml:${line}:${col}  error  rule/operation-id-camel-case`);
    expect(result.stdout).toContain("ok   specs/fixture/openapi.yaml");
    expect(result.stdout).toContain("FAIL specs/other/openapi.yaml");
  });

  test("lints one vendor by name, and refuses an unknown name", async () => {
    expect((await runCli("lint-specs-cli.mjs", ["fixture"], root)).code).toBe(0);
    const unknown = await runCli("lint-specs-cli.mjs", ["nope"], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown vendor "nope"');
  });
});
