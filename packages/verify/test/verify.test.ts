// `pnpm verify` against the mock servers: every guess gets a verdict and a location, a mock that
// contradicts a guess is reported at the guess's line, every attempt (not only the last) is judged,
// and the key never leaves the environment.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { type MockServer, startMockServer, type VendorName } from "@vendorspec/mock-server";
import { collectUnverified } from "@vendorspec/scripts/collect-unverified";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { readVendors } from "@vendorspec/scripts/vendors";
import { describe, expect, onTestFinished, test } from "vitest";
import { verifyVendor } from "../src/verify.mjs";

const run = promisify(execFile);
const rootDir = findRepoRoot();
const KEY = "verify-test-key-7f3a9c2e";
const CLI = path.join(rootDir, "packages/verify/src/verify-cli.mjs");
const vendors = (await readVendors(rootDir)).map((v) => v.name as VendorName);

const bundled = (vendor: string) => JSON.parse(readFileSync(path.join(rootDir, "packages", vendor, "openapi.json"), "utf8"));
const descriptorOf = async (vendor: string) => {
  const entry: Record<string, unknown> = await import(`@vendorspec/client/${vendor}`);
  return Object.values(entry).find((v) => (v as { vendor?: string })?.vendor === vendor) as {
    job: { statusOperation: string; states: Record<string, string> } | null;
  };
};
const firstWord = async (vendor: string, state: string) =>
  Object.entries((await descriptorOf(vendor)).job?.states ?? {}).find(([, s]) => s === state)?.[0] as string;

/** `finished`: a concurrent test must pass its context's own (the global one may attach to another test). */
async function mockOf(vendor: VendorName, options: Partial<Parameters<typeof startMockServer>[0]> = {}, finished = onTestFinished) {
  // One queued poll, then success: each started job takes one of the spec's poll intervals. Jobs
  // advance per poll, not per millisecond: a timed advance could move a job past its queued word
  // before a slow machine renders the start's answer (which must carry it).
  const queued = await firstWord(vendor, "queued");
  const lifecycle = queued ? { steps: [queued], outcome: await firstWord(vendor, "succeeded") } : undefined;
  const mock = (await startMockServer({
    vendor,
    apiKey: KEY,
    advance: "poll",
    ...(lifecycle ? { lifecycle } : {}),
    ...options,
  })) as MockServer<VendorName, string>;
  // Closed when its own test ends: an afterEach would close the mocks of concurrent tests still running.
  finished(() => mock.close());
  return mock;
}

describe.concurrent("every vendor's mock confirms its contract", () => {
  test.for(vendors)("%s: no contradiction, and every x-unverified guess has a verdict and its line", async (vendor, context) => {
    const mock = await mockOf(vendor, {}, context.onTestFinished);
    const report = await verifyVendor({ rootDir, vendor, baseUrl: mock.url, apiKey: KEY, allowStart: true, deadlineMs: 60_000 });
    expect(report.violations).toEqual([]);
    expect(report.guesses.filter((g) => g.verdict === "contradicted")).toEqual([]);
    // Every mark of the spec is in the report, once.
    expect(report.guesses.map((g) => g.pointer).sort()).toEqual(
      collectUnverified(bundled(vendor))
        .map((u) => u.pointer)
        .sort(),
    );
    expect(report.guesses.filter((g) => g.verdict === "confirmed").length).toBeGreaterThan(0);
    // Each location is the marked node's line in the hand-written spec: the key its pointer ends with.
    const source = readFileSync(path.join(rootDir, report.spec), "utf8").split("\n");
    for (const guess of report.guesses) {
      const [file, line] = guess.location.split(":");
      expect(file).toBe(`specs/${vendor}/openapi.yaml`);
      const last = (guess.pointer.split("/").pop() as string).replaceAll("~1", "/").replaceAll("~0", "~");
      // An array item (a parameter, a server) is the line that starts with "- ".
      const text = source[Number(line) - 1] as string;
      expect(text.includes(last) || (/^\d+$/.test(last) && text.trim().startsWith("- ")), `${guess.pointer} at ${text}`).toBe(true);
    }
    expect(mock.errors).toEqual([]);
  });
});

test("a mock that answers a wrong key with 403 where the spec assumes 401 is a contradiction at that 401's line", async () => {
  const vendor = "leadsygroup";
  const document = bundled(vendor);
  const list = document.paths["/api/v1/import"].get;
  const guessPointer = "/paths/~1api~1v1~1import/get/responses/401";
  expect(list.responses["401"]["x-unverified"]).toBe(true);
  // The mock simulates the same contract but with the auth failure moved to 403.
  list.responses["403"] = list.responses["401"];
  delete list.responses["401"];
  const mock = await mockOf(vendor, { definition: { descriptor: await descriptorOf(vendor), document } });

  const report = await verifyVendor({ rootDir, vendor, baseUrl: mock.url, apiKey: KEY, deadlineMs: 60_000 });
  const guess = report.guesses.find((g) => g.pointer === guessPointer);
  expect(guess?.verdict).toBe("contradicted");
  expect(guess?.observations[0]).toMatchObject({ observed: "answered 403", expected: "401" });
  const source = readFileSync(path.join(rootDir, "specs/leadsygroup/openapi.yaml"), "utf8").split("\n");
  const pathLine = source.indexOf("  /api/v1/import:");
  const line = source.findIndex((l, i) => i > pathLine && l.trim() === '"401":') + 1;
  expect(guess?.location).toBe(`specs/leadsygroup/openapi.yaml:${line}`);

  const cli = await runCli([vendor, "--base-url", mock.url], { VENDORSPEC_API_KEY: KEY });
  expect(cli.code).toBe(1);
  expect(cli.stdout).toContain(`CONTRADICTED   specs/leadsygroup/openapi.yaml:${line}  GET /api/v1/import › responses › 401`);
  expect(cli.stdout).toContain("answered 403 (the spec assumes 401)");
});

test("an off-spec status word in an intermediate poll is reported though the job then succeeds", async () => {
  const vendor = "docutray";
  const mock = await mockOf(vendor);
  const statusOp = (await descriptorOf(vendor)).job?.statusOperation as string;
  mock.faults.inject(statusOp, { type: "unknown-status", word: "PAUSED" });

  const report = await verifyVendor({ rootDir, vendor, baseUrl: mock.url, apiKey: KEY, allowStart: true, deadlineMs: 60_000 });
  const polls = [...mock.requests].filter((r) => r.operationId === statusOp && !r.path.includes("no-such-job"));
  expect(polls.length).toBeGreaterThanOrEqual(2); // PAUSED (the job advances under it), then the success word
  const contradictions = [
    ...report.violations,
    ...report.guesses.flatMap((g) => g.observations.filter((o) => o.verdict === "contradicted")),
  ];
  expect(contradictions.some((c) => c.observed.includes("PAUSED"))).toBe(true);
  expect(report.notes.join("\n")).not.toMatch(/waiting for job/); // the wait itself ended well
});

test("every attempt is judged: a 429 retried after its Retry-After is checked against the documented 429", async () => {
  const vendor = "docutray";
  const mock = await mockOf(vendor);
  const statusOp = (await descriptorOf(vendor)).job?.statusOperation as string;
  mock.faults.inject(statusOp, { type: "rate-limit", status: 429, retryAfter: 0 });

  const report = await verifyVendor({ rootDir, vendor, baseUrl: mock.url, apiKey: KEY, allowStart: true, deadlineMs: 60_000 });
  expect([...mock.requests].map((r) => r.status)).toContain(429);
  // The 429 body's schema is a guess (components/responses/RateLimited): the retried answer confirmed it.
  const rateLimited = report.guesses.find((g) => g.pointer.startsWith("/components/responses/RateLimited"));
  expect(rateLimited?.verdict).toBe("confirmed");
  expect(report.violations).toEqual([]);
});

test("--workflows also runs the generated Arazzo workflow: a job that fails fails verify", async () => {
  const vendor = "docutray";
  const lifecycle = async (outcome: string) => ({ steps: [await firstWord(vendor, "queued")], outcome: await firstWord(vendor, outcome) });
  const mock = await mockOf(vendor, { advance: "poll", lifecycle: await lifecycle("succeeded") });
  const ok = await runCli([vendor, "--base-url", mock.url, "--allow-start", "--workflows"], { VENDORSPEC_API_KEY: KEY });
  expect(ok.stdout).toContain("Job workflows under redocly respect: passed");
  expect(ok.stdout).toMatch(/ok {3}startConversionUntilDone \(\d+ requests\)/);
  expect(ok.code).toBe(0);

  // A failed job is no contradiction of the spec, but the workflow succeeds only on the success words.
  const failing = await mockOf(vendor, { advance: "poll", lifecycle: await lifecycle("failed") });
  const bad = await runCli([vendor, "--base-url", failing.url, "--allow-start", "--workflows", "--json"], { VENDORSPEC_API_KEY: KEY });
  const report = JSON.parse(bad.stdout);
  expect(report.violations).toEqual([]);
  expect(report.workflows.passed).toBe(false);
  expect(bad.code).toBe(1);
  expect(bad.stdout + bad.stderr).not.toContain(KEY);
});

test("--workflows without --allow-start is refused: the workflows start jobs", async () => {
  const cli = await runCli(["docutray", "--base-url", "http://127.0.0.1:9", "--workflows"], { VENDORSPEC_API_KEY: KEY });
  expect(cli.code).toBe(2);
  expect(cli.stderr).toContain("--allow-start");
});

test("stops at the deadline: a job that never ends leaves the rest not exercised", async () => {
  const vendor = "docutray";
  const running = await firstWord(vendor, "running");
  const mock = await mockOf(vendor, {
    advance: "poll",
    lifecycle: { steps: [await firstWord(vendor, "queued"), ...Array(1000).fill(running)], outcome: await firstWord(vendor, "succeeded") },
  });
  const report = await verifyVendor({ rootDir, vendor, baseUrl: mock.url, apiKey: KEY, allowStart: true, deadlineMs: 1_000 });
  expect(report.deadlineReached).toBe(true);
  expect(report.notes.join("\n")).toMatch(/waiting for job/);
});

describe("the key stays in the environment", () => {
  test("never on the command line: there is no flag for it", async () => {
    const mock = await mockOf("apptus-esales");
    const cli = await runCli(["apptus-esales", "--base-url", mock.url, "--api-key", KEY], {});
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("--api-key");
    expect(mock.requests.count()).toBe(0);
  });

  test("missing key: exit 2 naming the variable, nothing sent", async () => {
    const mock = await mockOf("apptus-esales");
    const cli = await runCli(["apptus-esales", "--base-url", mock.url], { VENDORSPEC_API_KEY: "" });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("VENDORSPEC_API_KEY");
    expect(mock.requests.count()).toBe(0);
  });

  test.for(vendors)("%s: not in the text or JSON report, nor in an error", async (vendor) => {
    const mock = await mockOf(vendor);
    for (const args of [[], ["--json"]]) {
      const cli = await runCli([vendor, "--base-url", mock.url, "--key-env", "MY_VENDOR_KEY", ...args], { MY_VENDOR_KEY: KEY });
      expect(cli.code).toBe(0);
      expect(cli.stdout + cli.stderr).not.toContain(KEY);
    }
    const json = await runCli([vendor, "--base-url", mock.url, "--json"], { VENDORSPEC_API_KEY: KEY });
    expect(JSON.parse(json.stdout).guesses.length).toBeGreaterThan(0);
    // Unreachable vendor: exit 3, still no key.
    const down = await runCli([vendor, "--base-url", "http://127.0.0.1:9"], { VENDORSPEC_API_KEY: KEY });
    expect(down.code).toBe(3);
    expect(down.stdout + down.stderr).not.toContain(KEY);
  });
});

test.each([
  [["docutray"], "--base-url is required"],
  [["docutray", "--base-url", "file:///etc/passwd"], "http(s) URL"],
  [["nosuchvendor", "--base-url", "http://127.0.0.1:9"], "unknown vendor"],
  [["docutray", "--base-url", "http://127.0.0.1:9", "--deadline", "soon"], "--deadline"],
  [["docutray", "--base-url", "http://127.0.0.1:9", "--param", "novalue"], "name=value"],
  [["docutray", "--bogus"], "--bogus"],
])("bad command line %j: exit 2 naming the problem", async (args, message) => {
  const cli = await runCli(args, { VENDORSPEC_API_KEY: KEY });
  expect(cli.code).toBe(2);
  expect(cli.stderr).toContain(message);
});

async function runCli(args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.VENDORSPEC_API_KEY;
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: rootDir, env: { ...clean, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
