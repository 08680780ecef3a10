// Pins the LettrLabs shapes consumers depend on: the response envelope around every payload and the
// array request body of POST /v1/conversions.
import type { ConversionRecord, ConversionStatus, ConversionStatusEnvelope, Envelope, operations, paths } from "@vendorspec/lettrlabs";
import { describe, expectTypeOf, test } from "vitest";

type StatusOk = operations["getConversionStatus"]["responses"][200]["content"]["application/json"];
type PostBody = NonNullable<operations["postConversions"]["requestBody"]>["content"]["application/json"];

describe("@vendorspec/lettrlabs", () => {
  test("the status response is the envelope with a ConversionStatus payload", () => {
    expectTypeOf<StatusOk>().toEqualTypeOf<ConversionStatusEnvelope>();
    expectTypeOf<StatusOk>().toMatchTypeOf<Envelope>();
    expectTypeOf<NonNullable<StatusOk["payload"]>>().toEqualTypeOf<ConversionStatus>();
    expectTypeOf<NonNullable<StatusOk["errors"]>>().toEqualTypeOf<string[]>();
    expectTypeOf<NonNullable<StatusOk["hasErrors"]>>().toEqualTypeOf<boolean>();
    // The status vocabulary is not published: a plain string, not a union.
    expectTypeOf<NonNullable<ConversionStatus["status"]>>().toEqualTypeOf<string>();
  });

  test("the status path takes an integer id", () => {
    expectTypeOf<paths["/v1/conversions/{id}/status"]["get"]["parameters"]["path"]["id"]>().toEqualTypeOf<number>();
  });

  test("POST /v1/conversions takes an array of records that each need revenue and one identifier", () => {
    expectTypeOf<PostBody>().toBeArray();
    expectTypeOf<PostBody[number]>().toEqualTypeOf<ConversionRecord>();
    expectTypeOf<ConversionRecord["revenue"]>().toEqualTypeOf<number>();
    const ok: PostBody = [
      { revenue: 10, primaryEmail: "a@b.test" },
      { revenue: 0, couponCode: "MAIL10" },
    ];
    expectTypeOf(ok).toMatchTypeOf<PostBody>();
    // @ts-expect-error revenue is required
    const noRevenue: PostBody = [{ primaryEmail: "a@b.test" }];
    // @ts-expect-error a record needs an identifying field (email, phone, address or coupon)
    const noIdentifier: PostBody = [{ revenue: 10, firstName: "Jane" }];
    void noRevenue;
    void noIdentifier;
  });
});
