// The descriptor the generator derives from a bundled spec, table-driven: auth from securitySchemes,
// the host and client options from servers, the client's name, poll defaults, and the starts found
// through links.
import { describe, expect, test } from "vitest";
import { buildVendorDescriptor, DEFAULT_POLL } from "../src/model/vendor-descriptor.mjs";

// biome-ignore lint/suspicious/noExplicitAny: specs under test are built and patched freely
type Doc = Record<string, any>;

function spec(patch: (d: Doc) => void = () => undefined): Doc {
  const d: Doc = {
    openapi: "3.1.0",
    info: { title: "Acme API", version: "1.0.0" },
    servers: [{ url: "https://api.acme.test" }],
    security: [{ key: [] }],
    components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Acme-Key" } } },
    paths: {
      "/jobs": {
        post: {
          operationId: "startJob",
          requestBody: { content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            "202": {
              description: "Accepted.",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { job: { type: "object", properties: { id: { type: "string" } } } } },
                },
              },
              links: { status: { operationId: "getJob", parameters: { job_id: "$response.body#/job/id" } } },
            },
          },
        },
      },
      "/jobs/{job_id}": {
        get: {
          operationId: "getJob",
          parameters: [{ name: "job_id", in: "path", required: true, schema: { type: "integer" } }],
          "x-vendorspec-job": { status: "/status", states: { done: "succeeded" } },
          responses: {
            "200": {
              description: "The job.",
              content: { "application/json": { schema: { type: "object", properties: { status: { type: "string" } } } } },
            },
          },
        },
      },
    },
  };
  patch(d);
  return d;
}

const describeSpec = (d: Doc) => buildVendorDescriptor({ name: "acme-labs" }, d);

describe("buildVendorDescriptor", () => {
  test.each([
    ["an api key in a header", (d: Doc) => d, { type: "apiKey", in: "header", name: "X-Acme-Key" }],
    [
      "an api key in the query",
      (d: Doc) => (d.components.securitySchemes.key = { type: "apiKey", in: "query", name: "token" }),
      { type: "apiKey", in: "query", name: "token" },
    ],
    ["http bearer", (d: Doc) => (d.components.securitySchemes.key = { type: "http", scheme: "Bearer" }), { type: "bearer" }],
    ["no security", (d: Doc) => (d.security = []), { type: "none" }],
  ])("auth: %s", (_, patch, auth) => {
    expect(describeSpec(spec(patch)).auth).toEqual(auth);
  });

  test("an auth scheme the client cannot send is an error naming the scheme", () => {
    expect(() => describeSpec(spec((d) => (d.components.securitySchemes.key = { type: "oauth2", flows: {} })))).toThrow(
      /security scheme `key` \(oauth2\) is not supported/,
    );
  });

  test("a free-form server variable is a required option; one with an enum keeps its default", () => {
    const server = describeSpec(
      spec((d) => {
        d.servers = [
          {
            url: "https://{tenant-id}.{region}.acme.test",
            variables: { "tenant-id": { default: "your-tenant" }, region: { default: "eu", enum: ["eu", "us"] } },
          },
        ];
      }),
    ).server;
    expect(server.variables).toEqual({
      "tenant-id": { default: "your-tenant", option: "tenantId", required: true },
      region: { default: "eu", option: "region", required: false },
    });
  });

  test("the client name is the PascalCase folder name unless the spec names it", () => {
    expect(describeSpec(spec()).clientName).toBe("AcmeLabs");
    expect(describeSpec(spec((d) => (d.info["x-vendorspec-client-name"] = "ACMELabs"))).clientName).toBe("ACMELabs");
  });

  test("the job: its id parameter typed from the schema, starts from links, poll defaults", () => {
    const { job } = describeSpec(spec());
    expect(job).toMatchObject({
      statusOperation: "getJob",
      idParameter: { name: "job_id", in: "path", type: "integer" },
      starts: [{ operationId: "startJob", method: "post", path: "/jobs", statuses: [202], id: "/job/id" }],
      poll: DEFAULT_POLL,
      match: "exact",
      notFound: [],
    });
  });

  test("poll advice in seconds becomes milliseconds", () => {
    const { job } = describeSpec(
      spec((d) => (d.paths["/jobs/{job_id}"].get["x-vendorspec-job"].poll = { intervalSeconds: 2.5, timeoutSeconds: 90 })),
    );
    expect(job?.poll).toEqual({ intervalMs: 2500, timeoutMs: 90_000 });
  });

  test("a spec without a declaration has no job, and its operations are still listed", () => {
    const descriptor = describeSpec(spec((d) => delete d.paths["/jobs/{job_id}"].get["x-vendorspec-job"]));
    expect(descriptor.job).toBeNull();
    expect(Object.keys(descriptor.operations)).toEqual(["startJob", "getJob"]);
    expect(descriptor.operations.startJob?.requestMediaTypes).toEqual(["application/json"]);
  });
});
