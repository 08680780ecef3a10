// @ts-check
// Value constraints of one schema (bounds, lengths, counts, pattern, enum, const, default,
// additionalProperties), each judged as tightened or relaxed. Whether that breaks depends on the
// direction: see directionalRules.
import { isObject } from "./is-object.mjs";
import { directionalRules } from "./rule-table.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */
/** @typedef {import("./schema-types.mjs").SchemaPlace} SchemaPlace */
/** @typedef {(before: any, after: any) => "tightened" | "relaxed" | undefined} Judge */

const num = (/** @type {unknown} */ v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** @type {Judge} */
const upper = (va, vb) => {
  const [a, b] = [num(va), num(vb)];
  if (a === b) return undefined;
  if (b === undefined) return "relaxed";
  return a === undefined || b < a ? "tightened" : "relaxed";
};
/** @type {Judge} */
const lower = (va, vb) => {
  const [a, b] = [num(va), num(vb)];
  if (a === b) return undefined;
  if (b === undefined) return "relaxed";
  return a === undefined || b > a ? "tightened" : "relaxed";
};
/** Every multiple of the old divisor is a multiple of the new one when the new one divides it. @type {Judge} */
const divisor = (va, vb) => {
  const [a, b] = [num(va), num(vb)];
  if (a === b) return undefined;
  if (b === undefined) return "relaxed";
  return a !== undefined && b !== 0 && Number.isInteger(a / b) ? "relaxed" : "tightened";
};
/** @type {Judge} */
const flag = (va, vb) => ((va === true) === (vb === true) ? undefined : vb === true ? "tightened" : "relaxed");
/** `false` forbids unknown properties; anything else allows them. @type {Judge} */
const closed = (va, vb) => ((va === false) === (vb === false) ? undefined : vb === false ? "tightened" : "relaxed");

/** keyword, rule aspect, how to judge a change. */
const CONSTRAINTS = /** @type {const} */ ([
  ["maxLength", "max-length", upper],
  ["minLength", "min-length", lower],
  ["maximum", "maximum", upper],
  ["minimum", "minimum", lower],
  ["exclusiveMaximum", "exclusive-maximum", upper],
  ["exclusiveMinimum", "exclusive-minimum", lower],
  ["maxItems", "max-items", upper],
  ["minItems", "min-items", lower],
  ["maxProperties", "max-properties", upper],
  ["minProperties", "min-properties", lower],
  ["maxContains", "max-contains", upper],
  ["minContains", "min-contains", lower],
  ["multipleOf", "multiple-of", divisor],
  ["uniqueItems", "unique-items", flag],
  ["additionalProperties", "additional-properties", closed],
]);

/**
 * JSON Schema keywords beyond the ones above: adding one constrains, removing one frees. Where
 * both sides hold a subschema the schema walk goes into it; any other change (`not`, `if`,
 * `dependentRequired`, a boolean replaced) is judged potentially breaking both ways.
 */
const OTHER_KEYWORDS = [
  "items",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "dependentRequired",
  "dependentSchemas",
  "propertyNames",
  "patternProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contentSchema",
  "contentMediaType",
  "contentEncoding",
];
const WALKED = new Set([
  "items",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contentSchema",
  "then",
  "else",
  "patternProperties",
  "dependentSchemas",
]);

/** Patterns that accept every string. */
const MATCH_ALL = new Set([".*", "^.*$", "^.*", ".*$", "[\\s\\S]*", "^[\\s\\S]*$"]);

export const RULES = {
  ...Object.fromEntries(CONSTRAINTS.flatMap(([keyword, aspect]) => Object.entries(directionalRules(aspect, keyword)))),
  "request-pattern-tightened": { class: "breaking", title: "request pattern added (rejects values it accepted)" },
  "request-pattern-relaxed": { class: "non-breaking", title: "request pattern removed or now matches anything" },
  "request-pattern-changed": { class: "breaking", title: "request pattern replaced (potentially rejects values it accepted)" },
  // A reader does not re-validate a pattern; a changed pattern tells, it does not break (oasdiff agrees).
  "response-pattern-changed": { class: "non-breaking", title: "response pattern added, changed or removed" },
  ...directionalRules("enum", "enum"),
  "request-enum-value-added": { class: "non-breaking", title: "request enum value added" },
  "request-enum-value-removed": { class: "breaking", title: "request enum value removed" },
  "response-enum-value-added": { class: "breaking", title: "response enum value added (breaks an exhaustive switch)" },
  "response-enum-value-removed": { class: "non-breaking", title: "response enum value removed" },
  ...directionalRules("const", "const"),
  "request-const-changed": { class: "breaking", title: "request const changed" },
  "response-const-changed": { class: "breaking", title: "response const changed" },
  ...directionalRules("keyword", "JSON Schema keyword (not, if, contains, patternProperties, items, …)"),
  "request-keyword-changed": { class: "breaking", title: "request JSON Schema keyword changed (potentially rejects values it accepted)" },
  "response-keyword-changed": {
    class: "breaking",
    title: "response JSON Schema keyword changed (potentially returns values a reader never saw)",
  },
  "request-default-changed": {
    class: "non-breaking",
    title: "request property default added, changed or removed (the vendor fills in another value)",
  },
  "response-default-changed": { class: "non-breaking", title: "response default added, changed or removed" },
};

/**
 * @param {WalkContext} ctx
 * @param {Record<string, any>} a
 * @param {Record<string, any>} b
 * @param {SchemaPlace & { skipDefault?: boolean }} at
 */
export function compareConstraints(ctx, a, b, at) {
  const show = (/** @type {unknown} */ v) => (v === undefined ? "none" : JSON.stringify(v));
  for (const [keyword, aspect, judge] of CONSTRAINTS) {
    const verb = judge(a[keyword], b[keyword]);
    if (verb)
      ctx.add(
        `${at.direction}-${aspect}-${verb}`,
        `${at.pointer}/${keyword}`,
        `${at.label}: ${keyword} ${show(a[keyword])} → ${show(b[keyword])}`,
      );
  }
  for (const keyword of OTHER_KEYWORDS) {
    const [inA, inB] = [a[keyword] !== undefined, b[keyword] !== undefined];
    if (!inA && !inB) continue;
    const pointer = `${at.pointer}/${keyword}`;
    if (inA !== inB)
      ctx.add(`${at.direction}-keyword-${inB ? "tightened" : "relaxed"}`, pointer, `${at.label}: ${keyword} ${inB ? "added" : "removed"}`);
    else if (
      !(WALKED.has(keyword) && isObject(a[keyword]) && isObject(b[keyword])) &&
      JSON.stringify(a[keyword]) !== JSON.stringify(b[keyword])
    )
      ctx.add(`${at.direction}-keyword-changed`, pointer, `${at.label}: ${keyword} changed (potentially breaking)`);
  }
  comparePattern(ctx, a.pattern, b.pattern, at);
  compareEnum(ctx, a.enum, b.enum, at);
  if ("const" in a || "const" in b) {
    const [ca, cb] = [JSON.stringify(a.const), JSON.stringify(b.const)];
    const message = `${at.label}: const ${show(a.const)} → ${show(b.const)}`;
    if (ca !== cb) {
      const rule = !("const" in a) ? "tightened" : !("const" in b) ? "relaxed" : "changed";
      ctx.add(`${at.direction}-const-${rule}`, `${at.pointer}/const`, message);
    }
  }
  if (!at.skipDefault && JSON.stringify(a.default) !== JSON.stringify(b.default))
    ctx.add(`${at.direction}-default-changed`, `${at.pointer}/default`, `${at.label}: default ${show(a.default)} → ${show(b.default)}`);
}

/** @param {WalkContext} ctx @param {unknown} pa @param {unknown} pb @param {SchemaPlace} at */
function comparePattern(ctx, pa, pb, at) {
  const a = typeof pa === "string" && !MATCH_ALL.has(pa) ? pa : undefined;
  const b = typeof pb === "string" && !MATCH_ALL.has(pb) ? pb : undefined;
  if (a === b) return;
  const message = `${at.label}: pattern ${a ?? "none"} → ${b ?? "none"}`;
  if (at.direction === "response") ctx.add("response-pattern-changed", `${at.pointer}/pattern`, message);
  else if (b === undefined) ctx.add("request-pattern-relaxed", `${at.pointer}/pattern`, message);
  else if (a === undefined) ctx.add("request-pattern-tightened", `${at.pointer}/pattern`, message);
  else ctx.add("request-pattern-changed", `${at.pointer}/pattern`, `${message} (potentially rejects values the old pattern accepted)`);
}

/** @param {WalkContext} ctx @param {unknown} ea @param {unknown} eb @param {SchemaPlace} at */
function compareEnum(ctx, ea, eb, at) {
  const a = Array.isArray(ea) ? ea.map((v) => JSON.stringify(v)) : undefined;
  const b = Array.isArray(eb) ? eb.map((v) => JSON.stringify(v)) : undefined;
  const pointer = `${at.pointer}/enum`;
  if (!a && !b) return;
  if (!a && b) return ctx.add(`${at.direction}-enum-tightened`, pointer, `${at.label}: now restricted to ${b.join(", ")}`);
  if (a && !b) return ctx.add(`${at.direction}-enum-relaxed`, pointer, `${at.label}: no longer restricted to ${a.join(", ")}`);
  if (!a || !b) return;
  const added = b.filter((v) => !a.includes(v));
  const removed = a.filter((v) => !b.includes(v));
  if (added.length) ctx.add(`${at.direction}-enum-value-added`, pointer, `${at.label}: values added: ${added.join(", ")}`);
  if (removed.length) ctx.add(`${at.direction}-enum-value-removed`, pointer, `${at.label}: values removed: ${removed.join(", ")}`);
}
