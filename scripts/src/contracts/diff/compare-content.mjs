// @ts-check
// The media types of a request body or a response, and the schema of each media type kept.
import { escapeSegment } from "../../model/json-pointer.mjs";
import { compareSchemas } from "./compare-schemas.mjs";
import { isObject } from "./is-object.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */
/** @typedef {import("./rule-table.mjs").Direction} Direction */

export const RULES = {
  "request-media-type-added": { class: "non-breaking", title: "request media type added" },
  "request-media-type-removed": { class: "breaking", title: "request media type removed (callers sending it are refused)" },
  "response-media-type-added": { class: "non-breaking", title: "response media type added" },
  "response-media-type-removed": { class: "breaking", title: "response media type removed (readers of it get something else)" },
  "request-media-schema-added": { class: "breaking", title: "request media type now constrained by a schema" },
  "request-media-schema-removed": { class: "non-breaking", title: "request media type no longer constrained by a schema" },
  "response-media-schema-added": { class: "non-breaking", title: "response media type now described by a schema" },
  "response-media-schema-removed": {
    class: "breaking",
    title: "response media type no longer described by a schema (potentially breaking)",
  },
};

/**
 * @param {WalkContext} ctx
 * @param {Record<string, any>} a request body or response in the base
 * @param {Record<string, any>} b the same in the revision
 * @param {{ pointer: string, direction: Direction, place: string }} at
 */
export function compareContent(ctx, a, b, at) {
  const ca = isObject(a.content) ? a.content : {};
  const cb = isObject(b.content) ? b.content : {};
  for (const type of Object.keys(ca)) {
    const pointer = `${at.pointer}/content/${escapeSegment(type)}`;
    const place = `${at.place} (${type})`;
    if (!Object.hasOwn(cb, type)) {
      ctx.add(`${at.direction}-media-type-removed`, pointer, `${at.place}: media type ${type} removed`);
      continue;
    }
    const [ma, mb] = [ctx.A(ca[type]) ?? {}, ctx.B(cb[type]) ?? {}];
    ctx.docs(ma, mb, pointer, place);
    if (ma.schema && !mb.schema) ctx.add(`${at.direction}-media-schema-removed`, `${pointer}/schema`, `${place}: schema removed`);
    else if (!ma.schema && mb.schema) ctx.add(`${at.direction}-media-schema-added`, `${pointer}/schema`, `${place}: schema added`);
    else if (ma.schema && mb.schema) {
      // In XML, forms or text every value travels as a string (oasdiff's "loosely typed" media).
      const loose = !/^application\/(.+\+)?json$/i.test(type.split(";")[0]?.trim() ?? "");
      compareSchemas(ctx, ma.schema, mb.schema, { pointer: `${pointer}/schema`, direction: at.direction, place, loose });
    }
  }
  for (const type of Object.keys(cb))
    if (!Object.hasOwn(ca, type))
      ctx.add(`${at.direction}-media-type-added`, `${at.pointer}/content/${escapeSegment(type)}`, `${at.place}: media type ${type} added`);
}
