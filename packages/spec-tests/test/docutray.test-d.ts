// Pins the Docutray shapes consumers depend on: the closed status union and the three request
// forms of POST /api/convert-async (multipart upload, JSON base64, JSON URL).
import type {
  ConversionStatus,
  ConversionStatusResponse,
  operations,
  StartConversionBase64Request,
  StartConversionMultipartRequest,
  StartConversionUrlRequest,
} from "@vendorspec/docutray";
import { describe, expectTypeOf, test } from "vitest";

type StartBody = NonNullable<operations["startConversion"]["requestBody"]>["content"];
type StatusOk = operations["getConversionStatus"]["responses"][200]["content"]["application/json"];

describe("@vendorspec/docutray", () => {
  test("the status is the documented closed union", () => {
    expectTypeOf<ConversionStatus>().toEqualTypeOf<"ENQUEUED" | "PROCESSING" | "SUCCESS" | "ERROR">();
    expectTypeOf<StatusOk>().toEqualTypeOf<ConversionStatusResponse>();
    expectTypeOf<StatusOk["status"]>().toEqualTypeOf<ConversionStatus>();
    expectTypeOf<StatusOk["conversion_id"]>().toEqualTypeOf<string>();
    // Present only on SUCCESS / ERROR, so optional.
    expectTypeOf<StatusOk>().toHaveProperty("data");
    expectTypeOf<StatusOk["error"]>().toEqualTypeOf<string | null | undefined>();
  });

  test("a status outside the union does not type-check", () => {
    // @ts-expect-error DONE is not a Docutray status
    const wrong: ConversionStatus = "DONE";
    void wrong;
  });

  test("POST /api/convert-async accepts the three documented request forms", () => {
    expectTypeOf<StartBody["multipart/form-data"]>().toEqualTypeOf<StartConversionMultipartRequest>();
    expectTypeOf<StartBody["application/json"]>().toEqualTypeOf<StartConversionBase64Request | StartConversionUrlRequest>();
    const base64: StartBody["application/json"] = { image_base64: "data:image/png;base64,iVBORw0KGgo=", document_type_code: "invoice" };
    const url: StartBody["application/json"] = { image_url: "https://files.test/invoice.pdf", document_type_code: "invoice" };
    expectTypeOf(base64).toMatchTypeOf<StartBody["application/json"]>();
    expectTypeOf(url).toMatchTypeOf<StartBody["application/json"]>();
    expectTypeOf<StartConversionMultipartRequest["document_type_code"]>().toEqualTypeOf<string>();
    // @ts-expect-error a JSON body needs image_base64 or image_url
    const neither: StartBody["application/json"] = { document_type_code: "invoice" };
    void neither;
  });
});
