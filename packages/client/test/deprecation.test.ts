// A retiring API reaches the consumer at run time too: calling a sunset API or a deprecated
// operation warns once (per process by default, per client with a handler), through real HTTP.
import type { paths as DocutrayPaths } from "@vendorspec/docutray";
import { type MockServer, startMockServer } from "@vendorspec/mock-server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createVendorClient } from "../src/core/create-vendor-client.js";
import { apptusEsales, createApptusEsalesClient, type DeprecationNotice, docutray } from "../src/index.js";

const KEY = "vs_secret_deprecation_key_42";
const mocks: MockServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});
async function mock(vendor: "apptus-esales" | "docutray") {
  const server = await startMockServer({ vendor, apiKey: KEY });
  mocks.push(server);
  return server;
}

describe("an API the vendor retires (info.x-sunset)", () => {
  test("the descriptor carries the date from the spec", () => {
    expect(apptusEsales.sunset).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("by default: one console warning per process, however many clients and calls", async () => {
    const server = await mock("apptus-esales");
    server.jobs.create({ id: "5537431447739019570", steps: [], outcome: "SUCCESS" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < 2; i++) {
      const client = createApptusEsalesClient({ apiKey: KEY, baseUrl: server.url });
      await client.jobs.get("5537431447739019570");
      await client.jobs.get("5537431447739019570");
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(`the vendor retires it on ${apptusEsales.sunset}`);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(KEY);
  });

  test("a handler gets each notice once per client; false silences", async () => {
    const server = await mock("apptus-esales");
    server.jobs.create({ id: "5537431447739019570", steps: [], outcome: "SUCCESS" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const notices: DeprecationNotice[] = [];
    for (let i = 0; i < 2; i++) {
      const client = createApptusEsalesClient({ apiKey: KEY, baseUrl: server.url, onDeprecation: (n) => notices.push(n) });
      await client.jobs.get("5537431447739019570");
      await client.jobs.get("5537431447739019570");
    }
    expect(notices).toEqual([
      expect.objectContaining({ vendor: "apptus-esales", sunset: apptusEsales.sunset }),
      expect.objectContaining({ vendor: "apptus-esales", sunset: apptusEsales.sunset }),
    ]);
    const silent = createApptusEsalesClient({ apiKey: KEY, baseUrl: server.url, onDeprecation: false });
    await silent.jobs.get("5537431447739019570");
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("a deprecated operation (deprecated + x-sunset on the operation)", () => {
  test("calling it warns through the logger, naming it and its date; other operations do not", async () => {
    const server = await mock("docutray");
    server.jobs.create({ id: "cm_1", steps: [], outcome: "SUCCESS" });
    const statusOp = docutray.job.statusOperation;
    const operations = { ...docutray.operations, [statusOp]: { ...docutray.operations[statusOp], deprecated: true, sunset: "2027-03-31" } };
    const descriptor = { ...docutray, operations } as typeof docutray;
    const logged: string[] = [];
    const client = createVendorClient<DocutrayPaths, unknown, "docutray", typeof docutray>(descriptor, {
      apiKey: KEY,
      baseUrl: server.url,
      logger: { warn: (m) => logged.push(m) },
    });
    // Another, non-deprecated operation (its required parameters do not matter here).
    await (client.GET as (path: string, init: object) => Promise<unknown>)("/api/document-types", {}).catch(() => undefined);
    expect(logged).toEqual([]);
    await client.jobs.get("cm_1");
    await client.jobs.get("cm_1");
    expect(logged).toEqual([`docutray: ${statusOp} (GET ${docutray.job.path}) is deprecated; the vendor retires it on 2027-03-31`]);
  });
});
