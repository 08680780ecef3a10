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
