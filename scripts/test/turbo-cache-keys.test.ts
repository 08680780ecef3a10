// turbo replays a task whenever its hash is unchanged, and a shared cache replays it on every
// machine: so every file and version a task reads must move its hash, and nothing else should.
// Each case changes one input in a scratch copy of the repo and asserts, with `turbo run --dry=json`,
// that exactly the tasks reading it and their dependents get a new hash. An input added to a task
// without a case here is not proven; a case whose input a task stopped hashing fails.
import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { removeRoot, repoRoot } from "./temp-root.js";

const run = promisify(execFile);
const turbo = path.join(repoRoot, "node_modules/.bin/turbo");
const TASKS = ["build", "typecheck", "test", "test:e2e"];
const E2E = "@vendorspec/release-tests#test:e2e";

interface DryTask {
  taskId: string;
  task: string;
  package: string;
  hash: string;
  command: string;
  dependents: string[];
}

let root = "";
let baseline = new Map<string, DryTask>();

/** Task id → task, from a dry run in the scratch repo (VENDORSPEC_NODE_MAJOR as cli/run-turbo.mjs sets it). */
async function dryRun(nodeMajor = "20"): Promise<Map<string, DryTask>> {
  const env = { ...process.env, VENDORSPEC_NODE_MAJOR: nodeMajor, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  const { stdout } = await run(turbo, ["run", ...TASKS, "--dry=json"], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
  const { tasks } = JSON.parse(stdout) as { tasks: DryTask[] };
  return new Map(tasks.map((t) => [t.taskId, t]));
}

/** The tasks whose hash differs from the baseline. */
const moved = (after: Map<string, DryTask>) =>
  [...after.values()]
    .filter((t) => baseline.get(t.taskId)?.hash !== t.hash)
    .map((t) => t.taskId)
    .sort();

/** `direct` and every task that depends on one of them, transitively. */
function withDependents(direct: (t: DryTask) => boolean): string[] {
  const out = new Set<string>();
  const queue = [...baseline.values()].filter(direct).map((t) => t.taskId);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    queue.push(...(baseline.get(id)?.dependents ?? []));
  }
  return [...out].sort();
}

/** Changes `file` (relative to the scratch root), dry-runs, and puts the file back. */
async function movedBy(file: string, change: (text: string) => string): Promise<string[]> {
  const target = path.join(root, file);
  const original = await readFile(target, "utf8");
  await writeFile(target, change(original));
  try {
    return moved(await dryRun());
  } finally {
    await writeFile(target, original);
  }
}

const pkg = (name: string) => `@vendorspec/${name}`;
const isTask =
  (...names: string[]) =>
  (t: DryTask) =>
    names.includes(t.task);
const inPackage =
  (name: string, ...tasks: string[]) =>
  (t: DryTask) =>
    t.package === pkg(name) && (tasks.length === 0 || tasks.includes(t.task));
/** The lint:specs of a vendor package (elsewhere it is a no-op turbo still hashes). */
const vendorLint = (t: DryTask) => t.task === "lint:specs" && t.command !== "<NONEXISTENT>";
const either =
  (...tests: Array<(t: DryTask) => boolean>) =>
  (t: DryTask) =>
    tests.some((f) => f(t));

beforeAll(async () => {
  // The working tree as git would commit it (tracked and new files, nothing ignored), as a repo of
  // its own: turbo hashes through git.
  root = await mkdtemp(path.join(tmpdir(), "vendorspec-turbo-keys-"));
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of stdout.split("\0").filter(Boolean)) {
    const from = path.join(repoRoot, file);
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await cp(from, path.join(root, file), { verbatimSymlinks: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // deleted in the working tree, not yet staged
    });
  }
  const git = (...args: string[]) => run("git", ["-c", "user.name=test", "-c", "user.email=test@example.test", ...args], { cwd: root });
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-qm", "scratch");
  baseline = await dryRun();
}, 120_000);
afterAll(() => removeRoot(root));

describe("turbo cache keys", () => {
  test("the baseline is stable: a second dry run gives the same hashes", async () => {
    expect(baseline.size).toBeGreaterThan(20);
    expect(moved(await dryRun())).toEqual([]);
  });

  test("tsconfig.base.json moves every build, typecheck and test", async () => {
    expect(await movedBy("tsconfig.base.json", (t) => t.replace("{", '{\n  "//": "changed",'))).toEqual(
      withDependents(isTask("build", "typecheck", "test", "test:e2e")),
    );
  });

  test("what the end-to-end tests copy, install and publish with moves them and nothing else", async () => {
    for (const file of [".changeset/config.json", "tools/cache-server/package.json", "pnpm-workspace.yaml", ".npmrc"]) {
      expect(
        await movedBy(file, (t) => (file.endsWith(".json") ? t.replace("{", '{\n  "//": "changed",') : `${t}\n# changed\n`)),
        file,
      ).toEqual([E2E]);
    }
  });

  test("vitest.shared.ts moves every test and nothing else", async () => {
    expect(await movedBy("vitest.shared.ts", (t) => `${t}\n// changed\n`)).toEqual(withDependents(isTask("test")));
  });

  test("a CI workflow moves release-tests' test only", async () => {
    expect(await movedBy(".github/workflows/ci.yml", (t) => `${t}\n# changed\n`)).toEqual([`${pkg("release-tests")}#test`]);
  });

  test("the generator's dependencies move every vendor's lint and generate, and their dependents", async () => {
    const changed = await movedBy("scripts/package.json", (t) =>
      t.replace(/"openapi-typescript": "[^"]+"/, '"openapi-typescript": "7.0.0"'),
    );
    // package.json is an input of every task of its package.
    expect(changed).toEqual(withDependents(either(inPackage("scripts"), vendorLint)));
    expect(changed).toContain(`${pkg("docutray")}#generate`);
  });

  test("the generator's source moves every vendor's lint and generate, and their dependents", async () => {
    const changed = await movedBy("scripts/src/generate/render-readme.mjs", (t) => `${t}\n// changed\n`);
    expect(changed).toEqual(withDependents(either(inPackage("scripts", "toolchain", "build", "typecheck", "test"), vendorLint)));
  });

  test("one spec moves that vendor's tasks and their dependents only", async () => {
    const changed = await movedBy("specs/docutray/openapi.yaml", (t) => `${t}\n# changed\n`);
    // The client's tests read every spec (spec-edit.test.ts) besides depending on the packages.
    expect(changed).toEqual(withDependents(either(inPackage("docutray", "lint:specs"), inPackage("client", "test"))));
    expect(changed).not.toContain(`${pkg("leadsygroup")}#generate`);
  });

  test("redocly.yaml moves every vendor's lint and generate, and their dependents", async () => {
    const changed = await movedBy("redocly.yaml", (t) => `${t}\n# changed\n`);
    expect(changed).toEqual(withDependents(either(vendorLint, inPackage("client", "test"))));
  });

  test("generate does not hash its own outputs, so a spec edit misses once, not twice", async () => {
    const changed = await movedBy("packages/docutray/index.d.ts", (t) => `${t}\n// changed\n`);
    expect(changed).not.toContain(`${pkg("docutray")}#generate`);
    expect(changed).not.toContain(`${pkg("docutray")}#lint:specs`);
    // Consumers of the generated types still see a changed file.
    expect(changed).toContain(`${pkg("client")}#typecheck`);
  });

  test("files the generator writes into the client and the mock server are not their inputs", async () => {
    // Their content follows from the vendors' generate hashes, which these tasks depend on; hashing
    // them too would make every spec edit miss twice (hashed before generate rewrites them).
    expect(await movedBy("packages/client/src/vendors/docutray.ts", (t) => `${t}\n// changed\n`)).toEqual([]);
    expect(await movedBy("packages/mock-server/src/vendor-list.ts", (t) => `${t}\n// changed\n`)).toEqual([]);
  });

  test("the Arazzo workflows generate writes into a spec folder are not its lint or generate inputs", async () => {
    const changed = await movedBy("specs/docutray/jobs.arazzo.yaml", (t) => `${t}\n# changed\n`);
    expect(changed).not.toContain(`${pkg("docutray")}#generate`);
    expect(changed).not.toContain(`${pkg("docutray")}#lint:specs`);
    // verify's tests run them under redocly respect.
    expect(changed).toContain(`${pkg("verify")}#test`);
  });

  test("the Node major version moves every task", async () => {
    expect(moved(await dryRun("22"))).toEqual([...baseline.keys()].sort());
  });

  test("a file no task reads moves nothing", async () => {
    await appendFile(path.join(root, "docs-note.txt"), "not an input\n");
    expect(moved(await dryRun())).toEqual([]);
  });
});
