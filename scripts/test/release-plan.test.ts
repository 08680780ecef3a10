// The release's pure decisions: publish order (leaves first), which packages a release moves, and
// the order of uploads and promotion against an in-memory registry (the e2e suite runs the same
// against verdaccio: packages/release-tests/e2e/safe-release.e2e.test.ts).
import { describe, expect, test } from "vitest";
import { isNewer, planRelease } from "../src/release/plan-release.mjs";
import { releasePublish } from "../src/release/release-publish.mjs";
import { dependencyOrder, readPublicPackages } from "../src/release/workspace-packages.mjs";
import { repoRoot } from "./temp-root.js";

const byDir = new Map((await readPublicPackages(repoRoot)).map((p) => [p.dir, p]));
const pkg = (name: string, dependsOn: string[] = [], version = "1.0.0") => ({ name, version, dir: `/x/${name}`, dependsOn });

describe("dependency order", () => {
  test("every package comes after the packages it depends on", async () => {
    const ordered = dependencyOrder(await readPublicPackages(repoRoot));
    const names = ordered.map((p) => p.name);
    expect(names).toContain("@vendorspec/client");
    for (const p of ordered)
      for (const dep of p.dependsOn) expect(names.indexOf(dep), `${dep} before ${p.name}`).toBeLessThan(names.indexOf(p.name));
    // Private packages are never in a release.
    expect(names.filter((n) => /scripts|tests|docs|verify|bench/.test(n))).toEqual([]);
  });

  test("a cycle is named", () => {
    expect(() => dependencyOrder([pkg("a", ["b"]), pkg("b", ["a"])])).toThrow(/cycle.*a -> b -> a/);
  });
});

describe("plan", () => {
  test("moves what is not yet at the tag; an uploaded version only needs its promotion", () => {
    type State = { versions: string[]; distTags: Record<string, string> } | undefined;
    const registry = new Map<string, State>([
      ["a", { versions: ["1.0.0"], distTags: { latest: "1.0.0" } }],
      ["b", { versions: ["0.9.0", "1.0.0"], distTags: { latest: "0.9.0", staging: "1.0.0" } }],
      ["c", undefined],
    ]);
    const { steps, released, problems } = planRelease([pkg("a"), pkg("b"), pkg("c")], registry, "latest");
    expect(released.map((p) => p.name)).toEqual(["a"]);
    expect(steps.map((s) => [s.name, s.upload, s.firstRelease, s.current])).toEqual([
      ["b", false, false, "0.9.0"],
      ["c", true, true, undefined],
    ]);
    expect(problems).toEqual([]);
  });

  test("a registry ahead of the workspace is a problem, not a downgrade", () => {
    const { problems } = planRelease(
      [pkg("a", [], "1.0.0")],
      new Map([["a", { versions: ["2.0.0"], distTags: { latest: "2.0.0" } }]]),
      "latest",
    );
    expect(problems[0]).toMatch(/a: the registry's latest is 2\.0\.0, newer than the workspace's 1\.0\.0/);
  });

  test.each([
    ["1.0.1", "1.0.0", true],
    ["1.10.0", "1.9.9", true],
    ["1.0.0", "1.0.0-rc.1", true],
    ["1.0.0-rc.2", "1.0.0-rc.1", true],
    ["1.0.0", "1.0.0", false],
    ["0.9.0", "1.0.0", false],
  ])("%s is newer than %s: %s", (a, b, newer) => {
    expect(isNewer(a, b)).toBe(newer);
  });
});

describe("publish order against an in-memory registry", () => {
  /** A registry with the npm wrapper's interface; `refuse` names packages whose upload fails. */
  function fakeNpm(refuse: Set<string>, state = new Map<string, { versions: string[]; distTags: Record<string, string> }>()) {
    const calls: string[] = [];
    return {
      calls,
      state,
      npm: {
        whoami: async () => "e2e",
        view: async (name: string) => state.get(name),
        publish: async (tarball: string, tag: string) => {
          const [name, version] = tarball.split("|") as [string, string];
          calls.push(`publish ${name}@${version} ${tag}`);
          if (refuse.has(name)) throw new Error("E403: refused");
          const entry = state.get(name) ?? { versions: [], distTags: {} };
          entry.versions.push(version);
          entry.distTags[tag] = version;
          entry.distTags.latest ??= version; // a first version becomes latest by itself
          state.set(name, entry);
        },
        addTag: async (name: string, version: string, tag: string) => {
          calls.push(`tag ${name}@${version} ${tag}`);
          const entry = state.get(name);
          if (entry) entry.distTags[tag] = version;
        },
        removeTag: async (name: string, tag: string) => {
          const entry = state.get(name);
          if (entry) delete entry.distTags[tag];
        },
      },
    };
  }
  const run = (npm: ReturnType<typeof fakeNpm>["npm"]) =>
    releasePublish({
      rootDir: repoRoot,
      npm: npm as never,
      gitTags: false,
      log: () => {},
      // The "tarball" names the package and version, which the fake registry's publish reads.
      pack: async (dir: string) => `${byDir.get(dir)?.name}|${byDir.get(dir)?.version}`,
      check: async () => [],
      sleep: async () => {},
    });

  test("a refused package: its dependents are never uploaded and no tag moves; the re-run completes", async () => {
    const refused = new Set(["@vendorspec/docutray"]);
    const registry = fakeNpm(refused);
    const first = await run(registry.npm);
    expect(first.complete).toBe(false);
    const outcome = Object.fromEntries(first.rows.map((r) => [r.name, r.outcome]));
    expect(outcome["@vendorspec/docutray"]).toBe("failed");
    expect(outcome["@vendorspec/client"]).toBe("skipped");
    // A leaf's first version is live at once (the registry makes it latest): reported as published.
    expect(outcome["@vendorspec/lettrlabs"]).toBe("published");
    expect(registry.calls.filter((c) => c.startsWith("publish @vendorspec/client"))).toEqual([]);
    expect(registry.calls.filter((c) => c.startsWith("tag ") && c.endsWith(" latest"))).toEqual([]);

    refused.clear();
    registry.calls.length = 0;
    const second = await run(registry.npm);
    expect(second.complete).toBe(true);
    // Only what was missing is uploaded, leaves before the client, then every tag moves.
    const uploads = registry.calls.filter((c) => c.startsWith("publish")).map((c) => c.split(" ")[1]?.replace(/@[^@]+$/, ""));
    expect(uploads).toContain("@vendorspec/docutray");
    expect(uploads).not.toContain("@vendorspec/lettrlabs");
    expect(uploads.indexOf("@vendorspec/docutray")).toBeLessThan(uploads.indexOf("@vendorspec/client"));
    const lastUpload = registry.calls.findLastIndex((c) => c.startsWith("publish"));
    const firstPromotion = registry.calls.findIndex((c) => c.startsWith("tag ") && c.endsWith(" latest"));
    expect(firstPromotion).toBeGreaterThan(lastUpload);

    registry.calls.length = 0;
    const third = await run(registry.npm);
    expect(third.complete).toBe(true);
    expect(registry.calls).toEqual([]);
    expect(third.rows.every((r) => r.outcome === "unchanged")).toBe(true);
  });
});
