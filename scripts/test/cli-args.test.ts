// Every CLI of scripts/ (each `node scripts/src/...-cli.mjs` script of the root package.json) parses
// its command line strictly: --help prints the usage with an example and exits 0, an unknown flag or
// a flag without its value exits 2 with the usage, and neither reads on to do its job. Each command
// line below would otherwise act (regenerate a stale package, scaffold a vendor, start watching), so
// an unchanged temp root shows the CLI stopped at its arguments.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCliArgs, UsageError } from "../src/cli/parse-cli-args.mjs";
import { fixturesDir, makeTempRoot, removeRoot, repoRoot, runCli, runScriptFile, scriptCommands, snapshotTree } from "./temp-root.js";

const commands = await scriptCommands();

/** Arguments with which each command would do its job; the cases add a flag to them. */
const ACTING_ARGS: Record<string, string[]> = {
  "new-vendor": ["acme", "--docs-url", "https://docs.acme.example/api", "--no-install"],
};
/** Other command lines each command refuses: a flag it does not have, an argument it does not take. */
const ALSO_REFUSED: Record<string, Array<[string[], RegExp]>> = {
  "new-vendor": [
    [["acme", "--docs-url", "https://docs.acme.example/api", "--no-install", "--dry-run"], /Unknown option '--dry-run'/],
    [["acme", "acme2", "--docs-url", "https://docs.acme.example/api", "--no-install"], /unexpected argument\(s\) "acme2"/],
  ],
  dev: [[["fixture"], /takes no arguments, got "fixture"/]],
  "contracts:check": [[["fixture"], /takes no arguments, got "fixture"/]],
};
/** Command lines that end on a flag which needs a value. */
const MISSING_VALUE: Record<string, string[][]> = {
  "new-vendor": [
    ["acme", "--no-install", "--docs-url"],
    ["acme", "--docs-url", "https://docs.acme.example/api", "--no-install", "--auth"],
  ],
  "contracts:diff": [["--base"], ["--fail-on"]],
};

type Case = [string, { command: string; file: string; args: string[]; want: "help" | "refused"; message?: RegExp }];
const cases: Case[] = commands.flatMap(({ command, file }): Case[] => {
  const acting = ACTING_ARGS[command] ?? [];
  return [
    [`${command} --help`, { command, file, args: [...acting, "--help"], want: "help" }],
    [`${command} --nope`, { command, file, args: [...acting, "--nope"], want: "refused", message: /Unknown option '--nope'/ }],
    [`${command} --nope first`, { command, file, args: ["--nope", ...acting], want: "refused", message: /Unknown option '--nope'/ }],
    ...(ALSO_REFUSED[command] ?? []).map(
      ([args, message]): Case => [`${command} ${args.join(" ")}`, { command, file, args, want: "refused", message }],
    ),
    ...(MISSING_VALUE[command] ?? []).map(
      (args): Case => [`${command} ${args.join(" ")}`, { command, file, args, want: "refused", message: /argument missing/ }],
    ),
  ];
});

let root = "";
const usages = new Map<string, Promise<string>>();
/** What `<file> --help` prints, run once per CLI. */
const usageOf = (file: string) => {
  if (!usages.has(file))
    usages.set(
      file,
      runScriptFile(file, ["--help"], root).then((r) => r.stdout),
    );
  return usages.get(file) as Promise<string>;
};
beforeAll(async () => {
  root = await makeTempRoot({ fixture: await readFile(path.join(fixturesDir, "good/openapi.yaml"), "utf8") });
  expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
  // Left stale on purpose: a `generate` that went past its arguments would rewrite packages/fixture.
  const specPath = path.join(root, "specs/fixture/openapi.yaml");
  const spec = await readFile(specPath, "utf8");
  await writeFile(
    specPath,
    spec.replace("          description: What went wrong.\n", "          description: What went wrong, in words.\n"),
  );
});
afterAll(() => removeRoot(root));

describe("the table covers every CLI", () => {
  test("package.json runs each *-cli.mjs of scripts/src, the six known ones included", async () => {
    const files = (await readdir(path.join(repoRoot, "scripts/src"), { recursive: true }))
      .filter((f) => f.endsWith("-cli.mjs"))
      .map((f) => `scripts/src/${f.split(path.sep).join("/")}`)
      .sort();
    expect(commands.map((c) => c.file).sort()).toEqual(files);
    expect(commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(["generate", "lint:specs", "new-vendor", "dev", "contracts:check", "contracts:diff"]),
    );
  });
});

describe.each(cases)("%s", (_, { command, file, args, want, message }) => {
  test(
    want === "help" ? "prints the usage with an example, exits 0, writes nothing" : "exits 2 with the usage, writes nothing",
    async () => {
      const before = await snapshotTree(root);
      const result = await runScriptFile(file, args, root);
      expect(await snapshotTree(root)).toEqual(before);
      if (want === "help") {
        expect(result, result.stderr).toMatchObject({ code: 0, stderr: "" });
        expect(result.stdout).toMatch(/^usage:/);
        // An example is a line that runs the command, under an "example(s):" heading.
        expect(result.stdout).toMatch(new RegExp(`^examples?:\\n(?: +pnpm ${command}\\b.*\\n)+`, "m"));
      } else {
        expect(result).toMatchObject({ code: 2, stdout: "" });
        expect(result.stderr).toMatch(new RegExp(`^${command}: `));
        if (message) expect(result.stderr).toMatch(message);
        // The very text --help prints.
        expect(result.stderr).toContain(await usageOf(file));
      }
    },
  );
});

describe("parseCliArgs", () => {
  const cli = {
    name: "demo",
    usage: "usage: pnpm demo <name> [--flag] [--value <v>]\n",
    options: { flag: { type: "boolean" }, value: { type: "string" } },
    positionals: { min: 1, max: 1, missing: "which name?" },
  } as const;
  test.each([
    ["a name and both flags", ["x", "--flag", "--value", "v"], { values: { flag: true, value: "v" }, positionals: ["x"] }],
    ["--value=v spelling", ["x", "--value=v"], { values: { value: "v" }, positionals: ["x"] }],
    ["--help without the name it needs", ["--help"], { values: { help: true }, positionals: [] }],
    ["-h", ["-h"], { values: { help: true }, positionals: [] }],
    ["an unknown flag", ["x", "--nope"], /Unknown option '--nope'/],
    ["a flag without its value", ["x", "--value"], /argument missing/],
    ["a value given to a boolean", ["x", "--flag=yes"], /does not take an argument/],
    ["no name", [], /^which name\?$/],
    ["two names", ["x", "y"], /^unexpected argument\(s\) "y"$/],
  ])("%s", (_, args, want) => {
    if (want instanceof RegExp) {
      expect(() => parseCliArgs(cli, args)).toThrow(UsageError);
      expect(() => parseCliArgs(cli, args)).toThrow(want);
    } else {
      expect({ ...parseCliArgs(cli, args) }).toEqual(want);
    }
  });
});
