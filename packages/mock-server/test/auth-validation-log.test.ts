// Auth exactly as each vendor does it, request validation with the vendor's own error bodies, and a
// request log that never shows a credential.
import { describe, expect, test } from "vitest";
import type { VendorName } from "../src/vendor-list.js";
import { API_KEY, AUTH_HEADERS } from "./spec-requests.js";
import { startVendor } from "./start-vendor.js";

const STATUS_PATHS: Record<VendorName, string> = {
  docutray: "/api/convert-async/status/cm1",
  "apptus-esales": "/api/admin/v3/import/status?id=5537431447739019570",
  leadsygroup: "/api/v1/import/imp_1",
  lettrlabs: "/v1/conversions/77/status",
};

const AUTH_FAILURES: Record<VendorName, [number, unknown]> = {
  docutray: [401, { error: "Invalid API key" }],
  "apptus-esales": [403, "Incorrect cluster credentials"],
  leadsygroup: [401, expect.objectContaining({ message: expect.any(String) })],
  lettrlabs: [401, expect.objectContaining({ hasErrors: expect.any(Boolean) })],
};

describe.each(Object.keys(STATUS_PATHS) as VendorName[])("%s", (vendor) => {
  const path = STATUS_PATHS[vendor];
  const [failStatus, failBody] = AUTH_FAILURES[vendor];
  const read = async (response: Response) => (response.headers.get("content-type")?.includes("json") ? response.json() : response.text());

  test("the right key in the vendor's header is accepted", async () => {
    const { mock } = await startVendor(vendor);
    const response = await fetch(`${mock.url}${path}`, { headers: AUTH_HEADERS[vendor](API_KEY) });
    expect(response.status).not.toBe(failStatus);
    await response.text();
  });

  test.each([
    ["a missing key", {}],
    ["a wrong key", AUTH_HEADERS[vendor]("not-the-key")],
    [
      "the key in another vendor's header",
      vendor === "lettrlabs" ? AUTH_HEADERS["apptus-esales"](API_KEY) : AUTH_HEADERS.lettrlabs(API_KEY),
    ],
  ])("%s gets the documented auth failure", async (_, headers) => {
    const { mock } = await startVendor(vendor);
    const response = await fetch(`${mock.url}${path}`, { headers });
    expect(response.status).toBe(failStatus);
    expect(await read(response)).toEqual(failBody);
    expect(mock.errors).toEqual([]);
  });

  test("the request log masks the credential", async () => {
    const { mock } = await startVendor(vendor);
    await (await fetch(`${mock.url}${path}`, { headers: AUTH_HEADERS[vendor](API_KEY) })).text();
    expect(mock.requests.count()).toBe(1);
    expect(JSON.stringify(mock.requests)).not.toContain(API_KEY);
    const [name] = Object.keys(AUTH_HEADERS[vendor](API_KEY));
    expect(mock.requests[0]?.headers[name as string]).toMatch(/\*\*\*$/);
  });
});

describe("request validation", () => {
  test("docutray: a JSON body with neither image_base64 nor image_url gets its Validation error", async () => {
    const { mock, call } = await startVendor("docutray");
    const response = await call("/api/convert-async", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ document_type_code: "invoice" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Validation error", errors: expect.any(Array) });
    expect(mock.errors).toEqual([]);
  });

  test("docutray: an unsupported content type gets its documented message", async () => {
    const { call } = await startVendor("docutray");
    const response = await call("/api/convert-async", { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "Unsupported Content-Type. Use multipart/form-data or application/json" });
  });

  test("docutray: a multipart upload without document_type_code is rejected", async () => {
    const { call } = await startVendor("docutray");
    const form = new FormData();
    form.set("image", new Blob(["%PDF-1.4"]), "a.pdf");
    const response = await call("/api/convert-async", { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("document_type_code");
  });

  test("lettrlabs: a record without revenue gets the 400 envelope naming the field", async () => {
    const { mock, call } = await startVendor("lettrlabs");
    const response = await call("/v1/conversions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ primaryEmail: "a@b.test" }]),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.hasErrors).toBe(true);
    expect(body.errors.join(" ")).toContain("revenue");
    expect(mock.errors).toEqual([]);
  });

  test("lettrlabs: a non-integer id in the path is rejected", async () => {
    const { call } = await startVendor("lettrlabs");
    expect((await call("/v1/conversions/abc/status")).status).toBe(400);
  });

  test("apptus: a malformed blockingTimeout gets its 400 text", async () => {
    const { call } = await startVendor("apptus-esales");
    const response = await call("/api/admin/v3/import/data?blockingTimeout=5minutes", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<data_import/>",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("blockingTimeout");
  });

  test("leadsygroup: an import without its file gets the 422 body", async () => {
    const { call } = await startVendor("leadsygroup");
    const form = new FormData();
    form.set("campaign_id", "3");
    const response = await call("/api/v1/companies/12/import", { method: "POST", body: form });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toContain("file");
  });
});
