// The walk: for every vendor, every operation and every status code its spec documents, the mock
// answers that status with a body that validates against the vendor's bundled openapi.json (checked
// here by a validator of the test's own), and the server records no body it refused as invalid.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { documentedResponse, documentedStatuses, listSpecOperations } from "../src/spec-document.js";
import { createSpecValidator, describeErrors } from "../src/spec-validator.js";
import { type MockServer, startMockServer } from "../src/start-mock-server.js";
import { VENDOR_DESCRIPTORS, type VendorName } from "../src/vendor-list.js";
import { loadVendorMock, type OperationId } from "../src/vendor-mock.js";
import { API_KEY, buildRequest } from "./spec-requests.js";

const vendors = Object.keys(VENDOR_DESCRIPTORS) as VendorName[];

describe.each(vendors)("%s", (vendor) => {
  const { document } = loadVendorMock(vendor);
  const ownValidator = createSpecValidator(structuredClone(document), `walk-${vendor}`);
  const cases = listSpecOperations(document).flatMap((info) =>
    // The spec's operationIds are the descriptor's, which type faults.inject.
    documentedStatuses(info.operation).map((status) => [info.operationId as OperationId, status, info] as const),
  );
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ vendor, apiKey: API_KEY });
  });
  afterAll(() => mock.close());

  test("the spec documents operations and statuses to walk", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  test.each(cases)("%s %i", async (operationId, status, info) => {
    mock.faults.inject(operationId, { type: "status", status });
    const { url, init } = buildRequest(document, vendor, info, mock.url);
    const response = await fetch(url, init);
    expect(response.status).toBe(status);
    const documented = documentedResponse(document, info.operation, status);
    const text = await response.text();
    if (!documented?.media?.schema) return;
    expect(response.headers.get("content-type")).toContain(documented.mediaType);
    const body = documented.mediaType?.includes("json") ? JSON.parse(text) : text;
    const errors = ownValidator.validate(documented.media.schema, body);
    expect(errors, describeErrors(errors)).toBeNull();
    expect(mock.errors).toEqual([]);
  });

  test.each(listSpecOperations(document).map((info) => [info.operationId, info] as const))(
    "%s answers a valid request with a documented, valid success",
    async (_, info) => {
      const { url, init } = buildRequest(document, vendor, info, mock.url);
      const response = await fetch(url, init);
      await response.text();
      expect(mock.errors).toEqual([]);
      expect(documentedStatuses(info.operation)).toContain(response.status);
    },
  );
});
