// `pnpm new-vendor` refuses a name that would collide with what is already there: a workspace
// package (by folder or npm name), a docs site page, a file generation writes, a JavaScript reserved
// word (the generated code binds the descriptor to the name), or a vendor. Exit 2, a message naming
// the collision, the usage, and nothing written.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixturesDir, makeTempRoot, removeRoot, runScriptFile, snapshotTree } from "./temp-root.js";

const CLI = "scripts/src/authoring/new-vendor-cli.mjs";
let root = "";
beforeAll(async () => {
  root = await makeTempRoot({ fixture: await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8") });
  // A package folder that is not a vendor, a workspace package outside packages/, a spec folder not in redocly.yaml.
  await mkdir(path.join(root, "packages/widgets"), { recursive: true });
  await writeFile(path.join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n  - tools\n");
  await mkdir(path.join(root, "tools"), { recursive: true });
  await writeFile(path.join(root, "tools/package.json"), '{ "name": "@vendorspec/tools", "private": true }\n');
  await mkdir(path.join(root, "specs/orphan"), { recursive: true });
  await writeFile(path.join(root, "specs/orphan/openapi.yaml"), "openapi: 3.1.0\n");
});
afterAll(() => removeRoot(root));

describe("new-vendor refuses", () => {
  test.each([
    ["index", /"index" is reserved: site\/index\.html is the docs site's home page/],
    ["client", /"client" is reserved: packages\/client is the workspace package @vendorspec\/client/],
    ["mock-server", /"mock-server" is reserved: packages\/mock-server/],
    ["docs", /"docs" is reserved: packages\/docs/],
    ["scripts", /"scripts" is reserved: scripts\/ is the workspace package @vendorspec\/scripts/],
    ["release-tests", /"release-tests" is reserved: packages\/release-tests/],
    ["spec-tests", /"spec-tests" is reserved: packages\/spec-tests/],
    ["bench", /"bench" is reserved/],
    ["node_modules", /"node_modules" is reserved/],
    ["vendor", /"vendor" is reserved: its client would be createVendorClient/],
    ["descriptor", /"descriptor" is reserved/],
    ["new", /"new" is reserved: it is a JavaScript reserved word/],
    ["class", /"class" is reserved: it is a JavaScript reserved word/],
    ["fixture", /vendor "fixture" already exists in redocly\.yaml/],
    ["fixture-", /would generate createFixtureClient, which vendor "fixture" already generates/],
    ["widgets", /packages\/widgets already exists/],
    ["tools", /"tools" is reserved: tools is the workspace package @vendorspec\/tools/],
    ["orphan", /specs\/orphan already exists/],
  ])("%s", async (name, message) => {
    const before = await snapshotTree(root);
    const result = await runScriptFile(CLI, [name, "--docs-url", "https://docs.example.com/api", "--no-install"], root);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("usage: pnpm new-vendor <name>");
    expect(await snapshotTree(root)).toEqual(before);
  });
});
