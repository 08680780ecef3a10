// The generation cache may only save time: a skipped vendor must leave exactly what a full run
// would, and anything a run reads (the spec folder, redocly.yaml, LICENSE, the generated files on
// disk) must make the next run lint and generate again.
import { appendFile, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { generate } from "../src/generate/generate.mjs";
import { fixturesDir, makeTempRoot, removeRoot, repoRoot, snapshotDir, snapshotTree } from "./temp-root.js";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));

const goodSpec = () => readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
const cacheEntry = (root: string, vendor: string) => path.join(root, "node_modules/.cache/vendorspec-generate", `${vendor}.json`);

/** A root with two vendors, both generated once (the cache filled), and the client's manifest. */
async function generatedRoot(): Promise<string> {
  const spec = await goodSpec();
  const root = await makeTempRoot({ alpha: spec, beta: spec });
  roots.push(root);
  await mkdir(path.join(root, "packages/client"), { recursive: true });
  await writeFile(
    path.join(root, "packages/client/package.json"),
    await readFile(path.join(repoRoot, "packages/client/package.json"), "utf8"),
  );
  const first = await generate({ rootDir: root });
  expect(first.map((o) => [o.vendor.name, o.problems, o.cached ?? false])).toEqual([
    ["alpha", [], false],
    ["beta", [], false],
  ]);
  return root;
}

const cachedVendors = async (root: string, options: { check?: boolean; cache?: boolean } = {}) => {
  const outcomes = await generate({ rootDir: root, ...options });
  for (const o of outcomes) expect(o.problems).toEqual([]);
  return outcomes.filter((o) => o.cached).map((o) => o.vendor.name);
};

describe("a second run with nothing changed", () => {
  test("skips every vendor and touches no file, folder or mtime", async () => {
    const root = await generatedRoot();
    const before = await snapshotTree(path.join(root, "packages"));
    expect(await cachedVendors(root)).toEqual(["alpha", "beta"]);
    expect(await snapshotTree(path.join(root, "packages"))).toEqual(before);
  });

  test("leaves the same bytes a run without the cache writes", async () => {
    const root = await generatedRoot();
    expect(await cachedVendors(root)).toEqual(["alpha", "beta"]);
    const cached = await snapshotDir(path.join(root, "packages"));
    expect(await cachedVendors(root, { cache: false })).toEqual([]);
    expect(await snapshotDir(path.join(root, "packages"))).toEqual(cached);
  });

  test("--check trusts an entry only when the files on disk match it", async () => {
    const root = await generatedRoot();
    const checked = await generate({ rootDir: root, check: true });
    expect(checked.map((o) => [o.cached, o.files])).toEqual([
      [true, []],
      [true, []],
    ]);
    await appendFile(path.join(root, "packages/alpha/index.d.ts"), "// hand edit\n");
    const stale = await generate({ rootDir: root, check: true });
    expect(stale[0]?.cached).toBeUndefined();
    expect(stale[0]?.files).toEqual([path.join(root, "packages/alpha/index.d.ts")]);
    // --check records nothing: still stale the second time, and no entry was written by it.
    expect((await generate({ rootDir: root, check: true }))[0]?.files).toHaveLength(1);
    const before = await readFile(cacheEntry(root, "beta"), "utf8");
    await rm(cacheEntry(root, "alpha"));
    await generate({ rootDir: root, check: true });
    await expect(readFile(cacheEntry(root, "alpha"), "utf8")).rejects.toThrow();
    expect(await readFile(cacheEntry(root, "beta"), "utf8")).toBe(before);
  });
});

describe("every input is part of the key", () => {
  test("an edit to one spec regenerates that vendor only", async () => {
    const root = await generatedRoot();
    const spec = path.join(root, "specs/alpha/openapi.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("title: Fixture Jobs API", "title: Alpha Jobs API"));
    const outcomes = await generate({ rootDir: root });
    expect(outcomes.map((o) => [o.vendor.name, o.cached ?? false])).toEqual([
      ["alpha", false],
      ["beta", true],
    ]);
    expect(await readFile(path.join(root, "packages/alpha/openapi.json"), "utf8")).toContain("Alpha Jobs API");
  });

  test("any file added to the spec's folder, or a symlink's target changed, is a miss", async () => {
    const root = await generatedRoot();
    await writeFile(path.join(root, "specs/alpha/schemas.yaml"), "Job:\n  type: object\n");
    expect(await cachedVendors(root)).toEqual(["beta"]);
    await symlink("schemas.yaml", path.join(root, "specs/beta/link.yaml"));
    expect(await cachedVendors(root)).toEqual(["alpha"]);
    await rm(path.join(root, "specs/beta/link.yaml"));
    await symlink("openapi.yaml", path.join(root, "specs/beta/link.yaml"));
    expect(await cachedVendors(root)).toEqual(["alpha"]);
  });

  test("redocly.yaml and LICENSE are inputs of every vendor", async () => {
    const root = await generatedRoot();
    await appendFile(path.join(root, "redocly.yaml"), "# a comment is a change too\n");
    expect(await cachedVendors(root)).toEqual([]);
    expect(await cachedVendors(root)).toEqual(["alpha", "beta"]);
    await appendFile(path.join(root, "LICENSE"), "\nExtra line.\n");
    expect(await cachedVendors(root)).toEqual([]);
    expect(await readFile(path.join(root, "packages/beta/LICENSE"), "utf8")).toContain("Extra line.");
  });

  test("a generated file edited, deleted or versioned by hand is regenerated", async () => {
    const root = await generatedRoot();
    const want = await snapshotDir(path.join(root, "packages/alpha"));
    await writeFile(path.join(root, "packages/alpha/index.js"), "export {};\n");
    await rm(path.join(root, "packages/beta/openapi.json"));
    expect(await cachedVendors(root)).toEqual([]);
    expect(await snapshotDir(path.join(root, "packages/alpha"))).toEqual(want);
    expect(await readFile(path.join(root, "packages/beta/openapi.json"), "utf8")).toContain("Fixture Jobs API");
    // `changeset version` bumps the version: the next render keeps it, so this is a miss, not a revert.
    const manifest = path.join(root, "packages/alpha/package.json");
    await writeFile(manifest, (await readFile(manifest, "utf8")).replace(/"version": "[^"]+"/, '"version": "0.7.0"'));
    expect(await cachedVendors(root)).toEqual(["beta"]);
    expect(JSON.parse(await readFile(manifest, "utf8")).version).toBe("0.7.0");
  });

  test("the client's vendor entry is an output too", async () => {
    const root = await generatedRoot();
    const entry = path.join(root, "packages/client/src/vendors/beta.ts");
    const want = await readFile(entry, "utf8");
    await writeFile(entry, "// emptied\n");
    expect(await cachedVendors(root)).toEqual(["alpha"]);
    expect(await readFile(entry, "utf8")).toBe(want);
  });
});

describe("what is never trusted", () => {
  test("a spec with errors is linted every run, and its warnings are replayed on a hit", async () => {
    const root = await generatedRoot();
    const config = path.join(root, "redocly.yaml");
    // A warning-level rule the fixture breaks (it has no info.contact).
    await writeFile(config, (await readFile(config, "utf8")).replace(/^oas3_1Rules:\n/m, "oas3_1Rules:\n  info-contact: warn\n"));
    const first = await generate({ rootDir: root });
    expect(first[0]?.warnings.map((w) => w.ruleId)).toEqual(["info-contact"]);
    const again = await generate({ rootDir: root });
    expect(again[0]?.cached).toBe(true);
    expect(again[0]?.warnings).toEqual(first[0]?.warnings);

    const spec = path.join(root, "specs/beta/openapi.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("operationId: getJobStatus", "operationId: get-job-status"));
    for (let run = 0; run < 2; run++) {
      const [, beta] = await generate({ rootDir: root });
      expect(beta?.cached).toBeUndefined();
      expect(beta?.problems.map((p) => p.ruleId)).toContain("rule/operation-id-camel-case");
    }
  });

  test("a corrupt or hostile cache entry is a miss, never an error or a read outside the root", async () => {
    const root = await generatedRoot();
    await writeFile(cacheEntry(root, "alpha"), "{ not json");
    const entry = JSON.parse(await readFile(cacheEntry(root, "beta"), "utf8"));
    entry.outputs = [{ dir: "../../../etc", files: { passwd: "0" } }];
    await writeFile(cacheEntry(root, "beta"), JSON.stringify(entry));
    expect(await cachedVendors(root)).toEqual([]);
    // Both entries were rewritten by the full run.
    expect(await cachedVendors(root)).toEqual(["alpha", "beta"]);
  });

  test("cache: false lints and generates every vendor", async () => {
    const root = await generatedRoot();
    expect(await cachedVendors(root, { cache: false })).toEqual([]);
  });
});
