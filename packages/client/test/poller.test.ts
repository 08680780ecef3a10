// The poller's logic with fake timers and scripted polls (no HTTP, no real sleeps): transient
// failures do not end a wait, permanent ones do, the deadline is exact and carries the last error,
// Retry-After is honoured but never past the deadline, pauses are jittered within ±25%, unknown
// words back off, and an absolute deadline resumes a wait.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { JITTER, waitForJob } from "../src/core/job-poller.js";
import {
  AuthenticationError,
  ConnectionError,
  type Job,
  JobTimeoutError,
  NotFoundError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
} from "../src/index.js";

type Step = Partial<Job> | Error;
const job = (state: Job["state"], vendorStatus: string = state): Job => ({
  vendor: "docutray",
  id: "j1",
  state,
  vendorStatus,
  terminal: ["succeeded", "failed", "cancelled"].includes(state),
  raw: { status: vendorStatus },
});
const headers = (h: Record<string, string> = {}) => new Headers(h);
const serverError = (status = 503, h: Record<string, string> = {}) =>
  new ServerError({ status, vendor: "docutray", body: "", headers: headers(h) });

/** A poll target answering `steps` in order (the last one repeats), recording when each poll came. */
function script(steps: Array<Step | (() => Step)>, responseHeaders: Record<string, string> = {}) {
  const at: number[] = [];
  let i = 0;
  return {
    at,
    target: {
      vendor: "docutray" as const,
      id: "j1",
      fetchJob: async () => {
        at.push(Date.now());
        const raw = steps[Math.min(i++, steps.length - 1)];
        const step = typeof raw === "function" ? raw() : raw;
        if (step instanceof Error) throw step;
        return { job: { ...job("running"), ...step } as Job, response: new Response(null, { headers: headers(responseHeaders) }) };
      },
    },
  };
}

const gaps = (at: number[]) => at.slice(1).map((t, i) => t - (at[i] ?? 0));
const half = () => 0.5; // jitter factor exactly 1

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("transient failures do not end a wait", () => {
  test("a burst of 503s, lost connections, timeouts and a 429 mid-wait: the wait goes on and succeeds", async () => {
    const { target, at } = script([
      job("running"),
      serverError(503),
      new ConnectionError("docutray", { cause: new TypeError("fetch failed") }),
      new RequestTimeoutError("docutray", 30_000),
      new RateLimitError({ status: 429, vendor: "docutray", body: "", headers: headers({ "retry-after": "3" }) }),
      serverError(502),
      job("succeeded", "SUCCESS"),
    ]);
    const done = waitForJob(target, { intervalMs: 1_000, timeoutMs: 3_600_000 }, { random: half });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toMatchObject({ state: "succeeded" });
    expect(at).toHaveLength(7);
    // Failures in a row back off from the interval (0.5 s × 2^n, never under 1 s: 1, 1, 2 ... 8 s);
    // the 429's Retry-After (3 s) is honoured in its place.
    expect(gaps(at)).toEqual([1_000, 1_000, 1_000, 2_000, 3_000, 8_000]);
  });

  test("a vendor down for good ends the wait at the deadline, with the last error as cause and the last job", async () => {
    const last = serverError(500);
    const { target, at } = script([job("running", "PROCESSING"), serverError(503), last]);
    const started = Date.now();
    const done = waitForJob(target, { intervalMs: 1_000, timeoutMs: 120_000 }, { random: half }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await done) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error.cause).toBe(last);
    expect(error.lastJob).toMatchObject({ vendorStatus: "PROCESSING" });
    expect(Date.now() - started).toBe(120_000);
    // Backing off to the 60 s cap: a handful of polls in two minutes, not a hundred.
    expect(at.length).toBeLessThanOrEqual(9);
    expect(Math.max(...gaps(at))).toBeLessThanOrEqual(60_000);
  });

  test("a 2xx whose body is a gateway's page (not the vendor's JSON) is transient too", async () => {
    const { VendorApiError } = await import("../src/index.js");
    const gateway = new VendorApiError({ status: 200, vendor: "docutray", body: "<html>", headers: headers() });
    const { target } = script([gateway, job("succeeded", "SUCCESS")]);
    const done = waitForJob(target, { intervalMs: 10, timeoutMs: 60_000 });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toMatchObject({ state: "succeeded" });
  });
});

describe("permanent failures end a wait at once", () => {
  test.each([
    ["401", new AuthenticationError({ status: 401, vendor: "docutray", body: { error: "Invalid API key" }, headers: headers() })],
    ["404", new NotFoundError({ status: 404, vendor: "docutray", body: { error: "Conversion not found" }, headers: headers() })],
    [
      "a no-such-job word",
      new NotFoundError({ status: 200, vendor: "apptus-esales", body: { status: "NOT_FOUND" }, headers: headers(), message: "not found" }),
    ],
  ])("%s", async (_, error) => {
    const { target, at } = script([job("running"), error]);
    const done = waitForJob(target, { intervalMs: 1_000, timeoutMs: 3_600_000 }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toBe(error);
    expect(at).toHaveLength(2);
  });
});

describe("pauses", () => {
  test("Retry-After on a status response sets the next pause, but never past the deadline", async () => {
    const { target, at } = script([job("running")], { "retry-after": "40" });
    const started = Date.now();
    const done = waitForJob(target, { intervalMs: 1_000, timeoutMs: 100_000 }, { random: half }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toBeInstanceOf(JobTimeoutError);
    expect(gaps(at)).toEqual([40_000, 40_000]);
    expect(Date.now() - started).toBe(100_000);
  });

  test.each([
    [0, 1 - JITTER],
    [0.999_999, 1 + JITTER],
  ])("jitter: random() = %d gives %d × the interval", async (r, factor) => {
    const { target, at } = script([job("running"), job("running"), job("succeeded")]);
    const done = waitForJob(target, { intervalMs: 2_000, timeoutMs: 60_000 }, { random: () => r });
    await vi.runAllTimersAsync();
    await done;
    for (const gap of gaps(at)) expect(gap).toBeCloseTo(2_000 * factor, -1);
  });

  test("many concurrent waits spread their polls instead of polling in lockstep", async () => {
    const targets = Array.from({ length: 200 }, () => script([job("running"), job("running"), job("running"), job("succeeded")]));
    const all = Promise.all(targets.map(({ target }) => waitForJob(target, { intervalMs: 1_000, timeoutMs: 60_000 })));
    await vi.runAllTimersAsync();
    await all;
    const third = targets.map(({ at }) => at[3] ?? 0);
    const spread = Math.max(...third) - Math.min(...third);
    expect(spread).toBeGreaterThan(800); // three jittered pauses of 1 s ± 25%: up to 1.5 s apart
    expect(new Set(third).size).toBeGreaterThan(150);
  });

  test("an unknown word backs off (doubling to the cap), never a hot loop", async () => {
    const { target, at } = script([job("unknown", "Validating")]);
    const done = waitForJob(target, { intervalMs: 10, timeoutMs: 200_000, maxIntervalMs: 30_000 }, { random: half }).catch(
      (e: unknown) => e,
    );
    await vi.runAllTimersAsync();
    expect(await done).toBeInstanceOf(JobTimeoutError);
    expect(gaps(at).slice(0, 5)).toEqual([200, 400, 800, 1_600, 3_200]);
    expect(Math.max(...gaps(at))).toBe(30_000);
  });
});

describe("deadlines", () => {
  test("an absolute deadline resumes a wait with the time that is left", async () => {
    const resumedAt = Date.now();
    const { target } = script([job("running")]);
    const done = waitForJob(target, { intervalMs: 1_000, timeoutMs: 3_600_000, deadline: new Date(resumedAt + 4_500) }).catch(
      (e: unknown) => e,
    );
    await vi.runAllTimersAsync();
    const error = (await done) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(Date.now() - resumedAt).toBe(4_500);
    expect(error.timeoutMs).toBe(4_500);
  });

  test("a deadline already past ends the wait after one poll", async () => {
    const { target, at } = script([job("running")]);
    const done = waitForJob(target, { intervalMs: 1_000, timeoutMs: 1, deadline: Date.now() - 1 }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toBeInstanceOf(JobTimeoutError);
    expect(at.length).toBeLessThanOrEqual(1);
  });

  test("an abort during a pause ends the wait at once with the abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    const { target, at } = script([job("running")]);
    const done = waitForJob(target, { intervalMs: 30_000, timeoutMs: 3_600_000, signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const abortedAt = Date.now();
    controller.abort(reason);
    expect(await done).toBe(reason);
    expect(Date.now()).toBe(abortedAt);
    expect(at).toHaveLength(1);
  });
});

test("a Job is plain JSON: it survives a round trip through storage", async () => {
  const { descriptor } = await import("@vendorspec/leadsygroup");
  const { readJob } = await import("../src/core/read-job.js");
  const raw = {
    import_file: { import_code: "imp_1", status_name: "processing", total_records: 10, processed_records: 4, failed_records: 1 },
  };
  const read = readJob("leadsygroup", descriptor.job, raw, { id: "imp_1", statusMap: undefined });
  expect(JSON.parse(JSON.stringify(read))).toEqual(read);
  expect(read).toMatchObject({ state: "running", progress: { processed: 4, total: 10, failed: 1 } });
});
