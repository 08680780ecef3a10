// The spec is the source of truth: a status word added to Docutray's enum and to its
// `x-vendorspec-job.states` reaches the client and the mock through generation alone. The spec is
// edited in a scratch copy, generated with the real generator CLI, and the generated descriptor and
// bundle drive both sides; the same word under the installed (unedited) descriptor stays `unknown`.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { descriptor as installed } from "@vendorspec/docutray";
import { startMockServer } from "@vendorspec/mock-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { createVendorClient } from "../src/core/create-vendor-client.js";
import type { Job } from "../src/index.js";
import { API_KEY } from "./vendor-cases.js";

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let root: string;
let edited: { descriptor: typeof installed; document: unknown };

/** Replaces exactly one occurrence, so the edit cannot silently stop applying. */
function edit(source: string, from: string, to: string): string {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "vendorspec-spec-edit-"));
  const config = parse(await readFile(path.join(repoRoot, "redocly.yaml"), "utf8"));
  config.apis = { docutray: { root: "specs/docutray/openapi.yaml" } };
  config.plugins = config.plugins.map((plugin: string) => path.resolve(repoRoot, plugin));
  await writeFile(path.join(root, "redocly.yaml"), stringify(config));
  await cp(path.join(repoRoot, "LICENSE"), path.join(root, "LICENSE"));
  await mkdir(path.join(root, "specs/docutray"), { recursive: true });
  let spec = await readFile(path.join(repoRoot, "specs/docutray/openapi.yaml"), "utf8");
  spec = edit(spec, "        - SUCCESS\n        - ERROR\n", "        - SUCCESS\n        - ERROR\n        - REVIEW\n");
  spec = edit(spec, "          PROCESSING: running\n", "          PROCESSING: running\n          REVIEW: running\n");
  await writeFile(path.join(root, "specs/docutray/openapi.yaml"), spec);
  await run(process.execPath, [path.join(repoRoot, "scripts/src/generate/generate-cli.mjs"), "docutray"], {
    env: { ...process.env, VENDORSPEC_ROOT: root },
  });
  const packageDir = path.join(root, "packages/docutray");
  edited = {
    descriptor: (await import(pathToFileURL(path.join(packageDir, "index.js")).href)).descriptor,
    document: JSON.parse(await readFile(path.join(packageDir, "openapi.json"), "utf8")),
  };
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

test("after generation the client maps the new word and the mock serves it in a lifecycle", async () => {
  expect(edited.descriptor.job.states).toMatchObject({ REVIEW: "running" });
  const mock = await startMockServer({ vendor: "docutray", apiKey: API_KEY, definition: edited });
  try {
    mock.jobs.create({ id: "cm_review", steps: ["ENQUEUED", "REVIEW"], outcome: "SUCCESS" });
    const client = createVendorClient(edited.descriptor, { apiKey: API_KEY, baseUrl: mock.url });
    const seen: Array<[string, string]> = [];
    const done = await client.jobs.wait("cm_review", { intervalMs: 1, onProgress: (job: Job) => seen.push([job.vendorStatus, job.state]) });
    expect(seen).toEqual([
      ["ENQUEUED", "queued"],
      ["REVIEW", "running"],
      ["SUCCESS", "succeeded"],
    ]);
    expect(done.state).toBe("succeeded");
    // Every body the mock sent validated against the edited spec.
    expect(mock.errors).toEqual([]);
  } finally {
    await mock.close();
  }
});

test("without the edit the word is unknown to the client and off-spec for the mock", async () => {
  const mock = await startMockServer({ vendor: "docutray", apiKey: API_KEY });
  try {
    mock.jobs.create({ id: "cm_review", steps: ["REVIEW"], outcome: "SUCCESS" });
    const client = createVendorClient(installed, { apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0 });
    // The installed mock validates its bodies against the unedited spec, so it refuses to send REVIEW.
    await expect(client.jobs.get("cm_review")).rejects.toMatchObject({ status: 500 });
    expect(mock.errors.join("\n")).toMatch(/body does not match the spec/);
    // And a vendor that sends it anyway is reported as unknown, never as an end state.
    mock.faults.inject("getConversionStatus", { type: "unknown-status", word: "REVIEW" });
    expect(await client.jobs.get("cm_review")).toMatchObject({ vendorStatus: "REVIEW", state: "unknown", terminal: false });
  } finally {
    await mock.close();
  }
});
