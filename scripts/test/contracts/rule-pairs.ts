// Given/want pairs, one or more per rule: a base spec, an edit, the rules the diff must report
// (exactly). Grouped by the comparator that owns the rule.
import { accepted, baseSpec, type Doc, getJob, input, job, startJob } from "./base-spec.js";

export type Pair = [name: string, after: (d: Doc) => void, rules: string[], before?: (d: Doc) => void];

const link = { operationId: "getJob", parameters: { id: "$response.body#/id" } };
const declaration = (d: Doc) => getJob(d)["x-vendorspec-job"];
const withJob = (d: Doc, options: { link?: boolean } = {}) => {
  getJob(d)["x-vendorspec-job"] = { id: "/id", status: "/status", states: { QUEUED: "queued", DONE: "succeeded" } };
  if (options.link !== false) accepted(d).links = { status: structuredClone(link) };
};
const deprecate = (sunset?: string) => (d: Doc) => {
  getJob(d).deprecated = true;
  if (sunset) getJob(d)["x-sunset"] = sunset;
};

export const OPERATION_PAIRS: Pair[] = [
  ["operation removed", (d) => delete d.paths["/jobs"].post, ["operation-removed"]],
  ["path removed", (d) => delete d.paths["/jobs/{id}"], ["operation-removed"]],
  ["deprecated operation removed before its sunset", (d) => delete d.paths["/jobs/{id}"], ["operation-removed"], deprecate("2999-01-01")],
  [
    "deprecated operation removed after its sunset",
    (d) => delete d.paths["/jobs/{id}"],
    ["operation-removed-after-deprecation"],
    deprecate("2020-01-01"),
  ],
  [
    "deprecated operation with no sunset removed",
    (d) => delete d.paths["/jobs/{id}"],
    ["operation-removed-after-deprecation"],
    deprecate(),
  ],
  [
    "alpha operation removed",
    (d) => delete d.paths["/jobs/{id}"],
    ["operation-removed-after-deprecation"],
    (d) => (getJob(d)["x-stability-level"] = "alpha"),
  ],
  [
    "operation added",
    (d) => (d.paths["/jobs"].get = { operationId: "listJobs", responses: { "200": { description: "Jobs." } } }),
    ["operation-added"],
  ],
  ["operationId changed", (d) => (getJob(d).operationId = "fetchJob"), ["operation-id-changed"]],
  ["operation deprecated", deprecate(), ["operation-deprecated"]],
  ["operation deprecated with a sunset", deprecate("2030-01-01"), ["operation-deprecated", "operation-sunset-changed"]],
  ["operation reactivated", (d) => delete getJob(d).deprecated, ["operation-reactivated"], deprecate()],
  ["sunset brought forward", (d) => (getJob(d)["x-sunset"] = "2029-01-01"), ["operation-sunset-earlier"], deprecate("2030-01-01")],
  ["sunset postponed", (d) => (getJob(d)["x-sunset"] = "2031-01-01"), ["operation-sunset-changed"], deprecate("2030-01-01")],
  [
    "path parameter renamed (same route, the parameter is another)",
    (d) => {
      const item = d.paths["/jobs/{id}"];
      delete d.paths["/jobs/{id}"];
      item.get.parameters[0].name = "jobId";
      d.paths["/jobs/{jobId}"] = item;
    },
    ["path-parameter-renamed"],
  ],
  [
    "path parameter renamed and retyped",
    (d) => {
      const item = d.paths["/jobs/{id}"];
      delete d.paths["/jobs/{id}"];
      item.get.parameters[0] = { name: "jobId", in: "path", required: true, schema: { type: "integer" } };
      d.paths["/jobs/{jobId}"] = item;
    },
    ["path-parameter-renamed", "request-type-changed"],
  ],
];

export const PARAMETER_PAIRS: Pair[] = [
  [
    "required query parameter added",
    (d) => getJob(d).parameters.push({ name: "tenant", in: "query", required: true, schema: { type: "string" } }),
    ["required-parameter-added"],
  ],
  [
    "required header parameter added",
    (d) => getJob(d).parameters.push({ name: "X-Tenant", in: "header", required: true, schema: { type: "string" } }),
    ["required-parameter-added"],
  ],
  [
    "optional query parameter added",
    (d) => getJob(d).parameters.push({ name: "expand", in: "query", schema: { type: "string" } }),
    ["optional-parameter-added"],
  ],
  ["parameter became required", (d) => (getJob(d).parameters[1].required = true), ["parameter-became-required"]],
  [
    "parameter became optional",
    (d) => (getJob(d).parameters[1].required = false),
    ["parameter-became-optional"],
    (d) => (getJob(d).parameters[1].required = true),
  ],
  ["parameter removed", (d) => getJob(d).parameters.pop(), ["request-parameter-removed"]],
  ["parameter default added", (d) => (getJob(d).parameters[1].schema.default = true), ["parameter-default-changed"]],
  [
    "parameter default changed",
    (d) => (getJob(d).parameters[1].schema.default = true),
    ["parameter-default-changed"],
    (d) => (getJob(d).parameters[1].schema.default = false),
  ],
  ["parameter serialization changed", (d) => (getJob(d).parameters[1].explode = false), ["parameter-serialization-changed"]],
  ["parameter default style spelled out (no change)", (d) => Object.assign(getJob(d).parameters[1], { style: "form", explode: true }), []],
  ["parameter deprecated", (d) => (getJob(d).parameters[1].deprecated = true), ["parameter-deprecated"]],
  [
    "parameter reactivated",
    (d) => delete getJob(d).parameters[1].deprecated,
    ["parameter-reactivated"],
    (d) => (getJob(d).parameters[1].deprecated = true),
  ],
  ["parameter type changed", (d) => (getJob(d).parameters[1].schema = { type: "string" }), ["request-type-changed"]],
  [
    "header parameter name changes case (no change on the wire)",
    (d) => (getJob(d).parameters[2].name = "x-tenant"),
    [],
    (d) => getJob(d).parameters.push({ name: "X-Tenant", in: "header", schema: { type: "string" } }),
  ],
  [
    "parameter widened from integer to number",
    (d) => (getJob(d).parameters[2].schema.type = "number"),
    ["request-type-relaxed"],
    (d) => getJob(d).parameters.push({ name: "limit", in: "query", schema: { type: "integer" } }),
  ],
  [
    "parameter max lowered",
    (d) => (getJob(d).parameters[2].schema.maximum = 50),
    ["request-maximum-tightened"],
    (d) => getJob(d).parameters.push({ name: "limit", in: "query", schema: { type: "integer", maximum: 100 } }),
  ],
];

const body = (required: boolean) => ({ required, content: { "application/json": { schema: { $ref: "#/components/schemas/Input" } } } });

export const REQUEST_BODY_PAIRS: Pair[] = [
  [
    "required request body added",
    (d) => (startJob(d).requestBody = body(true)),
    ["request-body-added-required"],
    (d) => delete startJob(d).requestBody,
  ],
  [
    "optional request body added",
    (d) => (startJob(d).requestBody = body(false)),
    ["request-body-added-optional"],
    (d) => delete startJob(d).requestBody,
  ],
  ["request body removed", (d) => delete startJob(d).requestBody, ["request-body-removed"]],
  [
    "request body became required",
    (d) => (startJob(d).requestBody.required = true),
    ["request-body-became-required"],
    (d) => (startJob(d).requestBody.required = false),
  ],
  ["request body became optional", (d) => (startJob(d).requestBody.required = false), ["request-body-became-optional"]],
  [
    "request media type replaced",
    (d) => {
      const b = startJob(d).requestBody;
      b.content = { "multipart/form-data": b.content["application/json"] };
    },
    ["request-media-type-removed", "request-media-type-added"],
  ],
  [
    "request media type added",
    (d) => (startJob(d).requestBody.content["application/xml"] = { schema: { type: "string" } }),
    ["request-media-type-added"],
  ],
  [
    "request media schema added",
    (d) => (startJob(d).requestBody.content["text/plain"] = { schema: { type: "string" } }),
    ["request-media-schema-added"],
    (d) => (startJob(d).requestBody.content["text/plain"] = {}),
  ],
  [
    "request media schema removed",
    (d) => (startJob(d).requestBody.content["text/plain"] = {}),
    ["request-media-schema-removed"],
    (d) => (startJob(d).requestBody.content["text/plain"] = { schema: { type: "string" } }),
  ],
];

export const RESPONSE_PAIRS: Pair[] = [
  [
    "success status removed",
    (d) => (startJob(d).responses = { "400": { description: "Bad." } }),
    ["success-status-removed", "response-status-added"],
  ],
  ["error status no longer documented", (d) => delete getJob(d).responses["404"], ["non-success-status-removed"]],
  ["response status added", (d) => (getJob(d).responses["500"] = { description: "Oops." }), ["response-status-added"]],
  [
    "response media type replaced",
    (d) => {
      const r = getJob(d).responses["200"];
      r.content = { "application/xml": r.content["application/json"] };
    },
    ["response-media-type-removed", "response-media-type-added"],
  ],
  [
    "response media type removed",
    (d) => delete getJob(d).responses["200"].content["text/csv"],
    ["response-media-type-removed"],
    (d) => (getJob(d).responses["200"].content["text/csv"] = { schema: { type: "string" } }),
  ],
  [
    "response media type added",
    (d) => (getJob(d).responses["200"].content["application/xml"] = { schema: { type: "string" } }),
    ["response-media-type-added"],
  ],
  [
    "response media schema removed",
    (d) => delete getJob(d).responses["200"].content["application/json"].schema,
    ["response-media-schema-removed"],
  ],
  [
    "response media schema added",
    (d) => (getJob(d).responses["200"].content["text/csv"] = { schema: { type: "string" } }),
    ["response-media-schema-added"],
    (d) => (getJob(d).responses["200"].content["text/csv"] = {}),
  ],
];

export const HEADER_PAIRS: Pair[] = [
  ["required response header removed", (d) => delete accepted(d).headers.Location, ["response-header-removed"]],
  ["optional response header removed", (d) => delete accepted(d).headers["X-Request-Id"], ["response-header-removed"]],
  ["response header became optional", (d) => delete accepted(d).headers.Location.required, ["response-header-became-optional"]],
  ["response header became required", (d) => (accepted(d).headers["X-Request-Id"].required = true), ["response-header-became-required"]],
  ["response header added", (d) => (accepted(d).headers["X-Trace"] = { schema: { type: "string" } }), ["response-header-added"]],
  [
    "response header widened from integer to number",
    (d) => (accepted(d).headers["X-Count"].schema.type = "number"),
    ["response-type-relaxed"],
  ],
  [
    "response header narrowed from number to integer",
    (d) => (accepted(d).headers["X-Count"].schema.type = "integer"),
    ["response-type-tightened"],
    (d) => (accepted(d).headers["X-Count"].schema.type = "number"),
  ],
  ["response header type changed", (d) => (accepted(d).headers["X-Count"].schema.type = "boolean"), ["response-type-changed"]],
  [
    "response header enum value added",
    (d) => (accepted(d).headers.Location.schema.enum = ["a", "b"]),
    ["response-enum-value-added"],
    (d) => (accepted(d).headers.Location.schema.enum = ["a"]),
  ],
  [
    "response header renamed in case only (no change)",
    (d) => {
      const h = accepted(d).headers;
      h.location = h.Location;
      delete h.Location;
    },
    [],
  ],
];

const setIn = (pick: (d: Doc) => Doc, key: string, value: unknown) => (d: Doc) => {
  if (value === undefined) delete pick(d)[key];
  else pick(d)[key] = value;
};
const req = (name: string) => (d: Doc) => input(d).properties[name];
const res = (name: string) => (d: Doc) => job(d).properties[name];

export const SCHEMA_PAIRS: Pair[] = [
  ["request requires a name it does not describe", (d) => input(d).required.push("extra"), ["request-property-became-required"]],
  [
    "response no longer requires a name it does not describe",
    (d) => (job(d).required = ["id", "status"]),
    ["response-property-became-optional"],
    (d) => job(d).required.push("extra"),
  ],
  ["request keyword added (not)", setIn(req("note"), "not", { const: "x" }), ["request-keyword-tightened"]],
  [
    "request keyword removed (not)",
    setIn(req("note"), "not", undefined),
    ["request-keyword-relaxed"],
    setIn(req("note"), "not", { const: "x" }),
  ],
  [
    "request keyword changed (not)",
    setIn(req("note"), "not", { const: "y" }),
    ["request-keyword-changed"],
    setIn(req("note"), "not", { const: "x" }),
  ],
  ["request array items constraint removed", setIn(req("arr"), "items", undefined), ["request-keyword-relaxed"]],
  [
    "response keyword added (patternProperties)",
    setIn(res("obj"), "patternProperties", { "^x": { type: "string" } }),
    ["response-keyword-tightened"],
  ],
  [
    "response keyword removed (contains)",
    setIn(res("arr"), "contains", undefined),
    ["response-keyword-relaxed"],
    setIn(res("arr"), "contains", { const: "x" }),
  ],
  [
    "response keyword changed (not)",
    setIn(res("s"), "not", { const: "y" }),
    ["response-keyword-changed"],
    setIn(res("s"), "not", { const: "x" }),
  ],
  [
    "request XML body now a string (loosely typed: compatible)",
    (d) => (startJob(d).requestBody.content["application/xml"].schema.type = "string"),
    ["request-type-relaxed"],
    (d) => (startJob(d).requestBody.content["application/xml"] = { schema: { type: "object" } }),
  ],
  [
    "request JSON body now a string (strongly typed: breaks)",
    (d) => (startJob(d).requestBody.content["application/problem+json"].schema.type = "string"),
    ["request-type-changed"],
    (d) => (startJob(d).requestBody.content["application/problem+json"] = { schema: { type: "object" } }),
  ],
  [
    "required request property added",
    (d) => {
      input(d).properties.owner = { type: "string" };
      input(d).required.push("owner");
    },
    ["request-required-property-added"],
  ],
  [
    "readOnly request property added as required (never sent)",
    (d) => {
      input(d).properties.owner = { type: "string", readOnly: true };
      input(d).required.push("owner");
    },
    ["request-optional-property-added"],
  ],
  ["optional request property added", (d) => (input(d).properties.owner = { type: "string" }), ["request-optional-property-added"]],
  ["request property became required", (d) => input(d).required.push("note"), ["request-property-became-required"]],
  ["request property became optional", (d) => (input(d).required = []), ["request-property-became-optional"]],
  ["request property removed", (d) => delete input(d).properties.note, ["request-property-removed"]],
  ["request type changed", setIn(req("note"), "type", "integer"), ["request-type-changed"]],
  ["request integer widened to number", setIn(req("size"), "type", "number"), ["request-type-relaxed"]],
  ["request number narrowed to integer", setIn(req("n"), "type", "integer"), ["request-type-tightened"]],
  ["request now nullable", setIn(req("note"), "type", ["string", "null"]), ["request-nullable-relaxed"]],
  [
    "request no longer nullable",
    setIn(req("note"), "type", "string"),
    ["request-nullable-tightened"],
    setIn(req("note"), "type", ["string", "null"]),
  ],
  ["request format added", setIn(req("s"), "format", "email"), ["request-format-tightened"]],
  ["request format removed", setIn(req("s"), "format", undefined), ["request-format-relaxed"], setIn(req("s"), "format", "email")],
  [
    "request format int32 → int64",
    setIn(req("size"), "format", "int64"),
    ["request-format-relaxed"],
    setIn(req("size"), "format", "int32"),
  ],
  ["request format changed", setIn(req("s"), "format", "uuid"), ["request-format-changed"], setIn(req("s"), "format", "date")],
  ["request pattern added", setIn(req("note"), "pattern", "^[a-z]+$"), ["request-pattern-tightened"]],
  [
    "request pattern removed",
    setIn(req("note"), "pattern", undefined),
    ["request-pattern-relaxed"],
    setIn(req("note"), "pattern", "^[a-z]+$"),
  ],
  [
    "request pattern now matches anything",
    setIn(req("note"), "pattern", ".*"),
    ["request-pattern-relaxed"],
    setIn(req("note"), "pattern", "^[a-z]+$"),
  ],
  [
    "request pattern changed",
    setIn(req("note"), "pattern", "^[0-9]+$"),
    ["request-pattern-changed"],
    setIn(req("note"), "pattern", "^[a-z]+$"),
  ],
  ["request enum value added", setIn(req("kind"), "enum", ["a", "b", "c"]), ["request-enum-value-added"]],
  ["request enum value removed", setIn(req("kind"), "enum", ["a"]), ["request-enum-value-removed"]],
  ["request became an enum", setIn(req("note"), "enum", ["x", "y"]), ["request-enum-tightened"]],
  ["request no longer an enum", setIn(req("kind"), "enum", undefined), ["request-enum-relaxed"]],
  ["request const added", setIn(req("note"), "const", "x"), ["request-const-tightened"]],
  ["request const removed", setIn(req("note"), "const", undefined), ["request-const-relaxed"], setIn(req("note"), "const", "x")],
  ["request const changed", setIn(req("note"), "const", "y"), ["request-const-changed"], setIn(req("note"), "const", "x")],
  ["request property default changed", setIn(req("note"), "default", "y"), ["request-default-changed"], setIn(req("note"), "default", "x")],
  [
    "request variant added",
    (d) => req("s")(d).oneOf.push({ type: "integer" }),
    ["request-variant-added"],
    (d) => Object.assign(req("s")(d), { type: undefined, oneOf: [{ type: "string" }] }),
  ],
  [
    "request variant removed",
    (d) => req("s")(d).oneOf.pop(),
    ["request-variant-removed"],
    (d) => (input(d).properties.s = { oneOf: [{ type: "string" }, { type: "integer" }] }),
  ],
  [
    "request variant edited in place",
    (d) => (req("s")(d).oneOf[1].minimum = 5),
    ["request-minimum-tightened"],
    (d) => (input(d).properties.s = { oneOf: [{ type: "string" }, { type: "integer" }] }),
  ],
  ["property deprecated", setIn(req("note"), "deprecated", true), ["schema-deprecated"]],
  [
    "property no longer deprecated",
    setIn(req("note"), "deprecated", undefined),
    ["schema-reactivated"],
    setIn(req("note"), "deprecated", true),
  ],
  ["request nested array item type changed", (d) => (req("arr")(d).items = { type: "integer" }), ["request-type-changed"]],

  ["response property added", (d) => (job(d).properties.owner = { type: "string" }), ["response-property-added"]],
  ["response property removed", (d) => delete job(d).properties.count, ["response-property-removed"]],
  [
    "response required property removed",
    (d) => {
      delete job(d).properties.id;
      job(d).required = ["status"];
    },
    ["response-property-removed"],
  ],
  ["response property became optional", (d) => (job(d).required = ["id"]), ["response-property-became-optional"]],
  ["response property became required", (d) => job(d).required.push("count"), ["response-property-became-required"]],
  [
    "writeOnly response property became required (never returned)",
    (d) => job(d).required.push("s"),
    [],
    setIn(res("s"), "writeOnly", true),
  ],
  ["response type changed", setIn(res("count"), "type", "string"), ["response-type-changed"]],
  ["response integer widened to number", setIn(res("count"), "type", "number"), ["response-type-relaxed"]],
  ["response number narrowed to integer", setIn(res("n"), "type", "integer"), ["response-type-tightened"]],
  ["response now nullable", setIn(res("count"), "type", ["integer", "null"]), ["response-nullable-relaxed"]],
  [
    "response no longer nullable",
    setIn(res("count"), "type", "integer"),
    ["response-nullable-tightened"],
    setIn(res("count"), "type", ["integer", "null"]),
  ],
  ["response format added", setIn(res("s"), "format", "date-time"), ["response-format-tightened"]],
  ["response format removed", setIn(res("s"), "format", undefined), ["response-format-relaxed"], setIn(res("s"), "format", "date-time")],
  [
    "response format int32 → int64",
    setIn(res("count"), "format", "int64"),
    ["response-format-relaxed"],
    setIn(res("count"), "format", "int32"),
  ],
  ["response format changed", setIn(res("s"), "format", "date"), ["response-format-changed"], setIn(res("s"), "format", "uuid")],
  ["response pattern added", setIn(res("s"), "pattern", "^[a-z]+$"), ["response-pattern-changed"]],
  ["response pattern removed", setIn(res("s"), "pattern", undefined), ["response-pattern-changed"], setIn(res("s"), "pattern", "^[a-z]+$")],
  ["response enum value added", (d) => job(d).properties.status.enum.push("FAILED"), ["response-enum-value-added"]],
  ["response enum value removed", setIn(res("status"), "enum", ["DONE"]), ["response-enum-value-removed"]],
  ["response became an enum", setIn(res("s"), "enum", ["x"]), ["response-enum-tightened"]],
  ["response no longer an enum", setIn(res("status"), "enum", undefined), ["response-enum-relaxed"]],
  ["response const added", setIn(res("s"), "const", "x"), ["response-const-tightened"]],
  ["response const removed", setIn(res("s"), "const", undefined), ["response-const-relaxed"], setIn(res("s"), "const", "x")],
  ["response const changed", setIn(res("s"), "const", "y"), ["response-const-changed"], setIn(res("s"), "const", "x")],
  ["response default changed", setIn(res("s"), "default", "y"), ["response-default-changed"], setIn(res("s"), "default", "x")],
  [
    "response variant added",
    (d) => res("s")(d).anyOf.push({ type: "integer" }),
    ["response-variant-added"],
    (d) => (job(d).properties.s = { anyOf: [{ type: "string" }] }),
  ],
  [
    "response variant removed",
    (d) => res("s")(d).anyOf.pop(),
    ["response-variant-removed"],
    (d) => (job(d).properties.s = { anyOf: [{ type: "string" }, { type: "integer" }] }),
  ],
  ["response array items changed", (d) => (job(d).properties.tags.items = { type: "integer" }), ["response-type-changed"]],
  ["response nested property removed", (d) => delete res("obj")(d).properties.k, ["response-property-removed"]],
  [
    "schema moved behind a $ref (no change)",
    (d) => {
      d.components.schemas.Count = { type: "integer" };
      job(d).properties.count = { $ref: "#/components/schemas/Count" };
    },
    [],
  ],
  [
    "component renamed (no change)",
    (d) => {
      d.components.schemas.Task = job(d);
      delete d.components.schemas.Job;
      getJob(d).responses["200"].content["application/json"].schema.$ref = "#/components/schemas/Task";
    },
    [],
  ],
  [
    "properties moved into an allOf base (no change)",
    (d) => {
      const { id, status, ...rest } = job(d).properties;
      d.components.schemas.Base = { type: "object", required: ["id", "status"], properties: { id, status } };
      d.components.schemas.Job = { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: rest }] };
    },
    [],
  ],
  [
    "recursive schema edited (terminates)",
    (d) => (d.components.schemas.Node.properties.label = { type: "string" }),
    ["response-property-added"],
    (d) => {
      d.components.schemas.Node = { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } };
      job(d).properties.tree = { $ref: "#/components/schemas/Node" };
    },
  ],
];

/**
 * The bounds and flags judged as tightened or relaxed, with a host property of the right type and
 * a before → after that tightens (relaxing is the same pair reversed).
 */
const CONSTRAINTS: Array<[keyword: string, aspect: string, host: string, from: unknown, to: unknown]> = [
  ["maxLength", "max-length", "s", 10, 5],
  ["minLength", "min-length", "s", 1, 5],
  ["maximum", "maximum", "n", 10, 5],
  ["minimum", "minimum", "n", 1, 5],
  ["exclusiveMaximum", "exclusive-maximum", "n", 10, 5],
  ["exclusiveMinimum", "exclusive-minimum", "n", 1, 5],
  ["maxItems", "max-items", "arr", 10, 5],
  ["minItems", "min-items", "arr", 1, 5],
  ["maxProperties", "max-properties", "obj", 10, 5],
  ["minProperties", "min-properties", "obj", 1, 5],
  ["maxContains", "max-contains", "arr", 10, 5],
  ["minContains", "min-contains", "arr", 1, 5],
  ["multipleOf", "multiple-of", "n", 5, 10],
  ["uniqueItems", "unique-items", "arr", undefined, true],
  ["additionalProperties", "additional-properties", "obj", undefined, false],
];

export const CONSTRAINT_PAIRS: Pair[] = CONSTRAINTS.flatMap(([keyword, aspect, host, from, to]) =>
  (["request", "response"] as const).flatMap((direction): Pair[] => {
    const pick = direction === "request" ? req(host) : res(host);
    return [
      [
        `${direction} ${keyword} ${JSON.stringify(from)} → ${JSON.stringify(to)}`,
        setIn(pick, keyword, to),
        [`${direction}-${aspect}-tightened`],
        setIn(pick, keyword, from),
      ],
      [
        `${direction} ${keyword} ${JSON.stringify(to)} → ${JSON.stringify(from)}`,
        setIn(pick, keyword, from),
        [`${direction}-${aspect}-relaxed`],
        setIn(pick, keyword, to),
      ],
    ];
  }),
);

export const SECURITY_PAIRS: Pair[] = [
  ["scheme required on top of the key", (d) => (getJob(d).security = [{ key: [], bearer: [] }]), ["security-requirement-added"]],
  ["scheme replaced", (d) => (getJob(d).security = [{ bearer: [] }]), ["security-requirement-added"]],
  [
    "security added to an open operation",
    (d) => (getJob(d).security = [{ key: [] }]),
    ["security-requirement-added"],
    (d) => (getJob(d).security = []),
  ],
  [
    "scope added",
    (d) => (getJob(d).security = [{ oauth: ["read", "write"] }]),
    ["security-scope-added"],
    (d) => (getJob(d).security = [{ oauth: ["read"] }]),
  ],
  [
    "scheme dropped from a pair",
    (d) => (getJob(d).security = [{ key: [] }]),
    ["security-requirement-removed"],
    (d) => (getJob(d).security = [{ key: [], bearer: [] }]),
  ],
  [
    "scope dropped",
    (d) => (getJob(d).security = [{ oauth: ["read"] }]),
    ["security-scope-removed"],
    (d) => (getJob(d).security = [{ oauth: ["read", "write"] }]),
  ],
  ["alternative accepted", (d) => (getJob(d).security = [{ key: [] }, { bearer: [] }]), ["security-alternative-added"]],
  ["global security removed", (d) => (d.security = []), ["security-requirement-removed", "security-requirement-removed"]],
  [
    "global security moved onto each operation (no change)",
    (d) => {
      delete d.security;
      getJob(d).security = [{ key: [] }];
      startJob(d).security = [{ key: [] }];
    },
    [],
  ],
  ["api key header renamed", (d) => (d.components.securitySchemes.key.name = "X-Api-Key"), ["security-scheme-changed"]],
  [
    "oauth token URL changed (docs of the flow, no change to callers)",
    (d) => (d.components.securitySchemes.oauth.flows.clientCredentials.tokenUrl = "https://auth.example/v2/token"),
    [],
  ],
];

export const DOCS_PAIRS: Pair[] = [
  ["API sunset announced", (d) => (d.info["x-sunset"] = "2027-12-31"), ["api-sunset-changed"]],
  [
    "API sunset brought forward",
    (d) => (d.info["x-sunset"] = "2027-06-30"),
    ["api-sunset-earlier"],
    (d) => (d.info["x-sunset"] = "2027-12-31"),
  ],
  ["summary changed", (d) => (getJob(d).summary = "Read a job"), ["docs-changed"]],
  ["description changed", (d) => (getJob(d).description = "Returns one job, by id."), ["docs-changed"]],
  ["info description changed", (d) => (d.info.description = "The jobs API."), ["docs-changed"]],
  [
    "example changed",
    (d) => (getJob(d).responses["200"].content["application/json"].example = { id: "2", status: "QUEUED" }),
    ["docs-changed"],
  ],
  ["schema description changed", (d) => (job(d).properties.count.description = "How many."), ["docs-changed"]],
  ["tags changed", (d) => (getJob(d).tags = ["jobs"]), ["docs-changed"]],
  ["nothing changed", () => undefined, []],
];

export const JOB_PAIRS: Pair[] = [
  ["job declared", (d) => withJob(d), ["job-declaration-added"]],
  ["job declaration removed", (d) => delete getJob(d)["x-vendorspec-job"], ["job-declaration-removed"], withJob],
  ["status word remapped to another end state", (d) => (declaration(d).states.DONE = "failed"), ["job-word-remapped"], withJob],
  ["status word removed", (d) => delete declaration(d).states.QUEUED, ["job-word-removed"], withJob],
  ["status word mapped", (d) => (declaration(d).states.PAUSED = "queued"), ["job-word-added"], withJob],
  ["no-such-job word added", (d) => (declaration(d).notFound = ["GONE"]), ["job-word-added"], withJob],
  ["status read elsewhere", (d) => (declaration(d).status = "/state"), ["job-pointer-changed"], withJob],
  ["words matched case-insensitively", (d) => (declaration(d).match = "case-insensitive"), ["job-match-changed"], withJob],
  ["start link removed", (d) => delete accepted(d).links, ["job-start-removed"], withJob],
  [
    "start link added",
    (d) => (accepted(d).links = { status: structuredClone(link) }),
    ["job-start-added"],
    (d) => withJob(d, { link: false }),
  ],
  ["poll advice changed", (d) => (declaration(d).poll = { intervalSeconds: 2 }), ["job-poll-changed"], withJob],
  ["job declaration unchanged", () => undefined, [], withJob],
];

export { baseSpec };
