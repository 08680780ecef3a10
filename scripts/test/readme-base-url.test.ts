// The generated README shows how to build the base URL from the spec's server variables, never a
// URL with a literal `{placeholder}` in it, and says when the vendor retires the API.
import { expect, test } from "vitest";
import { renderReadme } from "../src/generate/render-readme.mjs";

const vendor = { name: "acme", packageName: "@vendorspec/acme", specFile: "specs/acme/openapi.yaml" };
const document = (servers: unknown[], info: Record<string, unknown> = {}) =>
  ({ openapi: "3.1.0", info: { title: "Acme", version: "1.0.0", ...info }, servers, paths: {} }) as never;

test("a free-form variable is read from the environment and substituted; an enum one names its values", () => {
  const readme = renderReadme(
    vendor,
    document([
      {
        url: "https://{tenant}.{region}.acme.test/v1",
        variables: { tenant: { default: "your-tenant", description: "Your tenant id." }, region: { default: "eu", enum: ["eu", "us"] } },
      },
    ]),
  );
  expect(readme).toContain("// {tenant}: Your tenant id.");
  expect(readme).toContain('const tenant = process.env.ACME_TENANT ?? ""; // required: yours, not a default');
  expect(readme).toContain('const region = process.env.ACME_REGION ?? "eu"; // one of eu, us');
  // The README holds a template literal: `https://${tenant}.${region}.acme.test/v1`.
  const templateLiteral = ["`https://$", "{tenant}.$", "{region}.acme.test/v1`"].join("");
  expect(readme).toContain(`createClient<paths>({ baseUrl: ${templateLiteral} })`);
  expect(readme).toContain('createAcmeClient({ apiKey: process.env.ACME_API_KEY ?? "", tenant, region })');
  expect(readme).not.toMatch(/baseUrl: "https:\/\/\{/);
});

test("a server without variables is used as is; a sunset API says so", () => {
  const readme = renderReadme(vendor, document([{ url: "https://api.acme.test" }], { "x-sunset": "2027-06-30" }));
  expect(readme).toContain('createClient<paths>({ baseUrl: "https://api.acme.test" })');
  expect(readme).toContain("> **Deprecated:** the vendor retires this API on 2027-06-30");
});
