// Every fault kind, through a real HTTP request to the mock.
import { describe, expect, test } from "vitest";
import { startVendor } from "./start-vendor.js";

const STATUS = "/api/convert-async/status/cm1";

async function docutray() {
  const started = await startVendor("docutray");
  started.mock.jobs.create({ id: "cm1", steps: ["PROCESSING"], outcome: "SUCCESS" });
  return started;
}

describe("faults", () => {
  test("status: the vendor's documented body for that status, for the next request only", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "status", status: 403 });
    const first = await call(STATUS);
    expect(first.status).toBe(403);
    expect(await first.json()).toEqual({ error: "Access denied to this conversion" });
    expect((await call(STATUS)).status).toBe(200);
  });

  test("times: N requests, then normal; Infinity: always", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "status", status: 500 }, { times: 2 });
    expect([(await call(STATUS)).status, (await call(STATUS)).status, (await call(STATUS)).status]).toEqual([500, 500, 200]);
    mock.faults.inject("*", { type: "status", status: 500 }, { times: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 5; i++) expect((await call(STATUS)).status).toBe(500);
    mock.faults.clear();
    expect((await call(STATUS)).status).toBe(200);
  });

  test.each([
    [429, 7, "7"],
    [503, "Wed, 21 Oct 2026 07:28:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT"],
  ] as const)("rate-limit %i carries Retry-After", async (status, retryAfter, header) => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "rate-limit", status, retryAfter });
    const response = await call(STATUS);
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe(header);
    await response.text();
  });

  test("latency: the normal answer, late", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "latency", ms: 300 });
    const started = Date.now();
    const response = await call(STATUS);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect((await response.json()).status).toBe("PROCESSING");
  });

  test("stall-after-headers: headers arrive, the body never does", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "stall-after-headers" });
    const controller = new AbortController();
    const response = await call(STATUS, { signal: controller.signal });
    expect(response.status).toBe(200);
    setTimeout(() => controller.abort(), 300);
    await expect(response.text()).rejects.toThrow();
  });

  test("reset-mid-body: part of the body, then the connection resets", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "reset-mid-body" });
    const response = await call(STATUS);
    await expect(response.text()).rejects.toThrow();
  });

  test("malformed-json: a 200 whose JSON is cut off", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "malformed-json" });
    const response = await call(STATUS);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  test("html-error: a gateway's HTML page", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "html-error", status: 504 });
    const response = await call(STATUS);
    expect(response.status).toBe(504);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  test("unknown-status: a valid body with a status word nobody knows", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "unknown-status", word: "QUARANTINED" });
    const body = await (await call(STATUS)).json();
    expect(body).toMatchObject({ conversion_id: "cm1", status: "QUARANTINED" });
    expect(mock.errors).toEqual([]);
  });

  test("numeric-id: the Apptus id as a bare JSON number with every digit", async () => {
    const { mock, call } = await startVendor("apptus-esales");
    mock.jobs.create({ id: "18446744073709551615", steps: [], outcome: "SUCCESS" });
    mock.faults.inject("getImportStatus", { type: "numeric-id" });
    const text = await (await call("/api/admin/v3/import/status?id=18446744073709551615")).text();
    expect(text).toContain('"id":18446744073709551615');
  });

  test("a status fault for a status the operation does not document is refused, not invented", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "status", status: 418 });
    const response = await call(STATUS);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("documents no 418 response");
    expect(mock.errors).toHaveLength(1);
  });
});
