// Pins the Apptus shapes consumers depend on: the published status union and the import id, which
// must stay a string because it exceeds 2^53.
import type { ImportId, ImportStatus, operations, StatusResponse } from "@vendorspec/apptus-esales";
import { describe, expectTypeOf, test } from "vitest";

type StatusOk = operations["getImportStatus"]["responses"][200]["content"]["application/json"];

describe("@vendorspec/apptus-esales", () => {
  test("the status is the vendor's whole published set, BLOCKED included", () => {
    expectTypeOf<ImportStatus>().toEqualTypeOf<"NOT_FOUND" | "WAITING" | "BLOCKED" | "IN_PROGRESS" | "SUCCESS" | "FAILURE" | "ABORTED">();
    expectTypeOf<StatusOk>().toEqualTypeOf<StatusResponse>();
    expectTypeOf<StatusResponse["status"]>().toEqualTypeOf<ImportStatus>();
    expectTypeOf<StatusResponse["reason"]>().toEqualTypeOf<string | null>();
  });

  test("import ids are strings everywhere, never numbers", () => {
    expectTypeOf<ImportId>().toEqualTypeOf<string>();
    expectTypeOf<StatusResponse["id"]>().toEqualTypeOf<string>();
    expectTypeOf<operations["getImportStatus"]["parameters"]["query"]["id"]>().toEqualTypeOf<string>();
    // @ts-expect-error an id as a number would lose digits (a real one, 5537431447739019570, exceeds 2^53)
    const lossy: StatusResponse["id"] = 5537431447739019;
    void lossy;
  });

  test("starting an import sends XML and answers a StatusResponse", () => {
    type Start = operations["startImport"];
    expectTypeOf<NonNullable<Start["requestBody"]>["content"]["application/xml"]>().toEqualTypeOf<string>();
    expectTypeOf<Start["responses"][202]["content"]["application/json"]>().toEqualTypeOf<StatusResponse>();
  });
});
