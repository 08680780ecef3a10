// The hostile-spec corpus (fixtures/hostile/<case>/): $refs that leave the spec's folder, URLs, YAML
// alias bombs, oversize files and $ref cycles. Each must fail lint with a located error, fail
// generate with the very same line, leave the previous package byte-identical, and read nothing
// outside the folder (the URL case asserts a local server saw no request).

import { appendFile, cp, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixturesDir, makeTempRoot, removeRoot, runCli, snapshotDir } from "./temp-root.js";

const hostileDir = path.join(fixturesDir, "hostile");
const goodSpec = await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8");
const names = (await readdir(hostileDir)).sort();

/** Per-case preparation the corpus cannot hold as files: links out and files over the size caps. */
const setups: Record<string, (specDir: string, root: string) => Promise<void>> = {
  "symlink-out": (specDir, root) => symlink(path.join(root, "outside.yaml"), path.join(specDir, "linked.yaml")),
  // A comment pads a valid schema to one byte over the 4 MiB per-file cap.
  "oversize-ref": async (specDir) => {
    const schema = "type: string\ndescription: Padded.\n";
    await writeFile(path.join(specDir, "big.yaml"), `${schema}#${"x".repeat(4 * 1024 * 1024 - schema.length - 1)}\n`);
  },
  // Five chained files, each under the per-file cap, 17 MiB together: the fifth crosses 16 MiB.
  "oversize-bundle": async (specDir) => {
    for (const part of [1, 2, 3, 4, 5]) {
      const mib = part < 5 ? 3.5 : 3;
      await appendFile(path.join(specDir, `part${part}.yaml`), `#${"x".repeat(mib * 1024 * 1024)}\n`);
    }
  },
};

/** A file outside specs/fixture/ that a confined resolver must never read. */
const OUTSIDE = "type: string\ndescription: A file outside the spec's folder.\n";

/** `# expect-<key>: value` header lines of a case's openapi.yaml. */
function expectations(source: string) {
  const header = (key: string) => new RegExp(`^# expect-${key}: (.+)$`, "m").exec(source)?.[1];
  return { rule: header("rule"), file: header("file") ?? "openapi.yaml", at: header("at"), message: header("message") };
}

/** Line and column of the first occurrence of `marker` outside the header comments. */
function locate(source: string, marker: string) {
  const lines = source.split("\n");
  const index = lines.findIndex((l) => !l.startsWith("# expect-") && l.includes(marker));
  return { line: index + 1, col: (lines[index] ?? "").indexOf(marker) + 1 };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

// One case at a time: each runs three CLIs, and the machine running them may be slow.
describe("hostile spec", () => {
  const roots: string[] = [];
  /** A root holding the good spec and the package generated from it, copied for each case. */
  let generatedRoot = "";
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.end("type: string\n");
  });
  let serverUrl = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    generatedRoot = await makeTempRoot({ fixture: goodSpec });
    roots.push(generatedRoot);
    const first = await runCli("generate-cli.mjs", [], generatedRoot);
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await Promise.all(roots.map(removeRoot));
  });

  test.each(names)("%s fails lint and generate at the same located error and keeps the previous package", async (name) => {
    const caseDir = path.join(hostileDir, name);
    const want = expectations(await readFile(path.join(caseDir, "openapi.yaml"), "utf8"));
    expect(want.rule && want.at && want.message, `${name}/openapi.yaml must declare expect-rule, -at and -message`).toBeTruthy();

    const root = await mkdtemp(path.join(tmpdir(), "vendorspec-hostile-"));
    roots.push(root);
    await cp(generatedRoot, root, { recursive: true });
    const packageDir = path.join(root, "packages/fixture");
    const before = await snapshotDir(packageDir);

    const specDir = path.join(root, "specs/fixture");
    const outside = path.join(root, "outside.yaml");
    await writeFile(outside, OUTSIDE);
    await cp(caseDir, specDir, { recursive: true });
    for (const entry of await readdir(specDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".yaml")) continue;
      const file = path.join(entry.parentPath, entry.name);
      const source = await readFile(file, "utf8");
      await writeFile(file, source.replaceAll("{{OUTSIDE}}", outside).replaceAll("{{SERVER}}", serverUrl));
    }
    await setups[name]?.(specDir, root);

    const { line, col } = locate(await readFile(path.join(caseDir, want.file), "utf8"), want.at ?? "");
    expect(line, `${want.at} must occur in ${name}/${want.file}`).toBeGreaterThan(0);
    const located = new RegExp(
      `^specs/fixture/${escapeRegExp(want.file)}:${line}:${col}  error  ${escapeRegExp(want.rule ?? "")}  .*${escapeRegExp(want.message ?? "")}.*$`,
      "m",
    );

    const lint = await runCli("lint-specs-cli.mjs", [], root);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(located);
    // A refused $ref is reported once, by the rule that names the policy, not echoed as unresolved.
    if (want.rule === "vendorspec/ref-confined") expect(lint.stdout).not.toContain("no-unresolved-refs");

    const generated = await runCli("generate-cli.mjs", [], root);
    expect(generated.code).toBe(1);
    // Lint and generate never disagree: the same problem, word for word.
    expect(located.exec(generated.stderr)?.[0]).toBe(located.exec(lint.stdout)?.[0]);
    expect(generated.stderr).toContain("packages/fixture left unchanged");
    expect(await snapshotDir(packageDir)).toEqual(before);
    // Only http-url names the server; neither lint nor generate may have asked it for anything.
    expect(requests).toEqual([]);
  });
});
