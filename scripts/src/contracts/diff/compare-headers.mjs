// @ts-check
// The headers of one response. Header names are case-insensitive on the wire, so they are matched
// that way; a header's schema is read like a response body.
import { escapeSegment } from "../../model/json-pointer.mjs";
import { compareSchemas } from "./compare-schemas.mjs";
import { isObject } from "./is-object.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
  "response-header-removed": {
    class: "breaking",
    title: "response header removed (breaking when required, potentially breaking when optional)",
  },
  "response-header-became-optional": { class: "breaking", title: "response header became optional (readers must handle its absence)" },
  "response-header-became-required": { class: "non-breaking", title: "response header became required" },
  "response-header-added": { class: "non-breaking", title: "response header added" },
};

/**
 * @param {WalkContext} ctx
 * @param {Record<string, any>} a response in the base
 * @param {Record<string, any>} b response in the revision
 * @param {{ pointer: string, place: string }} at
 */
export function compareHeaders(ctx, a, b, at) {
  const byName = (/** @type {unknown} */ headers) =>
    new Map(Object.entries(isObject(headers) ? headers : {}).map(([name, h]) => [name.toLowerCase(), { name, raw: h }]));
  const ha = byName(a.headers);
  const hb = byName(b.headers);
  for (const [key, { name, raw }] of ha) {
    const header = ctx.A(raw) ?? {};
    const other = hb.get(key);
    const pointer = `${at.pointer}/headers/${escapeSegment(other?.name ?? name)}`;
    const place = `${at.place} header ${name}`;
    if (!other) {
      const why = header.required === true ? "it was required" : "it was optional: potentially breaking for readers that use it";
      ctx.add("response-header-removed", pointer, `${place} removed (${why})`);
      continue;
    }
    const next = ctx.B(other.raw) ?? {};
    if (header.required === true && next.required !== true)
      ctx.add("response-header-became-optional", `${pointer}/required`, `${place} became optional`);
    if (header.required !== true && next.required === true)
      ctx.add("response-header-became-required", `${pointer}/required`, `${place} became required`);
    ctx.docs(header, next, pointer, place);
    compareSchemas(ctx, header.schema ?? {}, next.schema ?? {}, { pointer: `${pointer}/schema`, direction: "response", place });
  }
  for (const [key, { name }] of hb)
    if (!ha.has(key)) ctx.add("response-header-added", `${at.pointer}/headers/${escapeSegment(name)}`, `${at.place} header ${name} added`);
}
