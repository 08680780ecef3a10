// @ts-check
// Operations matched by method and path template (a renamed path parameter is the same route),
// then each kept operation handed to the parameter, request body, response and security rules.
import { createSpecModel } from "../../model/spec-model.mjs";
import { compareParameters } from "./compare-parameters.mjs";
import { compareRequestBody } from "./compare-request-body.mjs";
import { compareResponses } from "./compare-responses.mjs";
import { compareSecurity } from "./compare-security.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
  "operation-removed": { class: "breaking", title: "operation or path removed" },
  "operation-removed-after-deprecation": {
    class: "non-breaking",
    title: "deprecated (or alpha/draft) operation removed, with no x-sunset date or after it (callers were told)",
  },
  "operation-added": { class: "non-breaking", title: "operation added" },
  "operation-id-changed": { class: "breaking", title: "operationId changed (it keys the generated `operations[...]` type)" },
  "operation-deprecated": { class: "non-breaking", title: "operation deprecated" },
  "operation-reactivated": { class: "non-breaking", title: "operation no longer deprecated" },
  "operation-sunset-earlier": { class: "breaking", title: "operation x-sunset date brought forward" },
  "operation-sunset-changed": { class: "non-breaking", title: "operation x-sunset date set, postponed or removed" },
};

/** "/jobs/{id}" and "/jobs/{jobId}" are one route. @param {string} method @param {string} path */
const routeKey = (method, path) => `${method} ${path.replaceAll(/\{[^}]*\}/g, "{}")}`;

/**
 * @param {WalkContext} ctx
 */
export function compareOperations(ctx) {
  const index = (/** @type {any} */ doc, /** @type {(n: any) => any} */ resolve) =>
    new Map(createSpecModel(doc, resolve).operations.map((o) => [routeKey(o.method, o.path), o]));
  const opsA = index(ctx.before, ctx.A);
  const opsB = index(ctx.after, ctx.B);
  for (const [key, a] of opsA) {
    const b = opsB.get(key);
    const place = `${a.method.toUpperCase()} ${a.path}`;
    if (!b) {
      const retired = retiredAt(a.operation, ctx.now);
      if (retired) ctx.add("operation-removed-after-deprecation", a.pointer, `${place} (${a.operationId}) removed ${retired}`);
      else {
        const why = a.operation.deprecated === true ? " (deprecated, but its sunset has not passed)" : "";
        ctx.add("operation-removed", a.pointer, `${place} (${a.operationId}) removed${why}`);
      }
      continue;
    }
    const at = { pointer: b.pointer, place: `${b.method.toUpperCase()} ${b.path}` };
    compareLifecycle(ctx, a.operation, b.operation, at);
    if (a.operation.operationId !== undefined && a.operation.operationId !== b.operation.operationId)
      ctx.add("operation-id-changed", `${b.pointer}/operationId`, `${at.place}: operationId ${a.operationId} → ${b.operationId || "none"}`);
    ctx.docs(a.operation, b.operation, b.pointer, at.place);
    compareSecurity(ctx, a.operation, b.operation, at);
    compareParameters(ctx, a.parameters, b.parameters, { ...at, pathBefore: a.path, pathAfter: b.path });
    compareRequestBody(ctx, a.operation.requestBody, b.operation.requestBody, at);
    compareResponses(ctx, a.operation.responses, b.operation.responses, at);
  }
  for (const [key, b] of opsB)
    if (!opsA.has(key)) ctx.add("operation-added", b.pointer, `${b.method.toUpperCase()} ${b.path} (${b.operationId}) added`);
}

/**
 * Why removing the operation breaks no caller that heeded the spec, or undefined: it was deprecated
 * with no sunset date or one that has passed, or it never was stable (as oasdiff judges it).
 * @param {Record<string, any>} operation @param {number} now
 */
function retiredAt(operation, now) {
  const stability = String(operation["x-stability-level"] ?? "");
  if (stability === "alpha" || stability === "draft") return `(it was ${stability})`;
  if (operation.deprecated !== true) return undefined;
  if (operation["x-sunset"] === undefined) return "after its deprecation (no sunset date was set)";
  const sunset = Date.parse(String(operation["x-sunset"]));
  return Number.isFinite(sunset) && sunset <= now ? `after its sunset ${operation["x-sunset"]}` : undefined;
}

/**
 * @param {WalkContext} ctx @param {Record<string, any>} a @param {Record<string, any>} b
 * @param {{ pointer: string, place: string }} at
 */
function compareLifecycle(ctx, a, b, at) {
  if (a.deprecated !== true && b.deprecated === true)
    ctx.add(
      "operation-deprecated",
      `${at.pointer}/deprecated`,
      `${at.place} deprecated${b["x-sunset"] ? `, sunset ${b["x-sunset"]}` : ""}`,
    );
  if (a.deprecated === true && b.deprecated !== true)
    ctx.add("operation-reactivated", `${at.pointer}/deprecated`, `${at.place} no longer deprecated`);
  if (String(a["x-sunset"] ?? "") === String(b["x-sunset"] ?? "")) return;
  const [sa, sb] = [Date.parse(String(a["x-sunset"] ?? "")), Date.parse(String(b["x-sunset"] ?? ""))];
  const message = `${at.place}: x-sunset ${a["x-sunset"] ?? "none"} → ${b["x-sunset"] ?? "none"}`;
  if (Number.isFinite(sa) && Number.isFinite(sb) && sb < sa)
    ctx.add("operation-sunset-earlier", `${at.pointer}/x-sunset`, `${message} (callers have less time)`);
  else ctx.add("operation-sunset-changed", `${at.pointer}/x-sunset`, message);
}
