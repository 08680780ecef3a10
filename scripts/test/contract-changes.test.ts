// The contract-change corpus: before/after pairs, one or more per rule and per non-breaking and
// docs-only kind, each with the rules it must produce (exactly) and therefore its class.
import { describe, expect, test } from "vitest";
import { findDisagreements } from "../src/contracts/compare-vendors.mjs";
import { diffSpecs } from "../src/contracts/diff-specs.mjs";
import { requiredBump } from "../src/contracts/required-bump.mjs";
import { RULES } from "../src/contracts/rules.mjs";
import { checkTypeCompatibility } from "../src/contracts/type-compatibility.mjs";

type Doc = Record<string, any>;

/** A small contract with a status GET and a start POST, sharing schemas through $refs. */
function baseSpec(): Doc {
  return {
    openapi: "3.1.0",
    info: { title: "Jobs", version: "1.0.0", description: "A jobs API." },
    security: [{ key: [] }],
    components: {
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" }, bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Job: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "string" },
            status: { type: "string", enum: ["QUEUED", "DONE"] },
            count: { type: "integer" },
            tags: { type: "array", items: { type: "string" } },
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
          },
        },
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
            "202": { description: "Accepted.", content: { "application/json": { schema: { $ref: "#/components/schemas/Job" } } } },
          },
        },
      },
    },
  };
}

const job = (d: Doc) => d.components.schemas.Job;
const input = (d: Doc) => d.components.schemas.Input;
const getJob = (d: Doc) => d.paths["/jobs/{id}"].get;
const startJob = (d: Doc) => d.paths["/jobs"].post;
/** The job declaration on getJob, and startJob's link to it. */
const declaration = (d: Doc) => getJob(d)["x-vendorspec-job"];
const link = { operationId: "getJob", parameters: { id: "$response.body#/id" } };
const withJob = (d: Doc, options: { link?: boolean } = {}) => {
  getJob(d)["x-vendorspec-job"] = { id: "/id", status: "/status", states: { QUEUED: "queued", DONE: "succeeded" } };
  if (options.link !== false) startJob(d).responses["202"].links = { status: structuredClone(link) };
};

type Case = [name: string, after: (d: Doc) => void, rules: string[], before?: (d: Doc) => void];

const CASES: Case[] = [
  ["operation removed", (d) => delete d.paths["/jobs"].post, ["operation-removed"]],
  ["path removed", (d) => delete d.paths["/jobs/{id}"], ["operation-removed"]],
  [
    "operation added",
    (d) => {
      d.paths["/jobs"].get = { operationId: "listJobs", responses: { "200": { description: "Jobs." } } };
    },
    ["operation-added"],
  ],
  [
    "operationId changed",
    (d) => {
      getJob(d).operationId = "fetchJob";
    },
    ["operation-id-changed"],
  ],
  [
    "success status removed",
    (d) => {
      startJob(d).responses = { "400": { description: "Bad." } };
    },
    ["success-status-removed", "response-status-added"],
  ],
  [
    "response media type replaced",
    (d) => {
      const r = getJob(d).responses["200"];
      r.content = { "application/xml": r.content["application/json"] };
    },
    ["media-type-removed", "media-type-added"],
  ],
  [
    "request media type removed",
    (d) => {
      const b = startJob(d).requestBody;
      b.content = { "multipart/form-data": b.content["application/json"] };
    },
    ["media-type-removed", "media-type-added"],
  ],
  [
    "media type added",
    (d) => {
      const r = getJob(d).responses["200"];
      r.content["application/xml"] = { schema: { type: "string" } };
    },
    ["media-type-added"],
  ],
  [
    "required query parameter added",
    (d) => getJob(d).parameters.push({ name: "tenant", in: "query", required: true, schema: { type: "string" } }),
    ["required-parameter-added"],
  ],
  [
    "optional query parameter added",
    (d) => getJob(d).parameters.push({ name: "expand", in: "query", required: false, schema: { type: "string" } }),
    ["optional-parameter-added"],
  ],
  [
    "required header parameter added",
    (d) => getJob(d).parameters.push({ name: "X-Tenant", in: "header", required: true, schema: { type: "string" } }),
    ["required-parameter-added"],
  ],
  [
    "parameter became required",
    (d) => {
      getJob(d).parameters[1].required = true;
    },
    ["parameter-became-required"],
  ],
  [
    "parameter became optional",
    (d) => {
      getJob(d).parameters[1].required = false;
    },
    ["parameter-became-optional"],
    (d) => {
      getJob(d).parameters[1].required = true;
    },
  ],
  ["parameter removed", (d) => getJob(d).parameters.pop(), ["request-parameter-removed"]],
  [
    "parameter type changed",
    (d) => {
      getJob(d).parameters[1].schema = { type: "string" };
    },
    ["type-changed"],
  ],
  [
    "required request property added",
    (d) => {
      input(d).properties.owner = { type: "string" };
      input(d).required.push("owner");
    },
    ["required-property-added"],
  ],
  [
    "optional request property added",
    (d) => {
      input(d).properties.owner = { type: "string" };
    },
    ["optional-property-added"],
  ],
  ["request property became required", (d) => input(d).required.push("note"), ["property-became-required"]],
  ["request property removed", (d) => delete input(d).properties.note, ["request-property-removed"]],
  [
    "request type changed",
    (d) => {
      input(d).properties.note.type = "integer";
    },
    ["type-changed"],
  ],
  [
    "request type widened to nullable",
    (d) => {
      input(d).properties.note.type = ["string", "null"];
    },
    ["request-type-widened"],
  ],
  [
    "request enum value removed",
    (d) => {
      input(d).properties.kind.enum = ["a"];
    },
    ["request-enum-value-removed"],
  ],
  [
    "request enum value added",
    (d) => {
      input(d).properties.kind.enum = ["a", "b", "c"];
    },
    ["request-enum-value-added"],
  ],
  [
    "request enum introduced",
    (d) => {
      input(d).properties.note.enum = ["x", "y"];
    },
    ["request-enum-value-removed"],
  ],
  [
    "request max length decreased",
    (d) => {
      input(d).properties.name.maxLength = 20;
    },
    ["request-constraint-tightened"],
  ],
  [
    "request max length increased",
    (d) => {
      input(d).properties.name.maxLength = 80;
    },
    ["request-constraint-relaxed"],
  ],
  [
    "request pattern added",
    (d) => {
      input(d).properties.note.pattern = "^[a-z]+$";
    },
    ["request-constraint-tightened"],
  ],
  [
    "request minimum increased",
    (d) => {
      input(d).properties.size.minimum = 5;
    },
    ["request-constraint-tightened"],
  ],
  [
    "request body became required",
    (d) => {
      startJob(d).requestBody.required = true;
    },
    ["request-body-became-required"],
    (d) => {
      startJob(d).requestBody.required = false;
    },
  ],
  ["response property removed", (d) => delete job(d).properties.count, ["response-property-removed", "response-property-removed"]],
  [
    "response property became optional",
    (d) => {
      job(d).required = ["id"];
    },
    ["response-property-became-optional", "response-property-became-optional"],
  ],
  [
    "response property became nullable",
    (d) => {
      job(d).properties.count.type = ["integer", "null"];
    },
    ["response-property-became-nullable", "response-property-became-nullable"],
  ],
  [
    "response enum value added",
    (d) => job(d).properties.status.enum.push("FAILED"),
    ["response-enum-value-added", "response-enum-value-added"],
  ],
  [
    "response enum value removed",
    (d) => {
      job(d).properties.status.enum = ["DONE"];
    },
    ["response-enum-value-removed", "response-enum-value-removed"],
  ],
  [
    "response property added",
    (d) => {
      job(d).properties.owner = { type: "string" };
    },
    ["response-property-added", "response-property-added"],
  ],
  [
    "response type changed",
    (d) => {
      job(d).properties.count.type = "string";
    },
    ["type-changed", "type-changed"],
  ],
  [
    "response array items changed",
    (d) => {
      job(d).properties.tags.items = { type: "integer" };
    },
    ["type-changed", "type-changed"],
  ],
  [
    "operation security changed",
    (d) => {
      getJob(d).security = [{ bearer: [] }];
    },
    ["security-changed"],
  ],
  [
    "global security changed",
    (d) => {
      d.security = [{ bearer: [] }];
    },
    ["security-changed", "security-changed"],
  ],
  [
    "response status added",
    (d) => {
      getJob(d).responses["500"] = { description: "Oops." };
    },
    ["response-status-added"],
  ],
  [
    "summary changed",
    (d) => {
      getJob(d).summary = "Read a job";
    },
    ["docs-changed"],
  ],
  [
    "description changed",
    (d) => {
      getJob(d).description = "Returns one job, by id.";
    },
    ["docs-changed"],
  ],
  [
    "info description changed",
    (d) => {
      d.info.description = "The jobs API.";
    },
    ["docs-changed"],
  ],
  [
    "example changed",
    (d) => {
      getJob(d).responses["200"].content["application/json"].example = { id: "2", status: "QUEUED" };
    },
    ["docs-changed"],
  ],
  [
    "schema description changed",
    (d) => {
      job(d).properties.count.description = "How many.";
    },
    ["docs-changed", "docs-changed"],
  ],
  [
    "schema moved behind a $ref",
    (d) => {
      d.components.schemas.Count = { type: "integer" };
      job(d).properties.count = { $ref: "#/components/schemas/Count" };
    },
    [],
  ],
  [
    "component renamed",
    (d) => {
      d.components.schemas.Task = job(d);
      delete d.components.schemas.Job;
      getJob(d).responses["200"].content["application/json"].schema.$ref = "#/components/schemas/Task";
      startJob(d).responses["202"].content["application/json"].schema.$ref = "#/components/schemas/Task";
    },
    [],
  ],
  ["nothing changed", () => undefined, []],
  ["job declared", (d) => withJob(d), ["job-declaration-added"]],
  ["job declaration removed", (d) => delete getJob(d)["x-vendorspec-job"], ["job-declaration-removed"], withJob],
  ["status word remapped to another end state", (d) => (declaration(d).states.DONE = "failed"), ["job-word-remapped"], withJob],
  ["status word removed", (d) => delete declaration(d).states.QUEUED, ["job-word-removed"], withJob],
  ["status word mapped", (d) => (declaration(d).states.PAUSED = "queued"), ["job-word-added"], withJob],
  ["no-such-job word added", (d) => (declaration(d).notFound = ["GONE"]), ["job-word-added"], withJob],
  ["status read elsewhere", (d) => (declaration(d).status = "/state"), ["job-pointer-changed"], withJob],
  ["words matched case-insensitively", (d) => (declaration(d).match = "case-insensitive"), ["job-match-changed"], withJob],
  ["start link removed", (d) => delete startJob(d).responses["202"].links, ["job-start-removed"], withJob],
  [
    "start link added",
    (d) => (startJob(d).responses["202"].links = { status: structuredClone(link) }),
    ["job-start-added"],
    (d) => withJob(d, { link: false }),
  ],
  ["poll advice changed", (d) => (declaration(d).poll = { intervalSeconds: 2 }), ["job-poll-changed"], withJob],
  ["job declaration unchanged", () => undefined, [], withJob],
];

describe("diffSpecs", () => {
  test("the corpus has at least 40 pairs and covers every rule", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(CASES.flatMap(([, , rules]) => rules));
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule))).toEqual([]);
  });

  test.each(CASES)("%s", (_, mutateAfter, rules, mutateBefore) => {
    const before = baseSpec();
    mutateBefore?.(before);
    const after = structuredClone(before);
    mutateAfter(after);
    const changes = diffSpecs(before, after);
    expect(changes.map((c) => c.rule).sort()).toEqual([...rules].sort());
    for (const change of changes) {
      expect(change.class).toBe(RULES[change.rule]?.class);
      expect(change.pointer).toMatch(/^\//);
    }
  });
});

describe("requiredBump", () => {
  test.each([
    [[], "1.2.0", "none"],
    [[{ class: "docs-only" }], "1.2.0", "patch"],
    [[{ class: "docs-only" }, { class: "non-breaking" }], "1.2.0", "minor"],
    [[{ class: "breaking" }], "1.2.0", "major"],
    [[{ class: "breaking" }], "0.3.1", "minor"],
  ] as const)("%j at %s needs %s", (changes, version, bump) => {
    expect(requiredBump([...changes], version)).toBe(bump);
  });
});

describe("type compatibility (the second signal)", () => {
  type TypeCase = [name: string, after: (d: Doc) => void, breaks: Array<[operationId: string, where: RegExp]>, ruleSeesIt: boolean];
  const TYPE_CASES: TypeCase[] = [
    [
      "a response enum value added",
      (d) => job(d).properties.status.enum.push("FAILED"),
      [
        ["getJob", /response 200/],
        ["startJob", /response 202/],
      ],
      true,
    ],
    [
      "a required request property added",
      (d) => {
        input(d).properties.owner = { type: "string" };
        input(d).required.push("owner");
      },
      [["startJob", /request body/]],
      true,
    ],
    [
      "a required query parameter added",
      (d) => getJob(d).parameters.push({ name: "tenant", in: "query", required: true, schema: { type: "string" } }),
      [["getJob", /parameters/]],
      true,
    ],
    // Only the compiler can tell: the rules do not compare `const` or `additionalProperties`.
    [
      "a response const changed",
      (d) => {
        job(d).properties.kind = { type: "string", const: "v2" };
      },
      [
        ["getJob", /response 200/],
        ["startJob", /response 202/],
      ],
      false,
    ],
    [
      "a response map's value type changed",
      (d) => {
        job(d).properties.meta.additionalProperties = { type: "integer" };
      },
      [
        ["getJob", /response 200/],
        ["startJob", /response 202/],
      ],
      false,
    ],
    [
      "an optional response property added",
      (d) => {
        job(d).properties.owner = { type: "string" };
      },
      [],
      true,
    ],
    [
      "a request max length decreased (invisible to types)",
      (d) => {
        input(d).properties.name.maxLength = 5;
      },
      [],
      true,
    ],
  ];
  const withExtras = () => {
    const d = baseSpec();
    job(d).properties.kind = { type: "string", const: "v1" };
    job(d).properties.meta = { type: "object", additionalProperties: { type: "string" } };
    return d;
  };

  test.each(TYPE_CASES)("%s", async (_, mutate, expected, ruleSeesIt) => {
    const before = withExtras();
    const after = structuredClone(before);
    mutate(after);
    const breaks = await checkTypeCompatibility(before, after);
    expect(breaks.map((b) => b.operationId).sort()).toEqual(expected.map(([op]) => op).sort());
    for (const [operationId, where] of expected) {
      const found = breaks.find((b) => b.operationId === operationId);
      expect(found?.where).toMatch(where);
      expect(found?.diagnostic).toMatch(/^TS\d+: /);
    }
    const changes = diffSpecs(before, after);
    const disagreements = findDisagreements(after, changes, breaks);
    const rulesBreak = changes.some((c) => c.class === "breaking");
    if (expected.length > 0 && !ruleSeesIt) {
      expect(rulesBreak).toBe(false);
      expect(disagreements.join("\n")).toMatch(/the generated types break .* no rule fired/);
    }
    if (expected.length === 0 && rulesBreak)
      expect(disagreements.join("\n")).toMatch(/the rules say breaking .* the generated types stay compatible/);
    if (expected.length > 0 && ruleSeesIt) expect(disagreements).toEqual([]);
  });
});
