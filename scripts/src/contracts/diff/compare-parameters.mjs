// @ts-check
// The parameters of one operation (path-level ones merged in), matched by location and name; header
// names case-insensitively. A parameter's schema is read like a request body.
import { escapeSegment } from "../../model/json-pointer.mjs";
import { compareSchemas } from "./compare-schemas.mjs";
import { isObject } from "./is-object.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
  "required-parameter-added": { class: "breaking", title: "required request parameter added" },
  "optional-parameter-added": { class: "non-breaking", title: "optional request parameter added" },
  "request-parameter-removed": {
    class: "breaking",
    title: "request parameter removed (a TypeScript caller still passing it fails to compile; a path parameter renamed reads as removed)",
  },
  "path-parameter-renamed": {
    class: "breaking",
    title: "path parameter renamed: the same URL on the wire, but the path key and `params.path` of the generated types change",
  },
  "parameter-became-required": { class: "breaking", title: "parameter became required" },
  "parameter-became-optional": { class: "non-breaking", title: "parameter became optional" },
  "parameter-default-changed": {
    class: "breaking",
    title: "parameter default added, changed or removed (callers that omit it get another behaviour: potentially breaking)",
  },
  "parameter-serialization-changed": {
    class: "breaking",
    title: "parameter style, explode or allowReserved changed (sent differently on the wire)",
  },
  "parameter-deprecated": { class: "non-breaking", title: "parameter deprecated" },
  "parameter-reactivated": { class: "non-breaking", title: "parameter no longer deprecated" },
};

/** @param {Record<string, any>} p */
const keyOf = (p) => `${p.in}:${p.in === "header" ? String(p.name).toLowerCase() : p.name}`;
/** The parameter's schema, also when it is given as `content` (one media type). @param {Record<string, any>} p */
const schemaOf = (p) => p.schema ?? (isObject(p.content) ? Object.values(p.content)[0]?.schema : undefined);
/** Defaults per OpenAPI: form for query/cookie, simple for path/header; explode true only with form. @param {Record<string, any>} p */
const serialization = (p) => {
  const style = p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
  return `${style}/${p.explode ?? style === "form"}/${p.allowReserved === true}`;
};

/**
 * @param {WalkContext} ctx
 * @param {Record<string, any>[]} before resolved parameters of the base operation
 * @param {Record<string, any>[]} after resolved parameters of the revision operation
 * @param {{ pointer: string, place: string, pathBefore: string, pathAfter: string }} at the operation
 */
export function compareParameters(ctx, before, after, at) {
  const pa = new Map(before.filter(isObject).map((p) => [keyOf(p), p]));
  const pb = new Map(after.filter(isObject).map((p) => [keyOf(p), p]));
  // The route matched on its template, so a path parameter that exists only on one side at the same
  // position was renamed: judged once, then its schema compared like any kept parameter.
  for (const [oldName, newName] of renamedPathParameters(at.pathBefore, at.pathAfter)) {
    const old = pa.get(`path:${oldName}`);
    const renamed = pb.get(`path:${newName}`);
    if (!old || !renamed) continue;
    pa.delete(`path:${oldName}`);
    pb.delete(`path:${newName}`);
    const pointer = `${at.pointer}/parameters/${escapeSegment(`path:${newName}`)}`;
    ctx.add("path-parameter-renamed", pointer, `${at.place} path parameter \`${oldName}\` renamed to \`${newName}\``);
    compareSchemas(ctx, schemaOf(old) ?? {}, schemaOf(renamed) ?? {}, {
      pointer: `${pointer}/schema`,
      direction: "request",
      place: `${at.place} path parameter \`${newName}\``,
      skipDefault: true,
    });
  }
  for (const [key, param] of pb) {
    const pointer = `${at.pointer}/parameters/${escapeSegment(`${param.in}:${param.name}`)}`;
    const place = `${at.place} ${param.in} parameter \`${param.name}\``;
    const old = pa.get(key);
    if (!old) {
      ctx.add(
        param.required === true ? "required-parameter-added" : "optional-parameter-added",
        pointer,
        `${place} added${param.required === true ? " as required" : ""}`,
      );
      continue;
    }
    if (old.required !== true && param.required === true)
      ctx.add("parameter-became-required", `${pointer}/required`, `${place} became required`);
    if (old.required === true && param.required !== true)
      ctx.add("parameter-became-optional", `${pointer}/required`, `${place} became optional`);
    if (old.deprecated !== true && param.deprecated === true)
      ctx.add("parameter-deprecated", `${pointer}/deprecated`, `${place} deprecated`);
    if (old.deprecated === true && param.deprecated !== true)
      ctx.add("parameter-reactivated", `${pointer}/deprecated`, `${place} no longer deprecated`);
    if (serialization(old) !== serialization(param))
      ctx.add(
        "parameter-serialization-changed",
        pointer,
        `${place} serialization ${serialization(old)} → ${serialization(param)} (style/explode/allowReserved)`,
      );
    const [sa, sb] = [ctx.A(schemaOf(old)) ?? {}, ctx.B(schemaOf(param)) ?? {}];
    if (JSON.stringify(sa.default) !== JSON.stringify(sb.default))
      ctx.add(
        "parameter-default-changed",
        `${pointer}/schema/default`,
        `${place}: default ${JSON.stringify(sa.default) ?? "none"} → ${JSON.stringify(sb.default) ?? "none"} (callers that omit it get another behaviour)`,
      );
    ctx.docs(old, param, pointer, place);
    compareSchemas(ctx, schemaOf(old) ?? {}, schemaOf(param) ?? {}, {
      pointer: `${pointer}/schema`,
      direction: "request",
      place,
      skipDefault: true,
    });
  }
  for (const [key, param] of pa)
    if (!pb.has(key))
      ctx.add(
        "request-parameter-removed",
        `${at.pointer}/parameters/${escapeSegment(`${param.in}:${param.name}`)}`,
        `${at.place} ${param.in} parameter \`${param.name}\` removed`,
      );
}

/** Pairs of template names at the same position that differ. @param {string} before @param {string} after */
function renamedPathParameters(before, after) {
  const names = (/** @type {string} */ p) => [...p.matchAll(/\{([^}]*)\}/g)].map((m) => String(m[1]));
  const [a, b] = [names(before), names(after)];
  return a.map((name, i) => /** @type {[string, string]} */ ([name, b[i] ?? name])).filter(([x, y]) => x !== y);
}
