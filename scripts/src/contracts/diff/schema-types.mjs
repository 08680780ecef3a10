// @ts-check
// Type and format changes of one schema, judged with the lattice oasdiff uses: `integer` is inside
// `number`, no `type` accepts anything, and a few formats widen another (int32 → int64,
// float → double). Null is reported on its own because "now nullable" is the change authors make
// most and readers need named.
import { directionalRules } from "./rule-table.mjs";

/** @typedef {import("./rule-table.mjs").Direction} Direction */
/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */
/** @typedef {{ pointer: string, direction: Direction, label: string, loose?: boolean }} SchemaPlace */

export const RULES = {
  ...directionalRules("type", "type"),
  ...directionalRules("nullable", "nullability"),
  ...directionalRules("format", "format"),
  "request-type-changed": { class: "breaking", title: "request type changed to an unrelated type" },
  "response-type-changed": { class: "breaking", title: "response type changed to an unrelated type" },
  "request-format-changed": { class: "breaking", title: "request format changed to an unrelated format" },
  "response-format-changed": { class: "breaking", title: "response format changed to an unrelated format" },
};

/** Keywords that make a schema without `type` more than "anything". */
const SHAPING = ["properties", "items", "oneOf", "anyOf", "allOf", "enum", "const", "not", "prefixItems"];

/**
 * The schema's types, `["*"]` for a schema that accepts anything, undefined when it cannot be said.
 * @param {Record<string, any>} schema
 * @returns {string[] | undefined}
 */
function typesOf(schema) {
  const t = schema.type;
  if (typeof t === "string") return [t];
  if (Array.isArray(t) && t.every((x) => typeof x === "string")) return [...new Set(t)].sort();
  if (t === undefined && !SHAPING.some((k) => k in schema)) return ["*"];
  return undefined;
}

/** @param {string} sub @param {string[]} types */
const coveredBy = (sub, types) => types.some((t) => t === "*" || t === sub || (sub === "integer" && t === "number"));
/** @param {string[]} sub @param {string[]} sup */
const within = (sub, sup) => sub.every((t) => coveredBy(t, sup));

/** Format pairs where every value of the first is a value of the second. */
const FORMAT_WIDENS = new Set(["int32>int64", "int32>bigint", "int64>bigint", "float>double", "date>date-time", "time>date-time"]);

/** @param {string} kind @param {"tightened" | "relaxed"} verb @param {Direction} direction */
const verbRule = (kind, verb, direction) => `${direction}-${kind}-${verb}`;

/**
 * @param {WalkContext} ctx
 * @param {Record<string, any>} a
 * @param {Record<string, any>} b
 * @param {SchemaPlace} at
 */
export function compareTypes(ctx, a, b, at) {
  const ta = typesOf(a);
  const tb = typesOf(b);
  if (ta && tb && ta.join("|") !== tb.join("|")) {
    const show = (/** @type {string[]} */ t) => (t[0] === "*" ? "any" : t.join(" | "));
    const message = `${at.label}: type ${show(ta)} → ${show(tb)}`;
    const nonNullA = ta.filter((t) => t !== "null");
    const nonNullB = tb.filter((t) => t !== "null");
    if (nonNullA.join("|") === nonNullB.join("|")) {
      const nowNullable = tb.includes("null");
      ctx.add(
        verbRule("nullable", nowNullable ? "relaxed" : "tightened", at.direction),
        `${at.pointer}/type`,
        `${message} (${nowNullable ? "now nullable" : "no longer nullable"})`,
      );
    } else if (at.loose && (at.direction === "request" ? tb : ta).join() === "string") {
      // In XML, form or text every value is written as a string: a request that now takes a string,
      // or a response that was one, reads the same (oasdiff's "loosely typed" rule).
      const verb = at.direction === "request" ? "relaxed" : "tightened";
      ctx.add(verbRule("type", verb, at.direction), `${at.pointer}/type`, `${message} (compatible: the media type is not JSON)`);
    } else if (within(ta, tb)) {
      ctx.add(verbRule("type", "relaxed", at.direction), `${at.pointer}/type`, `${message} (widened)`);
    } else if (within(tb, ta)) {
      ctx.add(verbRule("type", "tightened", at.direction), `${at.pointer}/type`, `${message} (narrowed)`);
    } else {
      ctx.add(`${at.direction}-type-changed`, `${at.pointer}/type`, message);
    }
  }
  const fa = typeof a.format === "string" ? a.format : undefined;
  const fb = typeof b.format === "string" ? b.format : undefined;
  if (fa === fb) return;
  const message = `${at.label}: format ${fa ?? "none"} → ${fb ?? "none"}`;
  if (fb === undefined || (fa && FORMAT_WIDENS.has(`${fa}>${fb}`)))
    ctx.add(verbRule("format", "relaxed", at.direction), `${at.pointer}/format`, message);
  else if (fa === undefined || FORMAT_WIDENS.has(`${fb}>${fa}`))
    ctx.add(verbRule("format", "tightened", at.direction), `${at.pointer}/format`, message);
  else ctx.add(`${at.direction}-format-changed`, `${at.pointer}/format`, message);
}
