// jobs.wait() through real HTTP: every vendor's lifecycle to each terminal state, progress events, the
// deadline, aborts (during a sleep and during a request), Retry-After, and no hot loop on unknown words.
import { describe, expect, test } from "vitest";
import { type Job, JobTimeoutError } from "../src/index.js";
import { API_KEY, caseFor, startVendor, VENDOR_CASES } from "./vendor-cases.js";

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
    const started = Date.now();
    const error = await client.jobs.wait("slow", { intervalMs: 20, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect((error as JobTimeoutError).lastJob).toMatchObject({ vendorStatus: "PROCESSING" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test("an abort during the sleep between polls ends the wait at once with the abort reason", async () => {
    const { mock, client } = await startVendor("apptus-esales");
    mock.jobs.create({ id: "5537431447739019570", steps: Array(10).fill("IN_PROGRESS"), outcome: "SUCCESS" });
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 150);
    const started = Date.now();
    await expect(client.jobs.wait("5537431447739019570", { intervalMs: 30_000, signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(mock.requests.count("getImportStatus")).toBe(1);
  });

  test("an abort during a request (a server stalled after its headers) ends the wait with the abort reason", async () => {
    const { mock, client } = await startVendor("docutray");
    mock.jobs.create({ id: "c2", steps: ["PROCESSING"], outcome: "SUCCESS" });
    mock.faults.inject("getConversionStatus", { type: "stall-after-headers" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 150);
    const started = Date.now();
    await expect(client.jobs.wait("c2", { intervalMs: 10, signal: controller.signal })).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test("a Retry-After on a status response sets the next interval", async () => {
    const { mock } = await startVendor("lettrlabs");
    mock.jobs.create({ id: "9", steps: ["processing"], outcome: "completed" });
    // The mock sends a plain 200; this fetch (a real request to it) adds the header a vendor may send.
    const client = caseFor("lettrlabs").create({
      apiKey: API_KEY,
      baseUrl: mock.url,
      fetch: async (request) => {
        const response = await fetch(request);
        const headers = new Headers(response.headers);
        headers.set("Retry-After", "1");
        return new Response(response.body, { status: response.status, headers });
      },
    });
    const started = Date.now();
    await client.jobs.wait("9", { intervalMs: 5 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  test("an unknown status keeps polling with growing intervals, never a hot loop", async () => {
    const { mock, client } = await startVendor("leadsygroup");
    mock.jobs.create({ id: "imp_odd", steps: Array(100).fill("Validating"), outcome: "completed" });
    await expect(client.jobs.wait("imp_odd", { intervalMs: 10, timeoutMs: 1_600 })).rejects.toBeInstanceOf(JobTimeoutError);
    const polls = mock.requests.filter((r) => r.operationId === "getImportStatus");
    // At a fixed 10 ms interval this would be ~100 polls; growing from 100 ms (200, 400, 800) it is 4-5.
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls.length).toBeLessThanOrEqual(6);
    const gaps = polls.slice(1).map((r, i) => r.at - (polls[i]?.at ?? 0));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan((gaps[i - 1] ?? 0) * 1.5);
  });

  test("an API error that survives the retries rejects the wait", async () => {
    const { mock, client } = await startVendor("docutray", { maxRetries: 1 });
    mock.jobs.create({ id: "c3", steps: ["PROCESSING"], outcome: "SUCCESS" });
    mock.faults.inject("getConversionStatus", { type: "status", status: 500 }, { times: Number.POSITIVE_INFINITY });
    await expect(client.jobs.wait("c3", { intervalMs: 5 })).rejects.toMatchObject({ name: "ServerError", status: 500 });
    expect(mock.requests.count("getConversionStatus")).toBe(2);
  });
});
