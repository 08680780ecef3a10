// The small contract every rule pair starts from: a status GET, a start POST and the schemas they
// use, each response schema used once so a change to it is reported once.
// biome-ignore lint/suspicious/noExplicitAny: rule pairs edit any corner of a spec; typing each edit would hide what it changes
export type Doc = Record<string, any>;

export function baseSpec(): Doc {
  return {
    openapi: "3.1.0",
    info: { title: "Jobs", version: "1.0.0", description: "A jobs API." },
    security: [{ key: [] }],
    components: {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: "X-Key" },
        bearer: { type: "http", scheme: "bearer" },
        oauth: {
          type: "oauth2",
          flows: { clientCredentials: { tokenUrl: "https://auth.example/token", scopes: { read: "r", write: "w" } } },
        },
      },
      schemas: {
        Job: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "string" },
            status: { type: "string", enum: ["QUEUED", "DONE"] },
            count: { type: "integer" },
            tags: { type: "array", items: { type: "string" } },
            n: { type: "number" },
            s: { type: "string" },
            arr: { type: "array", items: { type: "string" } },
            obj: { type: "object", properties: { k: { type: "string" } } },
          },
        },
        Input: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", maxLength: 50 },
            note: { type: "string" },
            kind: { type: "string", enum: ["a", "b"] },
            size: { type: "integer", minimum: 1 },
            n: { type: "number" },
            s: { type: "string" },
            arr: { type: "array", items: { type: "string" } },
            obj: { type: "object", properties: { k: { type: "string" } } },
          },
        },
        Accepted: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      },
    },
    paths: {
      "/jobs/{id}": {
        get: {
          operationId: "getJob",
          summary: "Get a job",
          description: "Returns one job.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "verbose", in: "query", required: false, schema: { type: "boolean" } },
          ],
          responses: {
            "200": {
              description: "The job.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Job" }, example: { id: "1", status: "DONE" } } },
            },
            "404": { description: "Not found." },
          },
        },
      },
      "/jobs": {
        post: {
          operationId: "startJob",
          summary: "Start a job",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Input" } } } },
          responses: {
            "202": {
              description: "Accepted.",
              headers: {
                Location: { required: true, schema: { type: "string" } },
                "X-Request-Id": { schema: { type: "string" } },
                "X-Count": { schema: { type: "integer" } },
              },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Accepted" } } },
            },
          },
        },
      },
    },
  };
}

export const job = (d: Doc) => d.components.schemas.Job;
export const input = (d: Doc) => d.components.schemas.Input;
export const getJob = (d: Doc) => d.paths["/jobs/{id}"].get;
export const startJob = (d: Doc) => d.paths["/jobs"].post;
export const accepted = (d: Doc) => startJob(d).responses["202"];
