// Type-level behaviour of the client: it is an openapi-fetch client typed by each vendor's paths,
// creation options are checked, and Job.raw is the vendor's own status body.
import type { StatusResponse } from "@vendorspec/apptus-esales";
import type { ConversionStatusResponse } from "@vendorspec/docutray";
import type { ImportFileResponse } from "@vendorspec/leadsygroup";
import type { ConversionStatusEnvelope } from "@vendorspec/lettrlabs";
import { describe, expectTypeOf, test } from "vitest";
import {
  createApptusEsalesClient,
  createDocutrayClient,
  createLeadsyGroupClient,
  createLettrLabsClient,
  type Job,
  type JobState,
  type JobTimeoutError,
} from "../src/index.js";

const docutray = createDocutrayClient({ apiKey: "k" });
const apptus = createApptusEsalesClient({ apiKey: "k", clusterId: "acme" });
const leadsy = createLeadsyGroupClient({ apiKey: "k" });
const lettr = createLettrLabsClient({ apiKey: "k" });

describe("typed requests", () => {
  test("paths and params are checked", () => {
    void docutray.GET("/api/convert-async/status/{conversion_id}", { params: { path: { conversion_id: "c1" } } });
    // @ts-expect-error not a Docutray path
    void docutray.GET("/api/convert-async/state/{conversion_id}", { params: { path: { conversion_id: "c1" } } });
    // @ts-expect-error LettrLabs ids are integers
    void lettr.GET("/v1/conversions/{id}/status", { params: { path: { id: "42" } } });
    // @ts-expect-error the Apptus status query needs an id
    void apptus.GET("/api/admin/v3/import/status", { params: { query: {} } });
  });

  test("response data is the vendor's typed body", async () => {
    const { data } = await docutray.GET("/api/convert-async/status/{conversion_id}", { params: { path: { conversion_id: "c1" } } });
    expectTypeOf(data).toEqualTypeOf<ConversionStatusResponse | undefined>();
  });

  test("it is an openapi-fetch client: use and eject exist", () => {
    expectTypeOf(docutray.use).toBeFunction();
    expectTypeOf(docutray.eject).toBeFunction();
    expectTypeOf(docutray.DELETE).toBeFunction();
  });
});

describe("creation options", () => {
  test("apptus needs clusterId or baseUrl", () => {
    // @ts-expect-error neither clusterId nor baseUrl
    createApptusEsalesClient({ apiKey: "k" });
    createApptusEsalesClient({ apiKey: "k", baseUrl: "http://127.0.0.1:4010" });
  });

  test("apiKey is required", () => {
    // @ts-expect-error apiKey is missing
    createDocutrayClient({ baseUrl: "https://app.docutray.com" });
  });

  test("statusMap values are job states", () => {
    createLeadsyGroupClient({ apiKey: "k", statusMap: { validating: "running" } });
    // @ts-expect-error "busy" is not a JobState
    createLeadsyGroupClient({ apiKey: "k", statusMap: { validating: "busy" } });
  });
});

describe("Job.raw is typed per vendor", () => {
  test("each vendor's job carries its own status body", async () => {
    expectTypeOf(await docutray.jobs.get("c1")).toEqualTypeOf<Job<ConversionStatusResponse, "docutray">>();
    expectTypeOf((await apptus.jobs.wait("1")).raw).toEqualTypeOf<StatusResponse>();
    expectTypeOf((await leadsy.jobs.get("imp")).raw).toEqualTypeOf<ImportFileResponse>();
    expectTypeOf((await lettr.jobs.get(42)).raw).toEqualTypeOf<ConversionStatusEnvelope>();
    expectTypeOf((await docutray.jobs.get("c1")).state).toEqualTypeOf<JobState>();
    expectTypeOf((await docutray.jobs.get("c1")).id).toEqualTypeOf<string>();
  });

  test("onProgress receives the vendor's job", () => {
    void apptus.jobs.wait("1", {
      onProgress: (job) => {
        expectTypeOf(job.raw.status).toEqualTypeOf<StatusResponse["status"]>();
      },
    });
  });
});

describe("jobs.start and jobs.run", () => {
  test("accept only the paths of operations that link to the status operation", () => {
    void docutray.jobs.start("/api/convert-async", { body: { image_url: "https://x.test/a.pdf", document_type_code: "invoice" } });
    // @ts-expect-error creating a document type starts no job
    void docutray.jobs.start("/api/document-types", { body: { name: "Invoice", codeType: "acme_invoice" } });
    // @ts-expect-error the status operation is not a start
    void apptus.jobs.run("/api/admin/v3/import/status", { params: { query: { id: "1" } } });
    expectTypeOf<Parameters<typeof apptus.jobs.start>[0]>().toEqualTypeOf<"/api/admin/v3/import/data">();
    expectTypeOf<Parameters<typeof leadsy.jobs.run>[0]>().toEqualTypeOf<"/api/v1/companies/{company_id}/import">();
  });

  test("a vendor whose spec links no start offers no start path", () => {
    expectTypeOf<Parameters<typeof lettr.jobs.start>[0]>().toBeNever();
  });

  test("init is typed like openapi-fetch's: body fields and params of that operation", () => {
    void docutray.jobs.start("/api/convert-async", {
      // @ts-expect-error `colour` is not a field of the conversion request
      body: { image_url: "https://x.test/a.pdf", document_type_code: "invoice", colour: "red" },
    });
    // @ts-expect-error company_id is an integer path parameter
    void leadsy.jobs.start("/api/v1/companies/{company_id}/import", { params: { path: { company_id: "12" } }, body: { file: "x" } });
    void apptus.jobs.start("/api/admin/v3/import/data", { body: "<data_import/>" });
  });

  test("run resolves the vendor's job; start's raw is the start response", async () => {
    expectTypeOf(await docutray.jobs.run("/api/convert-async", { body: { image_url: "u", document_type_code: "c" } })).toEqualTypeOf<
      Job<ConversionStatusResponse, "docutray">
    >();
    expectTypeOf((await apptus.jobs.start("/api/admin/v3/import/data", { body: "<x/>" })).id).toEqualTypeOf<string>();
  });
});

describe("waits", () => {
  test("JobTimeoutError carries the vendor's job as lastJob; deadline takes a Date or epoch ms", () => {
    expectTypeOf<JobTimeoutError<Job<ConversionStatusResponse, "docutray">>["lastJob"]>().toEqualTypeOf<
      Job<ConversionStatusResponse, "docutray"> | undefined
    >();
    void docutray.jobs.wait("c1", { deadline: new Date(Date.now() + 60_000) });
    void docutray.jobs.wait("c1", { deadline: Date.now() + 60_000, maxIntervalMs: 30_000 });
    // @ts-expect-error a deadline is a Date or epoch milliseconds, not a duration string
    void docutray.jobs.wait("c1", { deadline: "PT5M" });
    expectTypeOf((null as unknown as Awaited<ReturnType<typeof apptus.jobs.get>>).vendor).toEqualTypeOf<"apptus-esales">();
  });
});
