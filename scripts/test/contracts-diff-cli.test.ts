// `pnpm contracts:diff` as a user runs it: two files of any OpenAPI 3.x flavour, and the repo
// against a git ref, with every bad input refused (exit 2, nothing written) rather than ignored.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { baseSpec, type Doc, input, job } from "./contracts/base-spec.js";
import { makeReleasedRepo, repoRoot } from "./temp-root.js";

const run = promisify(execFile);
const cli = path.join(repoRoot, "scripts/src/contracts/contracts-diff-cli.mjs");
let dir = "";
let root = "";

async function diff(args: string[], cwd = dir) {
  return run(process.execPath, [cli, ...args], { cwd, env: { ...process.env, VENDORSPEC_ROOT: root } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? "", err: e.stderr ?? "" }),
  );
}
const write = async (name: string, text: string) => {
  await writeFile(path.join(dir, name), text);
  return path.join(dir, name);
};
/** The base spec written as OpenAPI 3.0 YAML, with 3.0's nullable and boolean exclusive bounds. */
function as30(d: Doc) {
  const copy = structuredClone(d);
  copy.openapi = "3.0.3";
  copy.components.schemas.Job.properties.count = { type: "integer", nullable: true };
  copy.components.schemas.Input.properties.size = { type: "integer", minimum: 1, exclusiveMinimum: true };
  return stringify(copy);
}
/** The same contract in 3.1 spelling. */
function as31(d: Doc) {
  const copy = structuredClone(d);
  copy.components.schemas.Job.properties.count = { type: ["integer", "null"] };
  copy.components.schemas.Input.properties.size = { type: "integer", exclusiveMinimum: 1 };
  return copy;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vendorspec-diff-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("two-file mode", () => {
  test("3.0 YAML against the same contract in 3.1 JSON: no change", async () => {
    const base = await write("base.yaml", as30(baseSpec()));
    const revision = await write("revision.json", JSON.stringify(as31(baseSpec())));
    const result = await diff([base, revision, "--json", "--fail-on", "breaking"]);
    expect(result.code, result.err).toBe(0);
    const [report] = JSON.parse(result.out);
    expect(report).toMatchObject({ base, revision, changes: [], typeBreaks: [], bump: "none" });
  });

  test("--json: the report shape, stable across runs, with locations and the type signal", async () => {
    const base = await write("base.yaml", as30(baseSpec()));
    const after = as31(baseSpec());
    job(after).properties.status.enum.push("FAILED");
    input(after).properties.size.type = "number";
    const revision = await write("revision.json", JSON.stringify(after, null, 2));
    const first = await diff([base, revision, "--json"]);
    const second = await diff([base, revision, "--json"]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe(second.out);
    const [report] = JSON.parse(first.out);
    expect(Object.keys(report)).toEqual([
      "vendor",
      "packageName",
      "base",
      "revision",
      "version",
      "changes",
      "typeBreaks",
      "disagreements",
      "bump",
    ]);
    expect(report.bump).toBe("major");
    expect(report.changes).toEqual([
      expect.objectContaining({ rule: "response-enum-value-added", class: "breaking", message: expect.stringContaining('"FAILED"') }),
      expect.objectContaining({
        rule: "request-type-relaxed",
        class: "non-breaking",
        location: expect.stringMatching(/revision\.json:\d+$/),
      }),
    ]);
    for (const change of report.changes) expect(Object.keys(change)).toEqual(["rule", "class", "pointer", "message", "location"]);
    expect(report.typeBreaks).toEqual([expect.objectContaining({ operationId: "getJob", where: expect.stringMatching(/response 200/) })]);
  }, 240_000); // two CLI runs, each compiling both specs with TypeScript

  test("--fail-on breaking: exit 1 on a breaking change, 0 on a safe one; --markdown renders a table", async () => {
    const base = await write("base.yaml", stringify(baseSpec()));
    const breaking = baseSpec();
    delete breaking.paths["/jobs"].post.responses["202"].headers.Location;
    const safe = baseSpec();
    input(safe).properties.size.type = "number";
    delete input(safe).properties.note.pattern;
    const broke = await diff([base, await write("breaking.yaml", stringify(breaking)), "--fail-on", "breaking", "--markdown"]);
    expect(broke.code).toBe(1);
    expect(broke.out).toContain(
      "| breaking | `response-header-removed` | POST /jobs response 202 header Location removed (it was required) |",
    );
    const ok = await diff([base, await write("safe.yaml", stringify(safe)), "--fail-on", "breaking"]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toMatch(/non-breaking +request-type-relaxed/);
  });

  test.each([
    ["a missing file", async () => [path.join(dir, "none.yaml"), await write("x.yaml", stringify(baseSpec()))], /none\.yaml: no such file/],
    [
      "invalid YAML",
      async () => [await write("bad.yaml", "openapi: 3.1.0\npaths: [\n"), await write("x.yaml", stringify(baseSpec()))],
      /bad\.yaml:\d+:\d+: not valid YAML/,
    ],
    [
      "not OpenAPI",
      async () => [
        await write("swagger.yaml", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"),
        await write("x.yaml", stringify(baseSpec())),
      ],
      /swagger\.yaml: not an OpenAPI 3\.0 or 3\.1 document/,
    ],
    [
      "a $ref leaving the file's folder",
      async () => {
        const d = baseSpec();
        d.components.schemas.Job = { $ref: "../../etc/passwd" };
        return [await write("escape.yaml", stringify(d)), await write("x.yaml", stringify(baseSpec()))];
      },
      /escape\.yaml: .*leaves/,
    ],
    [
      "a YAML alias bomb",
      async () => {
        const levels = ["x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
        for (let i = 1; i < 10; i++)
          levels.push(
            `x-${i}: &l${i} [${Array(10)
              .fill(i === 1 ? "*a" : `*l${i - 1}`)
              .join(", ")}]`,
          );
        const bomb = `openapi: 3.1.0\ninfo: {title: t, version: "1"}\n${levels.join("\n")}\npaths: {}\n`;
        return [await write("bomb.yaml", bomb), await write("x.yaml", stringify(baseSpec()))];
      },
      /bomb\.yaml: more than 1000 YAML alias expansions/,
    ],
    ["one file", async () => [await write("x.yaml", stringify(baseSpec()))], /expected no file or two files/],
    ["an unknown flag", async () => ["--bogus"], /Unknown option '--bogus'/],
    ["--fail-on without a level", async () => ["a.yaml", "b.yaml", "--fail-on", "sometimes"], /--fail-on takes breaking or non-breaking/],
    ["--base with two files", async () => ["a.yaml", "b.yaml", "--base", "main"], /--base compares the repo's specs/],
  ])("bad input exits 2: %s", async (_, args, message) => {
    const result = await diff(await args());
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.out).toBe("");
  });

  test("--rules --json lists every rule with its class", async () => {
    const result = await diff(["--rules", "--json"]);
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.out) as Array<{ id: string; class: string; title: string }>;
    expect(rules.length).toBeGreaterThan(150);
    expect(rules).toContainEqual(expect.objectContaining({ id: "response-header-removed", class: "breaking" }));
    expect(rules).toContainEqual(expect.objectContaining({ id: "request-type-relaxed", class: "non-breaking" }));
  });

  test("--help prints the usage and exits 0", async () => {
    const result = await diff(["--help"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("pnpm contracts:diff <base-file> <revision-file>");
  });
});

describe("against a git ref", () => {
  const git = (...args: string[]) => run("git", ["-c", "user.email=ci@vendorspec.test", "-c", "user.name=ci", ...args], { cwd: root });
  const docutray = () => path.join(root, "specs/docutray/openapi.yaml");

  beforeAll(async () => {
    ({ root } = await makeReleasedRepo("vendorspec-diff-repo-"));
    await git("tag", "v1");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test("a spec edit since the ref is reported at its line", async () => {
    const spec = await readFile(docutray(), "utf8");
    await writeFile(docutray(), spec.replace("summary: Check asynchronous conversion status", "summary: Check a conversion's status"));
    const result = await diff(["--base", "v1"], root);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(
      /@vendorspec\/docutray \(since v1\): 1 change\(s\), needs a patch bump\n {2}docs-only +docs-changed +specs\/docutray\/openapi\.yaml:\d+/,
    );
    await writeFile(docutray(), spec);
  });

  test.each([
    [["--base", "no-such-ref"], /unknown git ref "no-such-ref"/],
    [["--base"], /argument missing/],
    [["--base", "--output=OUT"], /ambiguous/],
    [["--base=--output=OUT"], /--base needs a git ref, got "--output=/],
  ])("%j is refused (exit 2) and writes nothing", async (args, message) => {
    const out = path.join(root, "injected.txt");
    const result = await diff(
      args.map((a) => a.replace("OUT", out)),
      root,
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    await expect(readFile(out)).rejects.toThrow();
  });

  test("a spec that is broken at the base is an error naming the vendor, the ref and the file", async () => {
    const spec = await readFile(docutray(), "utf8");
    await writeFile(docutray(), `${spec}\n  broken: [\n`);
    await git("commit", "-q", "-am", "broken docutray");
    await git("tag", "broken");
    await writeFile(docutray(), spec);
    const result = await diff(["--base", "broken"], root);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/docutray: the spec at broken does not load: specs\/docutray\/openapi\.yaml@broken:\d+:\d+: not valid YAML/);
  });

  test("a package whose spec is missing at the base is an error, not a new package", async () => {
    await git("rm", "-q", "-f", "specs/docutray/openapi.yaml");
    await git("commit", "-q", "-m", "docutray spec gone");
    await git("tag", "nospec");
    await git("checkout", "-q", "v1", "--", "specs/docutray/openapi.yaml");
    const result = await diff(["--base", "nospec"], root);
    expect(result.code).toBe(2);
    expect(result.err).toContain("docutray: specs/docutray/openapi.yaml cannot be read at nospec, though packages/docutray exists there");
  });
});
