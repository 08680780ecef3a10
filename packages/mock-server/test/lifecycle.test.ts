// Each vendor's job, started through its real start operation or scripted with jobs.create, reaches
// every terminal state of its lifecycle one step per status poll.
import type { StatusResponse } from "@vendorspec/apptus-esales";
import type { ConversionStatusResponse, StartConversionResponse } from "@vendorspec/docutray";
import type { ImportFileList, ImportFileResponse } from "@vendorspec/leadsygroup";
import type { ConversionRecordsEnvelope, ConversionStatusEnvelope } from "@vendorspec/lettrlabs";
import { describe, expect, test, vi } from "vitest";
import { startVendor } from "./start-vendor.js";

/** A JSON body, typed by the vendor's generated schema type (the mock validated it against that schema). */
const statusOf = async <Body>(response: Response) => (await response.json()) as Body;

describe("docutray", () => {
  test("a started conversion goes ENQUEUED → PROCESSING → SUCCESS with data", async () => {
    const { mock, call } = await startVendor("docutray");
    const start = await call("/api/convert-async", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ image_url: "https://files.test/invoice_7.pdf", document_type_code: "invoice" }),
    });
    expect(start.status).toBe(200);
    const { conversion_id } = await statusOf<StartConversionResponse>(start);
    const seen: ConversionStatusResponse[] = [];
    for (let i = 0; i < 4; i++) seen.push(await statusOf(await call(`/api/convert-async/status/${conversion_id}`)));
    expect(seen.map((s) => s.status)).toEqual(["ENQUEUED", "PROCESSING", "SUCCESS", "SUCCESS"]);
    expect(seen[2]?.data).toBeTypeOf("object");
    expect(seen[2]?.response_timestamp).toBeTypeOf("string");
    expect(seen[0]?.original_filename).toBe("invoice_7.pdf");
    expect(mock.errors).toEqual([]);
  });

  test("a scripted conversion ends in ERROR with its error", async () => {
    const { mock, call } = await startVendor("docutray");
    mock.jobs.create({ id: "cm_err", steps: ["PROCESSING"], outcome: "ERROR", message: "Unreadable document" });
    await call("/api/convert-async/status/cm_err");
    const last = await statusOf<ConversionStatusResponse>(await call("/api/convert-async/status/cm_err"));
    expect(last).toMatchObject({ status: "ERROR", error: "Unreadable document" });
    expect(mock.jobs.get("cm_err")?.polls).toBe(2);
  });

  test("jobs advance by time when configured", async () => {
    // Only Date is faked: the server and the requests run on real timers, the job's clock does not.
    vi.useFakeTimers({ toFake: ["Date"], now: 1_000_000 });
    try {
      const { mock, call } = await startVendor("docutray", { advance: { everyMs: 600 } });
      mock.jobs.create({ id: "cm_t", steps: ["ENQUEUED", "PROCESSING"], outcome: "SUCCESS" });
      const status = async () => (await statusOf<ConversionStatusResponse>(await call("/api/convert-async/status/cm_t"))).status;
      expect([await status(), await status()]).toEqual(["ENQUEUED", "ENQUEUED"]);
      vi.setSystemTime(1_000_599);
      expect(await status()).toBe("ENQUEUED");
      vi.setSystemTime(1_000_600);
      expect(await status()).toBe("PROCESSING");
      vi.setSystemTime(1_001_300);
      expect(await status()).toBe("SUCCESS");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("apptus-esales", () => {
  test("a started import goes WAITING → IN_PROGRESS → SUCCESS, with a 19-digit string id", async () => {
    const { mock, call } = await startVendor("apptus-esales");
    const start = await call("/api/admin/v3/import/data", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: '<data_import type="full"/>',
    });
    expect(start.status).toBe(202);
    const { id } = await statusOf<StatusResponse>(start);
    expect(id).toMatch(/^\d{19}$/);
    const words = [];
    for (let i = 0; i < 3; i++) words.push((await statusOf<StatusResponse>(await call(`/api/admin/v3/import/status?id=${id}`))).status);
    expect(words).toEqual(["WAITING", "IN_PROGRESS", "SUCCESS"]);
    expect(mock.errors).toEqual([]);
  });

  test.each([
    ["FAILURE", "Invalid XML at line 12"],
    ["ABORTED", null],
    ["SUCCESS", null],
  ])("a scripted import through BLOCKED ends in %s", async (outcome, reason) => {
    const { mock, call } = await startVendor("apptus-esales");
    mock.jobs.create({
      id: "18446744073709551615",
      steps: ["WAITING", "BLOCKED", "IN_PROGRESS"],
      outcome,
      message: "Invalid XML at line 12",
    });
    const words = [];
    let last: StatusResponse | undefined;
    for (let i = 0; i < 4; i++) {
      last = await statusOf<StatusResponse>(await call("/api/admin/v3/import/status?id=18446744073709551615"));
      words.push(last.status);
    }
    expect(words).toEqual(["WAITING", "BLOCKED", "IN_PROGRESS", outcome]);
    expect(last).toEqual({ id: "18446744073709551615", reason, status: outcome });
  });

  test("an unknown id answers NOT_FOUND", async () => {
    const { call } = await startVendor("apptus-esales");
    expect(await statusOf(await call("/api/admin/v3/import/status?id=42"))).toEqual({ id: "42", reason: null, status: "NOT_FOUND" });
  });
});

describe("leadsygroup", () => {
  test.each(["completed", "failed", "cancelled"])("an import's counters grow each poll and it ends %s", async (outcome) => {
    const { mock, call } = await startVendor("leadsygroup");
    const form = new FormData();
    form.set("file", new Blob(["email\na@b.test\n"], { type: "text/csv" }), "leads.csv");
    mock.jobs.create({ id: "imp_x", steps: ["pending", "processing", "processing"], outcome, total: 200 });
    const files = [];
    for (let i = 0; i < 4; i++) files.push((await statusOf<ImportFileResponse>(await call("/api/v1/import/imp_x"))).import_file);
    expect(files.map((f) => f.status_name)).toEqual(["pending", "processing", "processing", outcome]);
    const processed = files.map((f) => f.processed_records ?? Number.NaN);
    expect(processed.every(Number.isInteger)).toBe(true);
    expect(processed).toEqual(processed.toSorted((a, b) => a - b));
    expect(files.every((f) => f.total_records === 200)).toBe(true);
    if (outcome === "completed") expect(files[3]).toMatchObject({ processed_records: 200, failed_records: 10 });
    expect(files[3]?.finished_at).toBeTypeOf("string");
    expect(files[0]?.started_at).toBeNull();
    expect(mock.errors).toEqual([]);
  });

  test("importing leads for a company creates an import to poll", async () => {
    const { mock, call } = await startVendor("leadsygroup");
    const form = new FormData();
    form.set("file", new Blob(["email\na@b.test\n"], { type: "text/csv" }), "leads.csv");
    const start = await call("/api/v1/companies/12/import", { method: "POST", body: form });
    expect(start.status).toBe(201);
    const code = (await statusOf<ImportFileResponse>(start)).import_file.import_code;
    expect(mock.jobs.get(String(code))).toBeDefined();
    const listed = await statusOf<ImportFileList>(await call("/api/v1/import"));
    expect(listed.data?.map((f) => f.import_code)).toEqual([code]);
    expect(mock.errors).toEqual([]);
  });
});

describe("lettrlabs", () => {
  test.each(["completed", "failed", "cancelled"])("a conversion's status goes pending → processing → %s", async (outcome) => {
    const { mock, call } = await startVendor("lettrlabs");
    mock.jobs.create({ id: "77", steps: ["pending", "processing"], outcome, message: "Record 2: revenue is required" });
    const bodies: ConversionStatusEnvelope[] = [];
    for (let i = 0; i < 3; i++) bodies.push(await statusOf(await call("/v1/conversions/77/status")));
    expect(bodies.map((b) => b.payload?.status)).toEqual(["pending", "processing", outcome]);
    expect(bodies[2]?.payload?.id).toBe(77);
    expect(bodies[2]?.errors).toEqual(outcome === "failed" ? ["Record 2: revenue is required"] : []);
    expect(mock.errors).toEqual([]);
  });

  test("posting conversions echoes the records and starts a conversion", async () => {
    const { mock, call } = await startVendor("lettrlabs");
    const records = [{ primaryEmail: "jane@mail.test", revenue: 12.5 }];
    const response = await call("/v1/conversions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(records),
    });
    expect(response.status).toBe(200);
    expect((await statusOf<ConversionRecordsEnvelope>(response)).payload).toEqual(records);
    expect(mock.jobs.list()).toHaveLength(1);
  });

  test("a deleted conversion shows the deletion, then is gone (404)", async () => {
    const { mock, call } = await startVendor("lettrlabs");
    mock.jobs.create({ id: "90", steps: [], outcome: "completed" });
    expect((await call("/v1/conversions/90", { method: "DELETE" })).status).toBe(200);
    expect((await statusOf<ConversionStatusEnvelope>(await call("/v1/conversions/90/status"))).payload?.status).toBe("deleting");
    expect((await call("/v1/conversions/90/status")).status).toBe(404);
    expect(mock.jobs.get("90")).toBeUndefined();
    expect(mock.errors).toEqual([]);
  });
});
