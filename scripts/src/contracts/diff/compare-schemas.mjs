// @ts-check
// Walks two schemas side by side: properties, required, items, additionalProperties and the
// oneOf/anyOf variants, handing each pair of nodes to the type and constraint rules. allOf is
// merged first, as TypeScript intersects it, so moving properties into a shared base is no change.
import { escapeSegment } from "../../model/json-pointer.mjs";
import { isObject } from "./is-object.mjs";
import { RULES as CONSTRAINT_RULES, compareConstraints } from "./schema-constraints.mjs";
import { compareTypes, RULES as TYPE_RULES } from "./schema-types.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */
/** @typedef {import("./rule-table.mjs").Direction} Direction */
/**
 * @typedef {object} SchemaWalk
 * @property {string} pointer    where the schema sits in the revision document
 * @property {Direction} direction
 * @property {string} place      e.g. "POST /jobs request body (application/json)"
 * @property {string} [path]     property path inside the body, e.g. "items[].name"
 * @property {boolean} [skipDefault] a parameter's default has its own, stricter rule
 * @property {boolean} [loose] the media type is not JSON: every value also reads as a string
 */

/** Keywords holding one subschema that constrains values the same way round, and how a path shows it. */
const SUBSCHEMAS = /** @type {const} */ ([
  ["items", "[]"],
  ["additionalProperties", "{*}"],
  ["contains", "<contains>"],
  ["propertyNames", "<propertyNames>"],
  ["unevaluatedProperties", "<unevaluatedProperties>"],
  ["unevaluatedItems", "<unevaluatedItems>"],
  ["contentSchema", "<contentSchema>"],
  ["then", "<then>"],
  ["else", "<else>"],
]);
/** Keywords holding a map of such subschemas. */
const SUBSCHEMA_MAPS = ["patternProperties", "dependentSchemas"];

/** Deep enough for any real contract; a hostile, endlessly nested one stops here. */
const MAX_DEPTH = 64;

export const RULES = {
  ...TYPE_RULES,
  ...CONSTRAINT_RULES,
  "request-required-property-added": { class: "breaking", title: "required request property added" },
  "request-optional-property-added": { class: "non-breaking", title: "optional request property added" },
  "request-property-removed": {
    class: "breaking",
    title: "request property removed (a TypeScript caller still sending it fails to compile; the vendor may reject it)",
  },
  "request-property-became-required": { class: "breaking", title: "request property became required" },
  "request-property-became-optional": { class: "non-breaking", title: "request property became optional" },
  "response-property-added": { class: "non-breaking", title: "response property added" },
  "response-property-removed": { class: "breaking", title: "response property removed" },
  "response-property-became-optional": { class: "breaking", title: "response property became optional (readers must handle its absence)" },
  "response-property-became-required": { class: "non-breaking", title: "response property became required (always present now)" },
  "request-variant-added": { class: "non-breaking", title: "request oneOf/anyOf variant added" },
  "request-variant-removed": { class: "breaking", title: "request oneOf/anyOf variant removed" },
  "response-variant-added": { class: "breaking", title: "response oneOf/anyOf variant added (the reader's union grows)" },
  "response-variant-removed": { class: "non-breaking", title: "response oneOf/anyOf variant removed" },
  "schema-deprecated": { class: "non-breaking", title: "property or schema deprecated" },
  "schema-reactivated": { class: "non-breaking", title: "property or schema no longer deprecated" },
};

/**
 * @param {WalkContext} ctx
 * @param {unknown} aRaw schema in the base document (may be a $ref)
 * @param {unknown} bRaw schema in the revision document (may be a $ref)
 * @param {SchemaWalk} at
 */
export function compareSchemas(ctx, aRaw, bRaw, at) {
  walk(ctx, aRaw, bRaw, at, new Set(), 0);
}

/**
 * @param {WalkContext} ctx @param {unknown} aRaw @param {unknown} bRaw @param {SchemaWalk} at
 * @param {Set<string>} seen pairs of $refs already walked from this root: each is walked once, so
 *   recursive schemas end and a hostile web of shared $refs costs its size, not its paths
 * @param {number} depth
 */
function walk(ctx, aRaw, bRaw, at, seen, depth) {
  if (depth > MAX_DEPTH) return;
  const refPair = `${refOf(aRaw)}|${refOf(bRaw)}`;
  if (refPair !== "|") {
    if (seen.has(refPair)) return;
    seen.add(refPair);
  }
  const a = merged(ctx.A, aRaw, 0);
  const b = merged(ctx.B, bRaw, 0);
  if (!a || !b) return;
  const label = at.path ? `${at.place} \`${at.path}\`` : at.place;
  const node = { pointer: at.pointer, direction: at.direction, label, skipDefault: at.skipDefault && !at.path, loose: at.loose };
  ctx.docs(a, b, at.pointer, label);
  if (a.deprecated !== true && b.deprecated === true) ctx.add("schema-deprecated", `${at.pointer}/deprecated`, `${label}: deprecated`);
  if (a.deprecated === true && b.deprecated !== true)
    ctx.add("schema-reactivated", `${at.pointer}/deprecated`, `${label}: no longer deprecated`);
  compareTypes(ctx, a, b, node);
  compareConstraints(ctx, a, b, node);

  /** @param {string} pointer @param {string} path */
  const child = (pointer, path) => ({ ...at, pointer, path });
  compareProperties(ctx, a, b, at, label, (pa, pb, name) => {
    const pointer = `${at.pointer}/properties/${escapeSegment(name)}`;
    walk(ctx, pa, pb, child(pointer, at.path ? `${at.path}.${name}` : name), seen, depth + 1);
  });
  for (const [keyword, suffix] of SUBSCHEMAS) {
    if (isObject(a[keyword]) && isObject(b[keyword]))
      walk(ctx, a[keyword], b[keyword], child(`${at.pointer}/${keyword}`, `${at.path ?? ""}${suffix}`), seen, depth + 1);
  }
  if (Array.isArray(a.prefixItems) && Array.isArray(b.prefixItems))
    for (let i = 0; i < Math.min(a.prefixItems.length, b.prefixItems.length); i++)
      walk(ctx, a.prefixItems[i], b.prefixItems[i], child(`${at.pointer}/prefixItems/${i}`, `${at.path ?? ""}[${i}]`), seen, depth + 1);
  for (const keyword of SUBSCHEMA_MAPS) {
    const [ma, mb] = [a[keyword], b[keyword]];
    if (!isObject(ma) || !isObject(mb)) continue;
    for (const key of Object.keys(mb)) {
      const pointer = `${at.pointer}/${keyword}/${escapeSegment(key)}`;
      if (!Object.hasOwn(ma, key)) ctx.add(`${at.direction}-keyword-tightened`, pointer, `${label}: ${keyword} ${key} added`);
      else walk(ctx, ma[key], mb[key], child(pointer, `${at.path ?? ""}<${keyword} ${key}>`), seen, depth + 1);
    }
    for (const key of Object.keys(ma))
      if (!Object.hasOwn(mb, key))
        ctx.add(`${at.direction}-keyword-relaxed`, `${at.pointer}/${keyword}`, `${label}: ${keyword} ${key} removed`);
  }
  for (const keyword of /** @type {const} */ (["oneOf", "anyOf"])) {
    compareVariants(ctx, a[keyword], b[keyword], { ...at, pointer: `${at.pointer}/${keyword}` }, label, (va, vb, i) =>
      walk(ctx, va, vb, child(`${at.pointer}/${keyword}/${i}`, `${at.path ?? ""}<${keyword}[${i}]>`), seen, depth + 1),
    );
  }
}

/**
 * Properties added, removed and whose requiredness changed, then each pair walked.
 * @param {WalkContext} ctx @param {Record<string, any>} a @param {Record<string, any>} b @param {SchemaWalk} at @param {string} label
 * @param {(pa: unknown, pb: unknown, name: string) => void} walkPair
 */
function compareProperties(ctx, a, b, at, label, walkPair) {
  const pa = isObject(a.properties) ? a.properties : {};
  const pb = isObject(b.properties) ? b.properties : {};
  const request = at.direction === "request";
  // A readOnly property is never sent and a writeOnly one never returned: neither is required there.
  const requiredIn = (
    /** @type {Record<string, any>} */ s,
    /** @type {(n: any) => any} */ deref,
    /** @type {string} */ name,
    /** @type {unknown} */ prop,
  ) => {
    if (!Array.isArray(s.required) || !s.required.includes(name)) return false;
    const p = deref(prop);
    return !(request ? p?.readOnly === true : p?.writeOnly === true);
  };
  const pointer = (/** @type {string} */ name) => `${at.pointer}/properties/${escapeSegment(name)}`;
  const named = (/** @type {string} */ name) => `${label}: property \`${at.path ? `${at.path}.` : ""}${name}\``;
  for (const name of Object.keys(pb)) {
    const nowRequired = requiredIn(b, ctx.B, name, pb[name]);
    if (!Object.hasOwn(pa, name)) {
      if (request)
        ctx.add(
          nowRequired ? "request-required-property-added" : "request-optional-property-added",
          pointer(name),
          `${named(name)} added${nowRequired ? " as required" : ""}`,
        );
      else ctx.add("response-property-added", pointer(name), `${named(name)} added`);
      continue;
    }
    const wasRequired = requiredIn(a, ctx.A, name, pa[name]);
    if (wasRequired !== nowRequired) {
      const rule = `${at.direction}-property-became-${nowRequired ? "required" : "optional"}`;
      ctx.add(rule, pointer(name), `${named(name)} became ${nowRequired ? "required" : "optional"}`);
    }
    walkPair(pa[name], pb[name], name);
  }
  // `required` may name a property the schema does not describe: still a member a request must
  // send, or a response was promised to hold.
  const listed = (/** @type {Record<string, any>} */ s) => (Array.isArray(s.required) ? s.required.map(String) : []);
  for (const name of listed(b))
    if (!Object.hasOwn(pb, name) && !Object.hasOwn(pa, name) && !listed(a).includes(name))
      ctx.add(`${at.direction}-property-became-required`, pointer(name), `${named(name)} became required`);
  for (const name of listed(a))
    if (!Object.hasOwn(pa, name) && !Object.hasOwn(pb, name) && !listed(b).includes(name))
      ctx.add(`${at.direction}-property-became-optional`, pointer(name), `${named(name)} became optional`);
  for (const name of Object.keys(pa)) {
    if (Object.hasOwn(pb, name)) continue;
    const wasRequired = requiredIn(a, ctx.A, name, pa[name]);
    const why = request ? "" : wasRequired ? "" : " (it was optional; readers that use it still break)";
    ctx.add(`${at.direction}-property-removed`, pointer(name), `${named(name)} removed${why}`);
  }
}

/**
 * oneOf/anyOf variants matched by $ref, then by equal content, then by position; the rest were
 * added or removed.
 * @param {WalkContext} ctx @param {unknown} va @param {unknown} vb @param {SchemaWalk} at @param {string} label
 * @param {(a: unknown, b: unknown, index: number) => void} walkPair
 */
function compareVariants(ctx, va, vb, at, label, walkPair) {
  const a = Array.isArray(va) ? va : [];
  const b = Array.isArray(vb) ? vb : [];
  if (a.length === 0 && b.length === 0) return;
  const key = (/** @type {unknown} */ s, /** @type {(n: any) => any} */ deref) => refOf(s) || JSON.stringify(deref(s) ?? null);
  const unmatchedB = new Set(b.map((_, i) => i));
  /** @type {Array<[number, number]>} */
  const pairs = [];
  const unmatchedA = [];
  for (let i = 0; i < a.length; i++) {
    const ka = key(a[i], ctx.A);
    const j = [...unmatchedB].find((j) => key(b[j], ctx.B) === ka);
    if (j === undefined) unmatchedA.push(i);
    else {
      unmatchedB.delete(j);
      pairs.push([i, j]);
    }
  }
  // Same number left on both sides: the variants were edited in place.
  if (unmatchedA.length === unmatchedB.size) {
    const rest = [...unmatchedB];
    for (const [n, i] of unmatchedA.entries()) pairs.push([i, /** @type {number} */ (rest[n])]);
    unmatchedA.length = 0;
    unmatchedB.clear();
  }
  for (const [i, j] of pairs) walkPair(a[i], b[j], j);
  for (const i of unmatchedA)
    ctx.add(`${at.direction}-variant-removed`, `${at.pointer}`, `${label}: variant ${i + 1} (${describe(a[i])}) removed`);
  for (const j of unmatchedB) ctx.add(`${at.direction}-variant-added`, `${at.pointer}/${j}`, `${label}: variant ${describe(b[j])} added`);
}

/** @param {unknown} schema */
const refOf = (schema) => (isObject(schema) && typeof schema.$ref === "string" ? schema.$ref : "");
/** @param {unknown} schema */
const describe = (schema) => refOf(schema).split("/").pop() || JSON.stringify(schema).slice(0, 60);

/**
 * The schema with its allOf parts merged in (properties, required and the first value of every
 * other keyword), as `A & B` reads in TypeScript.
 * @param {(node: any) => any} deref @param {unknown} raw @param {number} depth
 * @returns {Record<string, any> | undefined}
 */
function merged(deref, raw, depth) {
  const schema = deref(raw);
  if (!isObject(schema)) return undefined;
  if (!Array.isArray(schema.allOf) || depth > 8) return schema;
  const { allOf, ...own } = schema;
  /** @type {Record<string, any>} */
  const out = {
    ...own,
    properties: { ...(isObject(own.properties) ? own.properties : {}) },
    required: [...(Array.isArray(own.required) ? own.required : [])],
  };
  for (const part of allOf) {
    const p = merged(deref, part, depth + 1);
    if (!p) continue;
    for (const [k, v] of Object.entries(p)) {
      if (k === "properties" && isObject(v)) for (const [name, s] of Object.entries(v)) out.properties[name] ??= s;
      else if (k === "required" && Array.isArray(v)) out.required.push(...v.filter((n) => !out.required.includes(n)));
      else if (!(k in out)) out[k] = v;
    }
  }
  if (Object.keys(out.properties).length === 0) delete out.properties;
  if (out.required.length === 0) delete out.required;
  return out;
}
