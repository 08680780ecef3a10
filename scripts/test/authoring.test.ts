// The spec author's tools: `pnpm new-vendor` scaffolds a lint-clean vendor or refuses without writing
// anything, and `pnpm dev` regenerates a touched spec and survives a half-written save.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { fixturesDir, makeTempRoot, removeRoot, repoRoot, runCli, snapshotDir } from "./temp-root.js";

const goodSpec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));
async function tempRoot() {
  const root = await makeTempRoot({ fixture: goodSpec });
  roots.push(root);
  expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
  return root;
}

describe("new-vendor", () => {
  test.each([
    ["bearer", /type: http\n\s+scheme: bearer/],
    ["header:X-Acme-Key", /type: apiKey\n\s+in: header\n\s+name: X-Acme-Key/],
  ])("scaffolds a lint-clean vendor with --auth %s", async (auth, scheme) => {
    const root = await tempRoot();
    const result = await runCli(
      "new-vendor-cli.mjs",
      ["acme", "--docs-url", "https://example.com/docs", "--auth", auth, "--no-install"],
      root,
    );
    expect(result.code, result.stderr).toBe(0);
    const spec = await readFile(path.join(root, "specs/acme/openapi.yaml"), "utf8");
    expect(spec).toMatch(scheme);
    expect(spec).toContain("x-vendor-docs-url: https://example.com/docs");
    expect(spec).toContain("operationId: getJobStatus");
    const config = await readFile(path.join(root, "redocly.yaml"), "utf8");
    expect(config).toContain("acme:\n    root: specs/acme/openapi.yaml");
    expect(config).toContain("recommended-strict");
    const manifest = JSON.parse(await readFile(path.join(root, "packages/acme/package.json"), "utf8"));
    expect(manifest.name).toBe("@vendorspec/acme");
    expect(await readFile(path.join(root, ".changeset/new-vendor-acme.md"), "utf8")).toContain('"@vendorspec/acme": minor');
    expect((await runCli("lint-specs-cli.mjs", [], root)).code).toBe(0);
    expect((await runCli("generate-cli.mjs", ["--check"], root)).code).toBe(0);
  });

  test.each([
    ["a name that exists", ["fixture", "--docs-url", "https://example.com/docs"], /already exists/],
    ["an upper-case name", ["Acme", "--docs-url", "https://example.com/docs"], /not a valid vendor name/],
    ["a path", ["../acme", "--docs-url", "https://example.com/docs"], /not a valid vendor name/],
    ["a reserved name", ["client", "--docs-url", "https://example.com/docs"], /reserved/],
    ["no docs URL", ["acme"], /--docs-url is required/],
    ["a docs URL that is not https", ["acme", "--docs-url", "ftp://docs"], /--docs-url must be an https URL/],
    ["a bad --auth", ["acme", "--docs-url", "https://example.com/docs", "--auth", "cookie"], /--auth must be/],
  ])("refuses %s with a clear message and writes nothing", async (_, args, message) => {
    const root = await tempRoot();
    const before = await snapshotDir(root);
    const result = await runCli("new-vendor-cli.mjs", [...args, "--no-install"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await snapshotDir(root)).toEqual(before);
  });
});

describe("dev", () => {
  test("regenerates a touched spec, names the changed types, and survives invalid YAML", async () => {
    const root = await tempRoot();
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/src/authoring/dev-cli.mjs")], {
      env: { ...process.env, VENDORSPEC_ROOT: root },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 200 && !pattern.test(out); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(out).toMatch(pattern);
    };
    try {
      await waitFor(/watching specs of fixture/);
      const specPath = path.join(root, "specs/fixture/openapi.yaml");
      await writeFile(
        specPath,
        goodSpec.replace(
          "          description: What went wrong.\n",
          "          description: What went wrong.\n        code:\n          type: string\n          description: A machine-readable code.\n",
        ),
      );
      await waitFor(/ok {4}fixture: regenerated in \d+ ms; types changed: ErrorResponse \(changed\)/);
      expect(await readFile(path.join(root, "packages/fixture/index.d.ts"), "utf8")).toContain("code?: string;");

      const good = await snapshotDir(path.join(root, "packages/fixture"));
      await writeFile(specPath, "openapi: 3.1.0\ninfo:\n  title: [half-written\n");
      await waitFor(/specs\/fixture\/openapi\.yaml:\d+:\d+ {2}error {2}yaml-syntax/);
      await waitFor(/FAIL {2}fixture: 1 problem\(s\); packages\/fixture keeps its last good output/);
      expect(await snapshotDir(path.join(root, "packages/fixture"))).toEqual(good);

      await writeFile(specPath, goodSpec);
      await waitFor(/types changed: ErrorResponse \(changed\)[\s\S]*types changed: ErrorResponse \(changed\)/);
    } finally {
      child.kill("SIGINT");
    }
  });
});
