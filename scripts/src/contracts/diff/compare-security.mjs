// @ts-check
// Security requirements of one operation and the schemes they name. A requirement list is a set of
// alternatives (any one suffices), each a set of schemes (all needed) with scopes. The change
// breaks a caller when some way they could authenticate before no longer satisfies any
// alternative: a scheme or scope was added. Dropping a scheme or scope, or adding an alternative,
// only relaxes.
import { escapeSegment } from "../../model/json-pointer.mjs";
import { isObject } from "./is-object.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */
/** @typedef {Map<string, Set<string>>} Alternative scheme → scopes */

export const RULES = {
  "security-requirement-added": { class: "breaking", title: "security scheme now required" },
  "security-scope-added": { class: "breaking", title: "security scope now required" },
  "security-requirement-removed": { class: "non-breaking", title: "security scheme no longer required" },
  "security-scope-removed": { class: "non-breaking", title: "security scope no longer required" },
  "security-alternative-added": { class: "non-breaking", title: "another way to authenticate accepted" },
  "security-scheme-changed": { class: "breaking", title: "security scheme sends its credential differently (type, in, name or scheme)" },
};

/** No `security` at all, or `[]`, means anonymous access: one alternative needing nothing. @param {unknown} list @returns {Alternative[]} */
function alternatives(list) {
  if (!Array.isArray(list) || list.length === 0) return [new Map()];
  return list
    .filter(isObject)
    .map((req) => new Map(Object.entries(req).map(([s, scopes]) => [s, new Set(Array.isArray(scopes) ? scopes.map(String) : [])])));
}

/** Does a caller able to meet `have` also meet `need`? @param {Alternative} need @param {Alternative} have */
const satisfies = (need, have) => [...need].every(([s, scopes]) => have.has(s) && [...scopes].every((x) => have.get(s)?.has(x)));
/** @param {Alternative} alt */
const show = (alt) =>
  alt.size === 0 ? "no authentication" : [...alt].map(([s, scopes]) => (scopes.size ? `${s} [${[...scopes].join(", ")}]` : s)).join(" + ");

/**
 * @param {WalkContext} ctx
 * @param {Record<string, any>} opA base operation
 * @param {Record<string, any>} opB revision operation
 * @param {{ pointer: string, place: string }} at the operation
 */
export function compareSecurity(ctx, opA, opB, at) {
  const before = alternatives(opA.security ?? ctx.before.security);
  const after = alternatives(opB.security ?? ctx.after.security);
  const pointer = `${at.pointer}/security`;
  let broke = false;
  for (const old of before) {
    if (after.some((alt) => satisfies(alt, old))) continue;
    broke = true;
    // Name what the closest alternative asks beyond what the caller had.
    const closest = [...after].sort((x, y) => overlap(y, old) - overlap(x, old))[0] ?? new Map();
    const schemes = [...closest.keys()].filter((s) => !old.has(s));
    if (schemes.length)
      ctx.add("security-requirement-added", pointer, `${at.place}: callers using ${show(old)} now also need ${schemes.join(" + ")}`);
    else {
      const scopes = [...closest].flatMap(([s, sc]) => [...sc].filter((x) => !old.get(s)?.has(x)).map((x) => `${s}:${x}`));
      ctx.add("security-scope-added", pointer, `${at.place}: callers using ${show(old)} now also need scope ${scopes.join(", ")}`);
    }
  }
  if (broke) return;
  for (const alt of after) {
    if (before.some((old) => satisfies(alt, old) && satisfies(old, alt))) continue;
    const relaxes = before.find((old) => satisfies(alt, old));
    if (!relaxes) ctx.add("security-alternative-added", pointer, `${at.place}: ${show(alt)} now also accepted`);
    else if (alt.size < relaxes.size) ctx.add("security-requirement-removed", pointer, `${at.place}: ${show(relaxes)} → ${show(alt)}`);
    else ctx.add("security-scope-removed", pointer, `${at.place}: ${show(relaxes)} → ${show(alt)}`);
  }
}

/** @param {Alternative} x @param {Alternative} y */
const overlap = (x, y) => [...x.keys()].filter((s) => y.has(s)).length - [...x.keys()].filter((s) => !y.has(s)).length;

/**
 * Schemes kept under the same name whose credential now travels differently.
 * @param {WalkContext} ctx
 */
export function compareSecuritySchemes(ctx) {
  const sa = isObject(ctx.before.components?.securitySchemes) ? ctx.before.components.securitySchemes : {};
  const sb = isObject(ctx.after.components?.securitySchemes) ? ctx.after.components.securitySchemes : {};
  for (const name of Object.keys(sa)) {
    if (!Object.hasOwn(sb, name)) continue;
    const [a, b] = [ctx.A(sa[name]) ?? {}, ctx.B(sb[name]) ?? {}];
    const wire = (/** @type {Record<string, any>} */ s) =>
      JSON.stringify([s.type, s.in, s.name, String(s.scheme ?? "").toLowerCase(), s.openIdConnectUrl]);
    if (wire(a) !== wire(b))
      ctx.add(
        "security-scheme-changed",
        `/components/securitySchemes/${escapeSegment(name)}`,
        `security scheme ${name}: ${wire(a)} → ${wire(b)} (type, in, name, scheme)`,
      );
    ctx.docs(a, b, `/components/securitySchemes/${escapeSegment(name)}`, `security scheme ${name}`);
  }
}
