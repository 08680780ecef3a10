// jobs.start and jobs.run through real HTTP against the mock: each start operation is found by its
// link to the status operation, its body goes in the media type the operation takes (JSON, XML,
// multipart), the job id is read where the link says, and a start is never retried.
import { describe, expect, test } from "vitest";
import { ServerError } from "../src/index.js";
import { createApptusEsalesClient } from "../src/vendors/apptus-esales.js";
import { createDocutrayClient } from "../src/vendors/docutray.js";
import { createLeadsyGroupClient } from "../src/vendors/leadsygroup.js";
import { createLettrLabsClient } from "../src/vendors/lettrlabs.js";
import { API_KEY, startVendor } from "./vendor-cases.js";

const contentTypeOf = (headers: Record<string, string> | undefined) => headers?.["content-type"]?.split(";")[0];

describe("docutray", () => {
  test("run: a JSON start, then the wait, resolves succeeded with the result", async () => {
    const { mock } = await startVendor("docutray");
    const client = createDocutrayClient({ apiKey: API_KEY, baseUrl: mock.url });
    const job = await client.jobs.run(
      "/api/convert-async",
      { body: { image_url: "https://files.acme.test/invoice_1.pdf", document_type_code: "invoice" } },
      { intervalMs: 1 },
    );
    expect(job).toMatchObject({ vendor: "docutray", state: "succeeded", vendorStatus: "SUCCESS", terminal: true });
    expect(job.result).toBeTypeOf("object");
    const [start, ...polls] = mock.requests;
    expect(start).toMatchObject({ method: "POST", operationId: "startConversion", status: 200 });
    expect(contentTypeOf(start?.headers)).toBe("application/json");
    expect(polls.map((r) => r.path)).toEqual(polls.map(() => `/api/convert-async/status/${job.id}`));
    expect(mock.errors).toEqual([]);
  });

  test("start: a FormData body goes as multipart; the job id comes from the link", async () => {
    const { mock } = await startVendor("docutray");
    const client = createDocutrayClient({ apiKey: API_KEY, baseUrl: mock.url });
    const form = new FormData();
    form.set("image", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "a.pdf");
    form.set("document_type_code", "invoice");
    const started = await client.jobs.start("/api/convert-async", { body: form as never });
    expect(contentTypeOf(mock.requests[0]?.headers)).toBe("multipart/form-data");
    expect(started).toMatchObject({ state: "queued", vendorStatus: "ENQUEUED", terminal: false });
    expect(mock.jobs.get(started.id)).toBeDefined();
  });

  test("run: a job that ends in ERROR resolves failed with the vendor's message", async () => {
    const { mock } = await startVendor("docutray");
    const client = createDocutrayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0 });
    const started = await client.jobs.start("/api/convert-async", {
      body: { image_url: "https://files.acme.test/bad.pdf", document_type_code: "invoice" },
    });
    mock.jobs.set(started.id, { steps: [], outcome: "ERROR", message: "Unreadable document" });
    const job = await client.jobs.wait(started.id, { intervalMs: 1 });
    expect(job).toMatchObject({ state: "failed", message: "Unreadable document" });
  });

  test("a start is never retried, even on a retryable status", async () => {
    const { mock } = await startVendor("docutray");
    const client = createDocutrayClient({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 3 });
    mock.faults.inject("startConversion", { type: "status", status: 500 });
    await expect(
      client.jobs.start("/api/convert-async", { body: { image_url: "https://files.acme.test/a.pdf", document_type_code: "invoice" } }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(mock.requests.count("startConversion")).toBe(1);
  });
});

describe("apptus-esales", () => {
  test("start sends the XML body as application/xml and keeps the 19-digit id exact", async () => {
    const { mock } = await startVendor("apptus-esales");
    const client = createApptusEsalesClient({ apiKey: API_KEY, baseUrl: mock.url });
    const started = await client.jobs.start("/api/admin/v3/import/data", {
      params: { query: { name: "nightly" } },
      body: '<data_import type="full"><products/></data_import>',
    });
    expect(contentTypeOf(mock.requests[0]?.headers)).toBe("application/xml");
    expect(mock.requests[0]?.status).toBe(202);
    expect(started.id).toMatch(/^\d{19}$/);
    expect(started.vendorStatus).toBe("WAITING");
    const done = await client.jobs.wait(started.id, { intervalMs: 1 });
    expect(done).toMatchObject({ id: started.id, state: "succeeded" });
  });
});

describe("leadsygroup", () => {
  test("run: an object body becomes the multipart upload the operation takes; progress ends at the total", async () => {
    const { mock } = await startVendor("leadsygroup");
    const client = createLeadsyGroupClient({ apiKey: API_KEY, baseUrl: mock.url });
    const file = new Blob(["email\na@b.test\n"], { type: "text/csv" });
    const job = await client.jobs.run(
      "/api/v1/companies/{company_id}/import",
      { params: { path: { company_id: 12 } }, body: { file: file as unknown as string } },
      { intervalMs: 1 },
    );
    expect(mock.requests[0]).toMatchObject({ path: "/api/v1/companies/12/import", status: 201 });
    expect(contentTypeOf(mock.requests[0]?.headers)).toBe("multipart/form-data");
    expect(job.state).toBe("succeeded");
    expect(job.progress?.processed).toBe(job.progress?.total);
  });
});

describe("lettrlabs", () => {
  test("no operation returns a job id, so start refuses every path without sending anything", async () => {
    const { mock } = await startVendor("lettrlabs");
    const client = createLettrLabsClient({ apiKey: API_KEY, baseUrl: mock.url });
    await expect(client.jobs.start("/v1/conversions" as never, { body: [] } as never)).rejects.toThrow(
      /no operation of this vendor returns a job id/,
    );
    expect(mock.requests.length).toBe(0);
  });
});
