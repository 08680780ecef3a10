// Every fault kind, through a real HTTP request to the mock; and the checks a fault passes when injected.
import { describe, expect, expectTypeOf, test } from "vitest";
import type { Fault } from "../src/fault-queue.js";
import type { MockServer } from "../src/start-mock-server.js";
import type { OperationId } from "../src/vendor-mock.js";
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

  test("status, undocumented: true: a status the spec does not document, with its reason phrase", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "status", status: 418, undocumented: true });
    const response = await call(STATUS);
    expect(response.status).toBe(418);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe("I'm a Teapot");
    expect((await call(STATUS)).status).toBe(200);
    expect(mock.errors).toEqual([]);
  });

  test("status, undocumented: true on a documented status still sends the documented body", async () => {
    const { mock, call } = await docutray();
    mock.faults.inject("getConversionStatus", { type: "status", status: 403, undocumented: true });
    const response = await call(STATUS);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Access denied to this conversion" });
  });
});

describe("faults are checked when injected", () => {
  test("an operationId the vendor does not have throws, naming the vendor's operationIds", async () => {
    const { mock } = await startVendor("docutray");
    // @ts-expect-error getImportStatus is an Apptus operation: a typed mock does not compile it
    const inject = () => mock.faults.inject("getImportStatus", { type: "latency", ms: 1 });
    expect(inject).toThrow(
      'docutray has no operation "getImportStatus"; its operationIds: startConversion, getConversionStatus, createDocumentType',
    );
  });

  test('inject takes the vendor\'s operationIds (or "*") as types, from its generated descriptor', async () => {
    const { mock: docutrayMock } = await startVendor("docutray");
    expectTypeOf(docutrayMock.faults.inject)
      .parameter(0)
      .toEqualTypeOf<"startConversion" | "getConversionStatus" | "createDocumentType" | "*">();
    const { mock: apptusMock } = await startVendor("apptus-esales");
    expectTypeOf(apptusMock.faults.inject).parameter(0).toEqualTypeOf<"getImportStatus" | "startImport" | "*">();
    expectTypeOf<OperationId<"leadsygroup">>().toEqualTypeOf<"listImportFiles" | "getImportStatus" | "importLeads">();
    // A mock of a definition (a spec under edit) knows its operations only at run time.
    expectTypeOf<MockServer<"docutray", string>["faults"]["inject"]>().parameter(0).toEqualTypeOf<string>();
  });

  const refused: [string, { route: OperationId<"docutray"> | "*"; fault: Fault; times?: number; want: string }][] = [
    [
      "a status the operation does not document",
      {
        route: "getConversionStatus",
        fault: { type: "status", status: 418 },
        want: 'getConversionStatus documents no 418 response (it documents 200, 401, 403, 404, 429, 500); pass { type: "status", status: 418, undocumented: true } to send it anyway',
      },
    ],
    [
      'on "*", a status some operations do not document',
      {
        route: "*",
        fault: { type: "status", status: 403 },
        want: '"*" would send 403 from operations that do not document it (startConversion, createDocumentType)',
      },
    ],
    [
      "a status that is not a final HTTP status",
      { route: "getConversionStatus", fault: { type: "status", status: 99, undocumented: true }, want: "(200-599), got 99" },
    ],
    [
      "times: 0",
      {
        route: "getConversionStatus",
        fault: { type: "latency", ms: 1 },
        times: 0,
        want: "times must be a positive integer or Infinity, got 0",
      },
    ],
  ];

  test.each(refused)("%s throws, saying what to change", async (_, { route, fault, times, want }) => {
    const { mock, call } = await docutray();
    expect(() => mock.faults.inject(route, fault, times === undefined ? {} : { times })).toThrow(want);
    // Nothing was queued: the next request is answered normally.
    expect((await call(STATUS)).status).toBe(200);
  });

  test('"*" with a status every operation documents is accepted', async () => {
    const { mock } = await startVendor("docutray");
    expect(() => mock.faults.inject("*", { type: "status", status: 500 })).not.toThrow();
  });
});
