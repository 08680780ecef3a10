// Every public package as npm would ship it: publint --strict and arethetypeswrong (ESM-only profile)
// are clean, and the packed tarball holds only what a consumer needs (the list `pnpm release:publish`
// checks too), with no `workspace:` ranges.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ALLOWED_TARBALL_FILES } from "@vendorspec/scripts/check-package";
import { afterAll, describe, expect, test } from "vitest";
import { listPublicPackages, repoRoot } from "./public-packages.js";

const run = promisify(execFile);
const bin = (name: string) => path.join(repoRoot, "scripts/node_modules/.bin", name);
const packages = await listPublicPackages();
const packDir = await mkdtemp(path.join(tmpdir(), "vendorspec-pack-"));
afterAll(() => rm(packDir, { recursive: true, force: true }));


test("the workspace has the expected public packages, and nothing private is among them", () => {
  const names = packages.map((p) => p.name);
  expect(names).toEqual(expect.arrayContaining(["@vendorspec/client", "@vendorspec/docutray", "@vendorspec/apptus-esales", "@vendorspec/leadsygroup", "@vendorspec/lettrlabs"]));
  expect(names.filter((n) => /tests|bench|scripts|docs/.test(n))).toEqual([]);
});

describe.each(packages.map((p) => [p.name, p] as const))("%s", (_, pkg) => {
  test("publint --strict is clean", async () => {
    const { stdout } = await run(bin("publint"), ["--strict"], { cwd: pkg.dir });
    expect(stdout).toContain("All good!");
  });

  test("arethetypeswrong (esm-only) is clean", async () => {
    // The esm-only profile leaves out node10 and require() from CommonJS; attw's exit code follows
    // the profile, and the JSON report must show no problem for the resolutions it covers.
    const result = await run(bin("attw"), ["--pack", ".", "--profile", "esm-only", "--format", "json"], { cwd: pkg.dir }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? "" }),
    );
    const problems = (JSON.parse(result.out).analysis?.problems ?? []) as Array<{ kind: string; resolutionKind?: string }>;
    const covered = problems.filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs");
    expect(covered, JSON.stringify(covered)).toEqual([]);
    expect(result.code).toBe(0);
  });

  test("the tarball holds only what a consumer needs and no workspace: ranges", async () => {
    const dest = path.join(packDir, path.basename(pkg.dir));
    await run("pnpm", ["pack", "--pack-destination", dest], { cwd: pkg.dir });
    const [tarball] = await readdir(dest);
    expect(tarball).toMatch(/\.tgz$/);
    const { stdout: listing } = await run("tar", ["-tzf", path.join(dest, tarball as string)]);
    const files = listing.trim().split("\n");
    expect(files).toContain("package/package.json");
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/LICENSE");
    expect(files.filter((f) => !ALLOWED_TARBALL_FILES.some((re) => re.test(f)))).toEqual([]);
    const { stdout: manifest } = await run("tar", ["-xzOf", path.join(dest, tarball as string), "package/package.json"]);
    expect(manifest).not.toContain("workspace:");
    const types = JSON.parse(manifest).types ?? JSON.parse(manifest).exports?.["."]?.types;
    expect(files).toContain(`package/${String(types).replace(/^\.\//, "")}`);
  });
});
