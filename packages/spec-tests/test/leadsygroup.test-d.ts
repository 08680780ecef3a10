// Pins the LeadsyGroup shapes consumers depend on: the import_file record with its progress counters
// and its unpublished (so open) status vocabulary.
import type { ImportFile, ImportFileResponse, operations } from "@vendorspec/leadsygroup";
import { describe, expectTypeOf, test } from "vitest";

type StatusOk = operations["getImportStatus"]["responses"][200]["content"]["application/json"];

describe("@vendorspec/leadsygroup", () => {
  test("the status response wraps one import_file", () => {
    expectTypeOf<StatusOk>().toEqualTypeOf<ImportFileResponse>();
    expectTypeOf<StatusOk["import_file"]>().toEqualTypeOf<ImportFile>();
  });

  test("the import_file counters are numbers", () => {
    expectTypeOf<NonNullable<ImportFile["total_records"]>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<ImportFile["processed_records"]>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<ImportFile["failed_records"]>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<ImportFile["success_rate"]>>().toEqualTypeOf<number>();
  });

  test("status vocabularies are not published, so they stay open", () => {
    expectTypeOf<NonNullable<ImportFile["status"]>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<ImportFile["status_name"]>>().toEqualTypeOf<string>();
    expectTypeOf<ImportFile["started_at"]>().toEqualTypeOf<string | null | undefined>();
  });

  test("company is an open object whose fields can be read", () => {
    expectTypeOf<NonNullable<ImportFile["company"]>>().toEqualTypeOf<{ [key: string]: unknown }>();
  });

  test("the import code is a string path parameter", () => {
    expectTypeOf<operations["getImportStatus"]["parameters"]["path"]["import_code"]>().toEqualTypeOf<string>();
    // @ts-expect-error import_code is a string, not a number
    const wrong: operations["getImportStatus"]["parameters"]["path"]["import_code"] = 42;
    void wrong;
  });
});
