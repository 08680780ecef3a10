// The two signals side by side: the TypeScript compiler on the generated types of both versions,
// the rules, and the report of where they disagree; and the bump a set of changes needs.
import { describe, expect, test } from "vitest";
import { diffDocuments } from "../src/contracts/diff/diff-documents.mjs";
import { findDisagreements } from "../src/contracts/find-disagreements.mjs";
import { requiredBump } from "../src/contracts/required-bump.mjs";
import { checkTypeCompatibility } from "../src/contracts/type-compatibility.mjs";
import { baseSpec, type Doc, getJob, input, job } from "./contracts/base-spec.js";

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
    ["a response enum value added", (d) => job(d).properties.status.enum.push("FAILED"), [["getJob", /response 200/]], true],
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
    ["a response const changed", (d) => (job(d).properties.kind = { type: "string", const: "v2" }), [["getJob", /response 200/]], true],
    [
      "a response map's value type changed",
      (d) => (job(d).properties.meta.additionalProperties = { type: "integer" }),
      [["getJob", /response 200/]],
      true,
    ],
    // Only the compiler can tell: no rule compares the length of a tuple.
    ["a response tuple grew", (d) => job(d).properties.pair.prefixItems.push({ type: "integer" }), [["getJob", /response 200/]], false],
    ["an optional response property added", (d) => (job(d).properties.owner = { type: "string" }), [], true],
    ["a request max length decreased (invisible to types)", (d) => (input(d).properties.name.maxLength = 5), [], true],
  ];
  const withExtras = () => {
    const d = baseSpec();
    job(d).properties.kind = { type: "string", const: "v1" };
    job(d).properties.meta = { type: "object", additionalProperties: { type: "string" } };
    job(d).properties.pair = { type: "array", prefixItems: [{ type: "string" }], items: false };
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
    const changes = diffDocuments(before, after);
    const disagreements = findDisagreements(after, changes, breaks);
    const rulesBreak = changes.some((c) => c.class === "breaking");
    if (expected.length > 0 && !ruleSeesIt) {
      expect(rulesBreak).toBe(false);
      expect(disagreements.join("\n")).toMatch(/the generated types break .* no rule fired/);
    }
    if (expected.length === 0 && rulesBreak)
      expect(disagreements.join("\n")).toMatch(/the rules say breaking .* the generated types stay compatible/);
    if (expected.length > 0 && ruleSeesIt) {
      expect(rulesBreak).toBe(true);
      expect(disagreements).toEqual([]);
    }
  });
});
