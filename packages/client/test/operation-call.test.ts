// The per-call policy with fake timers and scripted attempts (pure logic, no HTTP): what is retried
// and when, Retry-After, the rate-limit gate shared by a client's calls, and the concurrency cap.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ConcurrencyLimiter, RateGate } from "../src/core/limits.js";
import { type CallPolicy, callWithRetries } from "../src/core/operation-call.js";
import { ConnectionError, RequestTimeoutError } from "../src/index.js";

const reply = (status: number, headers: Record<string, string> = {}) => ({ response: new Response(null, { status, headers }) });

function policy(overrides: Partial<CallPolicy> = {}): CallPolicy {
  return {
    vendor: "docutray",
    timeoutMs: 30_000,
    maxRetries: 2,
    logger: undefined,
    limiter: new ConcurrencyLimiter(50),
    gate: new RateGate(),
    secret: "k",
    random: () => 1,
    ...overrides,
  };
}

/** An attempt answering `steps` in order, recording when each attempt started. */
function attempts(steps: Array<ReturnType<typeof reply> | Error>) {
  const at: number[] = [];
  let i = 0;
  return {
    at,
    attempt: async () => {
      at.push(Date.now());
      const step = steps[Math.min(i++, steps.length - 1)] as ReturnType<typeof reply> | Error;
      if (step instanceof Error) throw step;
      return step;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("callWithRetries", () => {
  test("Retry-After (seconds) sets the delay before the retry", async () => {
    const { at, attempt } = attempts([reply(429, { "retry-after": "7" }), reply(200)]);
    const done = callWithRetries("GET", "/x", undefined, attempt, policy());
    await vi.runAllTimersAsync();
    expect((await done).response.status).toBe(200);
    expect(at).toEqual([0, 7_000]);
  });

  test("connection errors and timeouts are retried with backoff, up to maxRetries", async () => {
    const lost = new ConnectionError("docutray", { cause: new TypeError("fetch failed") });
    const { at, attempt } = attempts([lost, new RequestTimeoutError("docutray", 30_000), lost]);
    const done = callWithRetries("GET", "/x", undefined, attempt, policy()).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toBe(lost);
    expect(at).toEqual([0, 500, 1_500]);
  });

  test("a POST is never retried", async () => {
    const { at, attempt } = attempts([reply(503), reply(200)]);
    const done = callWithRetries("POST", "/x", undefined, attempt, policy());
    await vi.runAllTimersAsync();
    expect((await done).response.status).toBe(503);
    expect(at).toHaveLength(1);
  });

  test("a 429 seen by one call pauses every call of the client until its Retry-After", async () => {
    const shared = policy({ maxRetries: 0 });
    const first = attempts([reply(429, { "retry-after": "5" })]);
    const second = attempts([reply(200)]);
    await callWithRetries("GET", "/a", undefined, first.attempt, shared);
    const done = callWithRetries("GET", "/b", undefined, second.attempt, shared);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(second.at).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(second.at).toEqual([5_000]);
  });

  test("an abort during the gate's pause ends the call with the abort reason", async () => {
    const shared = policy();
    shared.gate.pause(60_000);
    const controller = new AbortController();
    const { at, attempt } = attempts([reply(200)]);
    const done = callWithRetries("GET", "/x", controller.signal, attempt, shared).catch((e: unknown) => e);
    controller.abort(new Error("stop"));
    expect(await done).toMatchObject({ message: "stop" });
    expect(at).toEqual([]);
  });

  test("no more than maxConcurrency calls are in flight; the rest wait their turn", async () => {
    const shared = policy({ limiter: new ConcurrencyLimiter(5) });
    let inFlight = 0;
    let peak = 0;
    const attempt = async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight--;
      return reply(200);
    };
    const all = Promise.all(Array.from({ length: 23 }, () => callWithRetries("GET", "/x", undefined, attempt, shared)));
    await vi.runAllTimersAsync();
    await all;
    expect(peak).toBe(5);
    expect(Date.now()).toBe(500); // 23 calls, 5 at a time, 100 ms each
    expect(shared.limiter.active).toBe(0);
  });

  test("the timeout aborts the attempt's signal (the global fetch stops, body included)", async () => {
    const listening = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const done = callWithRetries("GET", "/x", undefined, listening, policy({ maxRetries: 0, timeoutMs: 1_000 })).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await done).toBeInstanceOf(RequestTimeoutError);
  });

  test("with a custom fetch the attempt is also raced: one that ignores its signal still times out", async () => {
    const never = () => new Promise<never>(() => undefined);
    const done = callWithRetries("GET", "/x", undefined, never, policy({ maxRetries: 0, timeoutMs: 1_000, raceTimeout: true })).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await done).toBeInstanceOf(RequestTimeoutError);
  });
});
