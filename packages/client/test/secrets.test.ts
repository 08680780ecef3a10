// The API key never appears in an error (message, stack, own properties, inspect output) or a log
// line, on any fault path.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { createDocutrayClient } from "../src/vendors/docutray.js";
import { API_KEY, startVendor } from "./vendor-cases.js";

type Fault = Parameters<Awaited<ReturnType<typeof startVendor>>["mock"]["faults"]["inject"]>[1];

const FAULT_PATHS: Array<[string, Fault | undefined, string]> = [
  ["a 500", { type: "status", status: 500 }, "cv1"],
  ["a 401", { type: "status", status: 401 }, "cv1"],
  ["a 429", { type: "rate-limit", status: 429, retryAfter: 0 }, "cv1"],
  ["a 503", { type: "rate-limit", status: 503, retryAfter: 0 }, "cv1"],
  ["a timeout", { type: "latency", ms: 2_000 }, "cv1"],
  ["a stalled body", { type: "stall-after-headers" }, "cv1"],
  ["a reset", { type: "reset-mid-body" }, "cv1"],
  ["malformed JSON", { type: "malformed-json" }, "cv1"],
  ["an HTML page", { type: "html-error", status: 502 }, "cv1"],
  ["a 404", undefined, "missing"],
];

describe("the API key stays secret", () => {
  const lines: string[] = [];
  const logger = {
    debug: (m: string) => lines.push(m),
    info: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
    error: (m: string) => lines.push(m),
  };
  // A fresh mock per test (startVendor closes it afterwards), with the job the tests poll.
  const start = async () => {
    const started = await startVendor("docutray");
    started.mock.jobs.create({ id: "cv1", steps: ["PROCESSING"], outcome: "SUCCESS" });
    return started;
  };

  test.each(FAULT_PATHS)("on %s", async (_, fault, id) => {
    const started = await start();
    if (fault) started.mock.faults.inject("getConversionStatus", fault, { times: Number.POSITIVE_INFINITY });
    const client = createDocutrayClient({ apiKey: API_KEY, baseUrl: started.mock.url, timeoutMs: 300, maxRetries: 1, logger });
    const error = await client.jobs.get(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const views = [String(error), (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
    for (const view of views) expect(view).not.toContain(API_KEY);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(API_KEY);
  });

  test("a vendor echoing the key in its error body does not leak it either", async () => {
    const started = await start();
    started.mock.faults.inject("getConversionStatus", { type: "status", status: 401 });
    // A real response from the mock, whose body then quotes the credential back, as some APIs do.
    const echoingFetch = async (request: Request) => {
      const response = await fetch(request);
      const body = JSON.stringify({ error: `Invalid API key: ${request.headers.get("authorization")}` });
      return new Response(body, { status: response.status, headers: { "content-type": "application/json" } });
    };
    const client = createDocutrayClient({ apiKey: API_KEY, baseUrl: started.mock.url, maxRetries: 0, logger, fetch: echoingFetch });
    const error = await client.jobs.get("cv1").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AuthenticationError" });
    expect(JSON.stringify((error as { body: unknown }).body)).toContain("[redacted]");
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });
});
