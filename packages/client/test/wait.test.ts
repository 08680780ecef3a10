// jobs.wait() through real HTTP (wire behaviour; the timing logic is in poller.test.ts): every vendor's
// lifecycle to each terminal state, progress events, the deadline, aborts (during a sleep and during
// a request), transient failures that do not end a wait and permanent ones that do.
import { describe, expect, test } from "vitest";
import { type Job, JobTimeoutError } from "../src/index.js";
import { startVendor, VENDOR_CASES } from "./vendor-cases.js";

describe.each(VENDOR_CASES.map((c) => [c.vendor, c] as const))("%s lifecycle", (vendor, vc) => {
  test.each(vc.terminals)("waits to %s (%s)", async (outcome, state) => {
    const { mock, client } = await startVendor(vendor);
    const queued = vc.words.find(([, s]) => s === "queued")?.[0] as string;
    mock.jobs.create({ id: vc.jobId, steps: [queued, vc.running, vc.running], outcome });
    const seen: Job[] = [];
    const job = await client.jobs.wait(vc.jobId, { intervalMs: 5, onProgress: (j) => seen.push(j) });
    expect(job).toMatchObject({ state, vendorStatus: outcome, terminal: true, id: vc.jobId, vendor });
    expect(mock.requests.count(vc.statusOperation)).toBe(4);
    // Once per change: queued, running (twice the same → once), the outcome.
    expect(seen.map((j) => j.vendorStatus)).toEqual(
      vendor === "leadsygroup" ? expect.arrayContaining([queued, outcome]) : [queued, vc.running, outcome],
    );
  });
});

describe("wait", () => {
  test("onProgress fires once per change of state or progress, not once per poll", async () => {
    const { mock, client } = await startVendor("docutray");
    mock.jobs.create({ id: "c1", steps: ["ENQUEUED", "ENQUEUED", "PROCESSING", "PROCESSING", "PROCESSING"], outcome: "SUCCESS" });
    const events: string[] = [];
    await client.jobs.wait("c1", { intervalMs: 5, onProgress: (j) => events.push(j.vendorStatus) });
    expect(mock.requests.count("getConversionStatus")).toBe(6);
    expect(events).toEqual(["ENQUEUED", "PROCESSING", "SUCCESS"]);
  });

  test("rejects with JobTimeoutError at the deadline, carrying the last job seen", async () => {
    const { mock, client } = await startVendor("docutray");
    mock.jobs.create({ id: "slow", steps: Array(500).fill("PROCESSING"), outcome: "SUCCESS" });
    const error = await client.jobs.wait("slow", { intervalMs: 20, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect((error as JobTimeoutError).lastJob).toMatchObject({ vendorStatus: "PROCESSING" });
  });

  test("an abort during the sleep between polls ends the wait at once with the abort reason", async () => {
    const { mock, client } = await startVendor("apptus-esales");
    mock.jobs.create({ id: "5537431447739019570", steps: Array(10).fill("IN_PROGRESS"), outcome: "SUCCESS" });
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 150);
    // With 30 s between polls, only the abort can end this wait within the test's timeout.
    await expect(client.jobs.wait("5537431447739019570", { intervalMs: 30_000, signal: controller.signal })).rejects.toBe(reason);
    expect(mock.requests.count("getImportStatus")).toBe(1);
  });

  test("an abort during a request (a server stalled after its headers) ends the wait with the abort reason", async () => {
    const { mock, client } = await startVendor("docutray");
    mock.jobs.create({ id: "c2", steps: ["PROCESSING"], outcome: "SUCCESS" });
    mock.faults.inject("getConversionStatus", { type: "stall-after-headers" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 150);
    // The stalled body would hold the request for the 30 s timeout; the abort ends it first.
    await expect(client.jobs.wait("c2", { intervalMs: 10, signal: controller.signal })).rejects.toThrow("stop");
  });

  test("a burst of 503s, resets and a 429 mid-wait does not end the wait (over the wire)", async () => {
    const { mock, client } = await startVendor("docutray", { maxRetries: 0 });
    mock.jobs.create({ id: "c3", steps: ["PROCESSING", "PROCESSING"], outcome: "SUCCESS" });
    mock.faults.inject("getConversionStatus", { type: "status", status: 500 }, { times: 3 });
    mock.faults.inject("getConversionStatus", { type: "reset-mid-body" });
    mock.faults.inject("getConversionStatus", { type: "rate-limit", status: 429, retryAfter: 0 });
    const done = await client.jobs.wait("c3", { intervalMs: 1, maxIntervalMs: 20 });
    expect(done.state).toBe("succeeded");
    expect(mock.requests.count("getConversionStatus")).toBe(8);
  });

  test("a vendor down for good ends the wait at its deadline with the last error as cause", async () => {
    const { mock, client } = await startVendor("docutray", { maxRetries: 0 });
    mock.jobs.create({ id: "c4", steps: ["PROCESSING"], outcome: "SUCCESS" });
    mock.faults.inject("getConversionStatus", { type: "status", status: 500 }, { times: Number.POSITIVE_INFINITY });
    const error = (await client.jobs
      .wait("c4", { intervalMs: 1, maxIntervalMs: 5, timeoutMs: 200 })
      .catch((e: unknown) => e)) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error.cause).toMatchObject({ name: "ServerError", status: 500 });
  });

  test.each([
    [401, "AuthenticationError"],
    [404, "NotFoundError"],
  ])("a %i mid-wait ends it at once with its typed error", async (status, name) => {
    const { mock, client } = await startVendor("docutray");
    mock.jobs.create({ id: "c5", steps: ["PROCESSING", "PROCESSING"], outcome: "SUCCESS" });
    await client.jobs.get("c5");
    mock.faults.inject("getConversionStatus", { type: "status", status });
    await expect(client.jobs.wait("c5", { intervalMs: 1 })).rejects.toMatchObject({ name, status });
    expect(mock.requests.count("getConversionStatus")).toBe(2);
  });
});
