// The request layer through real HTTP: which requests are retried and when, per-attempt timeouts that
// cover the body, aborts during a retry sleep, and errors for bodies that are not what they claim.
import { describe, expect, test } from "vitest";
import { ConnectionError, RateLimitError, RequestTimeoutError, ServerError, VendorApiError } from "../src/index.js";
import { createDocutrayClient } from "../src/vendors/docutray.js";
import { API_KEY, startVendor } from "./vendor-cases.js";

async function startDocutray(options: Parameters<typeof startVendor>[1] = {}) {
  const started = await startVendor("docutray", options);
  started.mock.jobs.create({ id: "cv1", steps: ["PROCESSING"], outcome: "SUCCESS" });
  return started;
}
const docutray = (url: string, options: Partial<Parameters<typeof createDocutrayClient>[0]> = {}) =>
  createDocutrayClient({ apiKey: API_KEY, baseUrl: url, ...options });

describe("retries", () => {
  test.each([[408], [429], [500], [502], [503], [504]])("a GET answered %i is retried", async (status) => {
    const { mock } = await startDocutray();
    // An HTML page, as proxies and gateways send for these codes; the body does not matter here.
    mock.faults.inject("getConversionStatus", { type: "html-error", status }, { times: 1 });
    const job = await docutray(mock.url, { maxRetries: 2 }).jobs.get("cv1");
    expect(job.vendorStatus).toBe("PROCESSING");
    expect(mock.requests.count("getConversionStatus")).toBe(2);
  });

  test("gives up after maxRetries and surfaces the typed error", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "rate-limit", status: 503, retryAfter: 0 }, { times: Number.POSITIVE_INFINITY });
    await expect(docutray(mock.url, { maxRetries: 2 }).jobs.get("cv1")).rejects.toBeInstanceOf(ServerError);
    expect(mock.requests.count("getConversionStatus")).toBe(3);
  });

  test("a POST is never retried, even on 503", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("startConversion", { type: "rate-limit", status: 503, retryAfter: 0 }, { times: Number.POSITIVE_INFINITY });
    const { response, error } = await docutray(mock.url, { maxRetries: 2 }).POST("/api/convert-async", {
      body: { image_url: "https://files.test/a.pdf", document_type_code: "invoice" },
    });
    expect(response.status).toBe(503);
    expect(error).toBeDefined();
    expect(mock.requests.count("startConversion")).toBe(1);
  });

  test("a 4xx other than 408/429 is not retried", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "status", status: 403 }, { times: Number.POSITIVE_INFINITY });
    await expect(docutray(mock.url, { maxRetries: 2 }).jobs.get("cv1")).rejects.toMatchObject({
      name: "PermissionDeniedError",
      status: 403,
    });
    expect(mock.requests.count("getConversionStatus")).toBe(1);
  });

  test("a 429 that survives the retries is a RateLimitError with the headers (no key)", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "rate-limit", status: 429, retryAfter: 0 }, { times: Number.POSITIVE_INFINITY });
    const error = await docutray(mock.url, { maxRetries: 0 })
      .jobs.get("cv1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers["retry-after"]).toBe("0");
  });

  test("an abort during the sleep before a retry ends it at once", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "rate-limit", status: 429, retryAfter: 30 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("cancelled by caller")), 150);
    // Retry-After is 30 s: only the abort can end this call within the test's timeout.
    await expect(docutray(mock.url, { maxRetries: 2 }).jobs.get("cv1", { signal: controller.signal })).rejects.toThrow(
      "cancelled by caller",
    );
  });

  test("network errors are retried for GET", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "reset-mid-body" }, { times: 1 });
    const job = await docutray(mock.url, { maxRetries: 1 }).jobs.get("cv1");
    expect(job.state).toBe("running");
    expect(mock.requests.count("getConversionStatus")).toBe(2);
  });
});

describe("timeouts", () => {
  test("a server that does not answer in time gives RequestTimeoutError", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "latency", ms: 3_000 });
    // The answer would come after 3 s; a RequestTimeoutError (not the answer) shows the timeout applied.
    await expect(docutray(mock.url, { timeoutMs: 200, maxRetries: 0 }).jobs.get("cv1")).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  test("the timeout covers the body: a server that stalls after the headers times out", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "stall-after-headers" });
    // The body never comes: only a timeout that covers the body can end this call.
    await expect(docutray(mock.url, { timeoutMs: 300, maxRetries: 0 }).jobs.get("cv1")).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  test("a timed-out GET is retried, and the retry can succeed", async () => {
    const { mock } = await startDocutray();
    // The first answer comes far past the timeout; the timeout is long enough that the retry's
    // answer arrives within it however loaded the machine is.
    mock.faults.inject("getConversionStatus", { type: "latency", ms: 20_000 }, { times: 1 });
    const job = await docutray(mock.url, { timeoutMs: 2_000, maxRetries: 1 }).jobs.get("cv1");
    expect(job.vendorStatus).toBe("PROCESSING");
  });
});

describe("bodies that are not what they claim", () => {
  test("a connection reset mid-body is a ConnectionError", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "reset-mid-body" });
    await expect(docutray(mock.url, { maxRetries: 0 }).jobs.get("cv1")).rejects.toBeInstanceOf(ConnectionError);
  });

  test("malformed JSON in a 200 gives a VendorApiError with the text", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "malformed-json" });
    const error = await docutray(mock.url, { maxRetries: 0 })
      .jobs.get("cv1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorApiError);
    expect(typeof (error as VendorApiError).body).toBe("string");
    expect((error as VendorApiError).message).toMatch(/not valid JSON/);
  });

  test("an HTML error page gives a typed error whose body is the page's text", async () => {
    const { mock } = await startDocutray();
    mock.faults.inject("getConversionStatus", { type: "html-error", status: 502 }, { times: Number.POSITIVE_INFINITY });
    const error = await docutray(mock.url, { maxRetries: 0 })
      .jobs.get("cv1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(502);
    expect(String((error as ServerError).body)).toMatch(/<html/i);
  });

  test("a documented error body is parsed", async () => {
    const { mock } = await startDocutray();
    const error = await docutray(mock.url, { maxRetries: 0 })
      .jobs.get("no-such-conversion")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NotFoundError", status: 404, vendor: "docutray" });
    expect((error as VendorApiError).body).toMatchObject({ error: expect.any(String) });
    void mock;
  });
});
