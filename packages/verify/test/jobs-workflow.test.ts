// The generated job workflows under `redocly respect`, run against each vendor's mock on 127.0.0.1:
// a job that ends well passes, a failed job or an off-spec answer fails, even an off-spec answer
// that respect retried past (its exit code is 0 then), and the key stays out of argv and output.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type MockServer, startMockServer, VENDOR_DESCRIPTORS, type VendorName } from "@vendorspec/mock-server";
import { ARAZZO_FILE } from "@vendorspec/scripts/arazzo";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { readVendors } from "@vendorspec/scripts/vendors";
import { describe, type ExpectStatic, expect, test } from "vitest";
import { type JobsWorkflowResult, redoclyCliPath, respectArguments, runJobsWorkflows } from "../src/run-jobs-workflow.mjs";

// respect masks the key wherever it appears: a short one would mangle its log.
const API_KEY = "verify-test-key-3f9a2c71d0";
// Each run waits the declared poll interval (2.5 s or 5 s) once or twice, inside respect.
const RUN_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 90_000;

const rootDir = findRepoRoot();
const vendors = await readVendors(rootDir);
/** Each vendor's generated workflow file, relative to the repo root (render-arazzo.mjs ARAZZO_FILE). */
const arazzoFiles = new Map(vendors.map((v) => [v.name, path.relative(rootDir, path.join(path.dirname(v.specPath), ARAZZO_FILE))]));
const hasWorkflow = (name: string) => existsSync(path.join(rootDir, arazzoFiles.get(name) as string));
const withWorkflow = vendors.map((v) => v.name).filter(hasWorkflow) as VendorName[];
const withoutWorkflow = vendors.map((v) => v.name).filter((name) => !hasWorkflow(name));

/** The vendor's first status word in `state`, from its generated job declaration. */
function wordFor(vendor: VendorName, state: string): string {
  const job = VENDOR_DESCRIPTORS[vendor].job;
  const word = Object.entries(job.states).find(([, s]) => s === state)?.[0];
  if (word === undefined) throw new Error(`${vendor} declares no "${state}" status word`);
  return word;
}

/** One active poll before the outcome: exactly one retry. */
const oneRetry = (vendor: VendorName, outcome = "succeeded") => ({ steps: [wordFor(vendor, "queued")], outcome: wordFor(vendor, outcome) });

/** Runs the vendor's workflows against `mock`; no run may show the key, whatever its outcome. */
async function run(expect: ExpectStatic, vendor: VendorName, mock: MockServer): Promise<JobsWorkflowResult> {
  const result = await runJobsWorkflows({ rootDir, vendor, baseUrl: mock.url, apiKey: API_KEY, timeoutMs: RUN_TIMEOUT_MS });
  expect(result.output).not.toContain(API_KEY);
  expect(JSON.stringify(result)).not.toContain(API_KEY);
  return result;
}

/** The status codes the vendor's bundled spec documents for its status operation. */
async function statusOperationCodes(vendor: VendorName): Promise<string[]> {
  const packageDir = vendors.find((v) => v.name === vendor)?.packageDir as string;
  const document = JSON.parse(await readFile(path.join(packageDir, "openapi.json"), "utf8"));
  const { path: route, method } = VENDOR_DESCRIPTORS[vendor].job;
  return Object.keys(document.paths[route][method].responses);
}

describe.concurrent("a job that ends well", () => {
  test("some vendor has a job workflow", () => {
    expect(withWorkflow.length).toBeGreaterThan(0);
  });

  test.for(withWorkflow)("%s: the workflow passes against the mock", { timeout: TEST_TIMEOUT_MS }, async (vendor, { expect }) => {
    const mock = await startMockServer({ vendor, apiKey: API_KEY, lifecycle: oneRetry(vendor) });
    try {
      const result = await run(expect, vendor, mock);
      const { job } = VENDOR_DESCRIPTORS[vendor];
      const start = job.starts[0];
      if (!start) throw new Error(`${vendor} has a workflow but no start operation`);
      expect(result.passed, result.output).toBe(true);
      expect(result.exitCode).toBe(0);
      expect(result.workflows).toMatchObject([{ status: "success", offSpec: [] }]);
      expect(mock.requests.count(start.operationId)).toBe(1);
      expect(mock.requests.count(job.statusOperation)).toBeGreaterThanOrEqual(2);
      expect(result.workflows[0]?.attempts).toBe(mock.requests.count());
      expect(mock.errors).toEqual([]);
    } finally {
      await mock.close();
    }
  });
});

// Docutray polls every 2.5 s, the shortest interval; nothing below depends on its words.
describe.concurrent("a job that does not end well (docutray)", () => {
  const vendor = "docutray";
  const { statusOperation } = VENDOR_DESCRIPTORS[vendor].job;

  test("an undeclared status word fails the workflow", { timeout: TEST_TIMEOUT_MS }, async ({ expect }) => {
    const mock = await startMockServer({ vendor, apiKey: API_KEY, lifecycle: oneRetry(vendor) });
    try {
      mock.faults.inject(statusOperation, { type: "unknown-status", word: "PAUSED" }, { times: 1 });
      const result = await run(expect, vendor, mock);
      expect(result.passed).toBe(false);
      expect(result.exitCode).not.toBe(0);
      expect(result.workflows).toMatchObject([{ status: "error" }]);
      expect(mock.errors).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  test("a failed job fails the workflow, though every answer is on-spec", { timeout: TEST_TIMEOUT_MS }, async ({ expect }) => {
    const mock = await startMockServer({ vendor, apiKey: API_KEY, lifecycle: oneRetry(vendor, "failed") });
    try {
      const result = await run(expect, vendor, mock);
      expect(result.passed).toBe(false);
      expect(result.exitCode).not.toBe(0);
      expect(result.workflows).toMatchObject([{ status: "error", offSpec: [] }]);
      expect(mock.errors).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  test("an undocumented 502 that respect retries past fails, though respect exits 0", { timeout: TEST_TIMEOUT_MS }, async ({ expect }) => {
    const codes = await statusOperationCodes(vendor);
    expect(codes.filter((code) => ["502", "5XX", "default"].includes(code))).toEqual([]);
    const mock = await startMockServer({ vendor, apiKey: API_KEY, lifecycle: oneRetry(vendor) });
    try {
      mock.faults.inject(statusOperation, { type: "html-error", status: 502 }, { times: 1 });
      const result = await run(expect, vendor, mock);
      expect(result.exitCode, result.output).toBe(0);
      expect(result.passed).toBe(false);
      expect(result.workflows[0]?.status).toBe("success");
      expect(result.workflows[0]?.offSpec).toEqual([
        { stepId: "poll", attempt: 1, statusCode: 502, check: "status code check", message: expect.any(String) },
      ]);
    } finally {
      await mock.close();
    }
  });

  test("a documented 429 that respect retries past passes", { timeout: TEST_TIMEOUT_MS }, async ({ expect }) => {
    expect(await statusOperationCodes(vendor)).toContain("429");
    const mock = await startMockServer({ vendor, apiKey: API_KEY, lifecycle: oneRetry(vendor) });
    try {
      mock.faults.inject(statusOperation, { type: "rate-limit", status: 429, retryAfter: 0 }, { times: 1 });
      const result = await run(expect, vendor, mock);
      expect(result.passed, JSON.stringify(result.workflows)).toBe(true);
      expect(mock.requests.map((request) => request.status)).toContain(429);
    } finally {
      await mock.close();
    }
  });
});

describe("the API key", () => {
  test("travels in the environment, never in argv", () => {
    const { args, env } = respectArguments({
      arazzoFile: "specs/docutray/jobs.arazzo.yaml",
      sourceNames: ["docutray"],
      baseUrl: "http://127.0.0.1:4010",
      apiKey: API_KEY,
      logFile: "/tmp/respect.json",
      timeoutMs: 1_000,
      inheritedEnv: { PATH: "/usr/bin", FORCE_COLOR: "1", REDOCLY_CLI_RESPECT_INPUT: "stale", REDOCLY_CLI_RESPECT_SERVER: "x=http://y" },
      cliPath: "/cli.js",
    });
    expect(args.filter((arg) => arg.includes(API_KEY))).toEqual([]);
    expect(args).toEqual(expect.arrayContaining(["respect", "--server", "docutray=http://127.0.0.1:4010"]));
    expect(JSON.parse(env.REDOCLY_CLI_RESPECT_INPUT as string)).toEqual({ apiKey: API_KEY });
    expect(env).not.toHaveProperty("REDOCLY_CLI_RESPECT_SERVER");
    expect(env).not.toHaveProperty("FORCE_COLOR");
    expect(env).toMatchObject({ PATH: "/usr/bin", NO_COLOR: "1" });
  });
});

describe("wrong input", () => {
  test("a base URL that is not http(s) is a TypeError", async () => {
    for (const baseUrl of ["ftp://127.0.0.1", "127.0.0.1:4010", ""]) {
      await expect(runJobsWorkflows({ rootDir, vendor: "docutray", baseUrl, apiKey: API_KEY })).rejects.toThrow(TypeError);
    }
  });

  test.skipIf(withoutWorkflow.length === 0)("a vendor without a job workflow is named with its missing file", async () => {
    const vendor = withoutWorkflow[0] as string;
    await expect(runJobsWorkflows({ rootDir, vendor, baseUrl: "http://127.0.0.1:9", apiKey: API_KEY })).rejects.toThrow(
      `specs/${vendor}/jobs.arazzo.yaml not found`,
    );
  });
});

describe.concurrent("redocly lint", () => {
  test.for(withWorkflow)("accepts specs/%s/jobs.arazzo.yaml", { timeout: TEST_TIMEOUT_MS }, async (vendor, { expect }) => {
    const { exitCode, output } = await lint(arazzoFiles.get(vendor) as string);
    expect(exitCode, output).toBe(0);
  });
});

/** `redocly lint <file>` from the repo root, so the repo's redocly.yaml applies. */
function lint(file: string): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyCliPath(), "lint", file], {
      cwd: rootDir,
      env: { ...process.env, NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, output }));
  });
}
