// Every contract rule against its given/want pairs: the diff of base and edited spec must report
// exactly the listed rules, each with the class its table gives and a pointer into the spec.
import { describe, expect, test } from "vitest";
import { diffDocuments } from "../src/contracts/diff/diff-documents.mjs";
import { RULES } from "../src/contracts/diff/rules.mjs";
import { baseSpec } from "./contracts/base-spec.js";
import {
  CONSTRAINT_PAIRS,
  DOCS_PAIRS,
  HEADER_PAIRS,
  JOB_PAIRS,
  OPERATION_PAIRS,
  PARAMETER_PAIRS,
  type Pair,
  REQUEST_BODY_PAIRS,
  RESPONSE_PAIRS,
  SCHEMA_PAIRS,
  SECURITY_PAIRS,
} from "./contracts/rule-pairs.js";

/** A fixed "today", so a sunset date in a pair has passed or not whenever the suite runs. */
const NOW = Date.parse("2026-06-01T00:00:00Z");

const GROUPS: Record<string, Pair[]> = {
  operations: OPERATION_PAIRS,
  parameters: PARAMETER_PAIRS,
  "request bodies": REQUEST_BODY_PAIRS,
  responses: RESPONSE_PAIRS,
  headers: HEADER_PAIRS,
  schemas: SCHEMA_PAIRS,
  "schema constraints": CONSTRAINT_PAIRS,
  security: SECURITY_PAIRS,
  docs: DOCS_PAIRS,
  "job declaration": JOB_PAIRS,
};
const ALL = Object.values(GROUPS).flat();

test("every rule has a pair of its own, and every pair names known rules", () => {
  const covered = new Set(ALL.flatMap(([, , rules]) => rules));
  expect(Object.keys(RULES).filter((rule) => !covered.has(rule))).toEqual([]);
  expect([...covered].filter((rule) => !RULES[rule])).toEqual([]);
});

for (const [group, pairs] of Object.entries(GROUPS)) {
  describe(group, () => {
    test.each(pairs)("%s", (_, mutateAfter, rules, mutateBefore) => {
      const before = baseSpec();
      mutateBefore?.(before);
      const after = structuredClone(before);
      mutateAfter(after);
      const changes = diffDocuments(before, after, { now: NOW });
      expect(changes.map((c) => c.rule).sort(), JSON.stringify(changes, null, 1)).toEqual([...rules].sort());
      for (const change of changes) {
        expect(change.class).toBe(RULES[change.rule]?.class);
        expect(change.pointer).toMatch(/^\//);
        expect(change.message.length).toBeGreaterThan(10);
      }
    });
  });
}

test("a message names the operation and the property", () => {
  const before = baseSpec();
  const after = structuredClone(before);
  after.components.schemas.Input.properties.name.maxLength = 20;
  const [change] = diffDocuments(before, after);
  expect(change?.message).toBe("POST /jobs request body (application/json) `name`: maxLength 50 → 20");
  expect(change?.pointer).toBe("/paths/~1jobs/post/requestBody/content/application~1json/schema/properties/name/maxLength");
});

test("a hostile, deeply nested schema is walked to a bound, not to a stack overflow", () => {
  const deep = (leaf: Record<string, unknown>) => {
    let schema: Record<string, unknown> = leaf;
    for (let i = 0; i < 5000; i++) schema = { type: "object", properties: { x: schema } };
    return schema;
  };
  const before = baseSpec();
  const after = structuredClone(before);
  before.components.schemas.Job.properties.deep = deep({ type: "string" });
  after.components.schemas.Job.properties.deep = deep({ type: "integer" });
  expect(() => diffDocuments(before, after)).not.toThrow();
});

test("a web of shared $refs (2^40 paths) is walked once per component, and the change is reported", () => {
  const spec = (type: string) => {
    const schemas: Record<string, unknown> = { L0: { type: "object", properties: { v: { type } } } };
    for (let i = 1; i <= 40; i++) {
      const ref = { $ref: `#/components/schemas/L${i - 1}` };
      schemas[`L${i}`] = { type: "object", properties: { a: ref, b: ref } };
    }
    const content = { "application/json": { schema: { $ref: "#/components/schemas/L40" } } };
    return {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      components: { schemas },
      paths: { "/x": { get: { responses: { "200": { description: "ok", content } } } } },
    };
  };
  const changes = diffDocuments(spec("string"), spec("integer"));
  expect(changes.map((c) => c.rule)).toEqual(["response-type-changed"]);
});
