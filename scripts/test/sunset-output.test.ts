// A vendor retiring an API or an operation reaches consumers in what we generate: `@deprecated`
// with the date in the types and on the client factory, and the date in the runtime descriptor.
import { describe, expect, test } from "vitest";
import { compileTypes } from "../src/generate/compile-types.mjs";
import { renderClientEntry } from "../src/generate/render-workspace-files.mjs";
import { buildVendorDescriptor } from "../src/model/vendor-descriptor.mjs";

const spec = (info: Record<string, unknown>, operation: Record<string, unknown>) => ({
  openapi: "3.1.0",
  info: { title: "Acme API", version: "1.0.0", ...info },
  paths: {
    "/a": {
      get: { operationId: "getA", summary: "Get A", description: "Reads A.", responses: { "200": { description: "ok" } }, ...operation },
    },
    "/b": { get: { operationId: "getB", summary: "Get B", responses: { "200": { description: "ok" } } } },
  },
});
const origin = { packageName: "@vendorspec/acme", specFile: "specs/acme/openapi.yaml" };

describe("sunset dates in the generated types", () => {
  test("an operation's x-sunset: @deprecated with the date on that operation only, description kept", async () => {
    const types = await compileTypes(spec({}, { deprecated: true, "x-sunset": "2027-01-31" }), origin);
    expect(types).toContain("* @deprecated The vendor retires this operation on 2027-01-31 (x-sunset).\n");
    expect(types).toMatch(/@deprecated The vendor retires this operation on 2027-01-31 \(x-sunset\)\.\n\s*\* @description Reads A\./);
    expect(types.match(/@deprecated/g)).toHaveLength(1);
    expect(types).not.toContain("vendorspec-sunset");
  });

  test("deprecated without a date stays a bare @deprecated", async () => {
    const types = await compileTypes(spec({}, { deprecated: true }), origin);
    expect(types.match(/@deprecated\n/g)).toHaveLength(1);
  });

  test("the API's info.x-sunset: every operation and the file header carry the date", async () => {
    const types = await compileTypes(spec({ "x-sunset": "2026-12-31" }, {}), origin);
    expect(types.match(/@deprecated The vendor retires this operation on 2026-12-31/g)).toHaveLength(2);
    expect(types).toContain("Deprecated: the vendor retires this API on 2026-12-31 (info.x-sunset).");
  });
});

describe("sunset dates at run time and on the client factory", () => {
  test("the descriptor carries the API's and each operation's date", () => {
    const descriptor = buildVendorDescriptor(
      { name: "acme" },
      spec({ "x-sunset": "2026-12-31" }, { deprecated: true, "x-sunset": "2027-01-31" }),
    );
    expect(descriptor.sunset).toBe("2026-12-31");
    expect(descriptor.operations.getA).toMatchObject({ deprecated: true, sunset: "2027-01-31" });
    expect(descriptor.operations.getB).not.toHaveProperty("deprecated");
  });

  test("the factory of a sunset API is @deprecated with the date; others are not", () => {
    const vendor = { name: "acme", packageName: "@vendorspec/acme", specFile: "specs/acme/openapi.yaml" };
    const sunset = buildVendorDescriptor({ name: "acme" }, spec({ "x-sunset": "2026-12-31" }, {}));
    const live = buildVendorDescriptor({ name: "acme" }, spec({}, {}));
    expect(renderClientEntry(vendor, sunset, undefined)).toContain("@deprecated The vendor retires this API on 2026-12-31");
    expect(renderClientEntry(vendor, live, undefined)).not.toContain("@deprecated");
  });
});
