// Generator behaviour: deterministic output, the drift check, per-vendor generation, and that the
// release version written by changesets survives regeneration.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readVendors } from "../src/model/vendors.mjs";
import { copyRepoSpecsAndPackages, fixturesDir, makeTempRoot, removeRoot, repoRoot, runCli, snapshotDir } from "./temp-root.js";

const goodSpec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));
async function tempRoot(specs: Record<string, string>) {
  const root = await makeTempRoot(specs);
  roots.push(root);
  return root;
}

describe("generate", () => {
  test("same input gives byte-identical output, and a second run writes nothing", async () => {
    const [a, b] = await Promise.all([tempRoot({ fixture: goodSpec }), tempRoot({ fixture: goodSpec })]);
    expect((await runCli("generate-cli.mjs", [], a)).code).toBe(0);
    expect((await runCli("generate-cli.mjs", [], b)).code).toBe(0);
    const snapshotA = await snapshotDir(path.join(a, "packages/fixture"));
    expect(Object.keys(snapshotA).sort()).toEqual([
      "LICENSE",
      "README.md",
      "index.d.ts",
      "index.js",
      "openapi.json",
      "package.json",
      "turbo.json",
    ]);
    expect(await snapshotDir(path.join(b, "packages/fixture"))).toEqual(snapshotA);

    const again = await runCli("generate-cli.mjs", [], a);
    expect(again.stdout).toContain("ok    packages/fixture (unchanged)");
  });

  test("writes the package manifest consumers and npm need", async () => {
    const root = await tempRoot({ fixture: goodSpec });
    await runCli("generate-cli.mjs", [], root);
    const manifest = JSON.parse(await readFile(path.join(root, "packages/fixture/package.json"), "utf8"));
    expect(manifest).toMatchObject({
      name: "@vendorspec/fixture",
      version: "0.1.0",
      license: "MIT",
      sideEffects: false,
      engines: { node: ">=20.19" },
      repository: { directory: "packages/fixture" },
      files: ["index.d.ts", "index.js", "openapi.json"],
    });
    expect(Object.keys(manifest.exports["."])[0]).toBe("types");
    expect(manifest.exports["./openapi.json"]).toBe("./openapi.json");
    const types = await readFile(path.join(root, "packages/fixture/index.d.ts"), "utf8");
    expect(types).toContain("export type JobStatus = components['schemas']['JobStatus'];");
    expect(types).toContain("export interface operations");
  });

  test("generates one vendor by name and leaves the others alone", async () => {
    const root = await tempRoot({ fixture: goodSpec, second: goodSpec });
    const result = await runCli("generate-cli.mjs", ["second"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("packages/second");
    expect(result.stdout).not.toContain("packages/fixture");
    await expect(readFile(path.join(root, "packages/fixture/package.json"))).rejects.toThrow(/ENOENT/);
  });

  test("keeps the version changesets wrote, and --check accepts it", async () => {
    const root = await tempRoot({ fixture: goodSpec });
    await runCli("generate-cli.mjs", [], root);
    const manifestPath = path.join(root, "packages/fixture/package.json");
    await writeFile(manifestPath, (await readFile(manifestPath, "utf8")).replace('"version": "0.1.0"', '"version": "1.4.2"'));
    expect((await runCli("generate-cli.mjs", ["--check"], root)).code).toBe(0);
    await runCli("generate-cli.mjs", [], root);
    expect(JSON.parse(await readFile(manifestPath, "utf8")).version).toBe("1.4.2");
  });
});

describe("generate --check on the real repo", async () => {
  const vendors = (await readVendors(repoRoot)).map((v) => v.name);

  test("the committed packages are up to date with the specs", async () => {
    const result = await runCli("generate-cli.mjs", ["--check"], repoRoot);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const vendor of vendors) expect(result.stdout).toContain(`ok    packages/${vendor} (up to date)`);
  });

  test("fails after a one-byte spec edit and names every stale file", async () => {
    const root = await copyRepoSpecsAndPackages(vendors);
    roots.push(root);
    const vendor = vendors[0] as string;
    const specPath = path.join(root, "specs", vendor, "openapi.yaml");
    const spec = await readFile(specPath, "utf8");
    // One byte: the first letter of the info title changes case (still a valid, lint-clean spec).
    const at = spec.indexOf("title: ") + "title: ".length;
    const edited = spec.slice(0, at) + spec.charAt(at).toLowerCase() + spec.slice(at + 1);
    expect(edited).not.toBe(spec);
    await writeFile(specPath, edited);

    const before = await snapshotDir(path.join(root, "packages", vendor));
    const result = await runCli("generate-cli.mjs", ["--check"], root);
    expect(result.code).toBe(1);
    for (const file of ["README.md", "index.d.ts", "openapi.json", "package.json"]) {
      expect(result.stderr).toContain(`stale packages/${vendor}/${file}`);
    }
    expect(result.stderr).toContain(`run \`pnpm generate ${vendor}\``);
    expect(await snapshotDir(path.join(root, "packages", vendor))).toEqual(before);
  });
});
