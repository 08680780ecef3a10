// @ts-check
// Classifies every change between two bundled OpenAPI 3.1 documents, as a TypeScript consumer of the
// generated types feels it. Schemas are compared with their $refs resolved, so moving a schema behind
// a $ref (or renaming a component) is not a change. Requests and responses are compared in their own
// direction: a new enum value breaks a consumer reading a response, not one sending a request.
import { createSpecModel } from "../model/spec-model.mjs";
import { diffJobDeclaration } from "./diff-job-declaration.mjs";
import { createChangeList } from "./rules.mjs";

/** @typedef {import("./rules.mjs").ChangeClass} ChangeClass */
/** @typedef {{ rule: string, class: ChangeClass, pointer: string, message: string }} Change */
/** @typedef {Record<string, any>} Node */

const DOC_KEYS = new Set(["description", "summary", "example", "examples", "title", "externalDocs", "deprecated"]);
/** @param {string} s */
const esc = (s) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * @param {Node} before
 * @param {Node} after
 * @returns {Change[]}
 */
export function diffSpecs(before, after) {
  const { changes, add } = createChangeList();
  /** Follows local $refs of a document. @param {Node} doc @param {any} node */
  const deref = (doc, node) => {
    let current = node;
    for (let i = 0; current && typeof current.$ref === "string" && i < 32; i++) {
      current = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce((/** @type {any} */ at, /** @type {string} */ seg) => at?.[seg.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
    }
    return current;
  };
  const A = (/** @type {any} */ n) => deref(before, n);
  const B = (/** @type {any} */ n) => deref(after, n);

  /** @param {any} a @param {any} b @param {string} pointer */
  const docsDiffer = (a, b, pointer) => {
    for (const key of DOC_KEYS) {
      if (JSON.stringify(a?.[key]) !== JSON.stringify(b?.[key])) {
        add("docs-changed", `${pointer}/${key}`, `${key} changed`);
        return;
      }
    }
  };

  /** @param {any} schema */
  const typesOf = (schema) => {
    const t = schema?.type;
    if (t === undefined) return undefined;
    return (Array.isArray(t) ? t : [t]).slice().sort();
  };

  /**
   * @param {any} aRaw @param {any} bRaw @param {string} pointer
   * @param {"request" | "response"} direction @param {Set<string>} seen
   */
  const diffSchema = (aRaw, bRaw, pointer, direction, seen = new Set()) => {
    const a = A(aRaw);
    const b = B(bRaw);
    if (!a || !b) return;
    const key = `${JSON.stringify(aRaw?.$ref ?? pointer)}|${JSON.stringify(bRaw?.$ref ?? pointer)}|${direction}`;
    if ((aRaw?.$ref || bRaw?.$ref) && seen.has(key)) return;
    seen.add(key);
    docsDiffer(a, b, pointer);

    const ta = typesOf(a);
    const tb = typesOf(b);
    if (ta && tb && JSON.stringify(ta) !== JSON.stringify(tb)) {
      const widened = tb.filter((t) => !ta.includes(t));
      const narrowed = ta.filter((t) => !tb.includes(t));
      if (direction === "response" && narrowed.length === 0 && widened.length === 1 && widened[0] === "null") {
        add("response-property-became-nullable", pointer, `now nullable (${ta.join("|")} → ${tb.join("|")})`);
      } else if (direction === "request" && narrowed.length === 0) {
        add("request-type-widened", pointer, `type widened (${ta.join("|")} → ${tb.join("|")})`);
      } else {
        add("type-changed", pointer, `type changed (${ta.join("|")} → ${tb.join("|")})`);
      }
    }

    /** @type {string[] | undefined} */
    const ea = Array.isArray(a.enum) ? a.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)) : undefined;
    /** @type {string[] | undefined} */
    const eb = Array.isArray(b.enum) ? b.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)) : undefined;
    if (ea || eb) {
      const addedValues = eb ? eb.filter((v) => !ea || !ea.includes(v)) : [];
      const removedValues = ea ? (eb ? ea.filter((v) => !eb.includes(v)) : []) : [];
      if (!ea && eb) {
        // An enum where there was none restricts requests and narrows responses.
        add(
          direction === "request" ? "request-enum-value-removed" : "response-enum-value-removed",
          `${pointer}/enum`,
          `now restricted to ${eb.join(", ")}`,
        );
      } else if (ea && !eb) {
        add(
          direction === "request" ? "request-enum-value-added" : "response-enum-value-added",
          `${pointer}/enum`,
          "no longer restricted to a set of values",
        );
      } else {
        if (addedValues.length)
          add(
            direction === "request" ? "request-enum-value-added" : "response-enum-value-added",
            `${pointer}/enum`,
            `values added: ${addedValues.join(", ")}`,
          );
        if (removedValues.length)
          add(
            direction === "request" ? "request-enum-value-removed" : "response-enum-value-removed",
            `${pointer}/enum`,
            `values removed: ${removedValues.join(", ")}`,
          );
      }
    }

    if (direction === "request") {
      /** @type {Array<[string, "lower" | "upper"]>} */
      const bounds = [
        ["maxLength", "upper"],
        ["maximum", "upper"],
        ["maxItems", "upper"],
        ["minLength", "lower"],
        ["minimum", "lower"],
        ["minItems", "lower"],
      ];
      for (const [bound, side] of bounds) {
        const va = a[bound];
        const vb = b[bound];
        if (va === vb) continue;
        const tightened = vb !== undefined && (va === undefined || (side === "upper" ? vb < va : vb > va));
        add(
          tightened ? "request-constraint-tightened" : "request-constraint-relaxed",
          `${pointer}/${bound}`,
          `${bound} ${va ?? "none"} → ${vb ?? "none"}`,
        );
      }
      if (a.pattern !== b.pattern) {
        add(
          b.pattern ? "request-constraint-tightened" : "request-constraint-relaxed",
          `${pointer}/pattern`,
          `pattern ${a.pattern ?? "none"} → ${b.pattern ?? "none"}`,
        );
      }
    }

    const pa = a.properties ?? {};
    const pb = b.properties ?? {};
    const ra = new Set(a.required ?? []);
    const rb = new Set(b.required ?? []);
    for (const name of Object.keys(pb)) {
      const at = `${pointer}/properties/${esc(name)}`;
      if (!(name in pa)) {
        if (direction === "request")
          add(
            rb.has(name) ? "required-property-added" : "optional-property-added",
            at,
            `property \`${name}\` added${rb.has(name) ? " as required" : ""}`,
          );
        else add("response-property-added", at, `property \`${name}\` added`);
        continue;
      }
      if (direction === "request" && !ra.has(name) && rb.has(name))
        add("property-became-required", at, `property \`${name}\` became required`);
      if (direction === "response" && ra.has(name) && !rb.has(name))
        add("response-property-became-optional", at, `property \`${name}\` became optional`);
      diffSchema(pa[name], pb[name], at, direction, seen);
    }
    for (const name of Object.keys(pa)) {
      if (name in pb) continue;
      add(
        direction === "request" ? "request-property-removed" : "response-property-removed",
        `${pointer}/properties/${esc(name)}`,
        `property \`${name}\` removed`,
      );
    }
    if (a.items || b.items) diffSchema(a.items ?? {}, b.items ?? {}, `${pointer}/items`, direction, seen);
    for (const combinator of ["allOf", "oneOf", "anyOf"]) {
      const ca = a[combinator] ?? [];
      const cb = b[combinator] ?? [];
      for (let i = 0; i < Math.min(ca.length, cb.length); i++) diffSchema(ca[i], cb[i], `${pointer}/${combinator}/${i}`, direction, seen);
      if (ca.length !== cb.length)
        add("type-changed", `${pointer}/${combinator}`, `${combinator} has ${cb.length} schemas instead of ${ca.length}`);
    }
  };

  /** @param {any} a @param {any} b @param {string} pointer @param {"request" | "response"} direction @param {boolean} isRequest */
  const diffContent = (a, b, pointer, direction, isRequest) => {
    const ca = a?.content ?? {};
    const cb = b?.content ?? {};
    for (const type of Object.keys(ca)) {
      const at = `${pointer}/content/${esc(type)}`;
      if (!(type in cb)) {
        add("media-type-removed", at, `media type ${type} removed`);
        continue;
      }
      docsDiffer(ca[type], cb[type], at);
      diffSchema(ca[type].schema, cb[type].schema, `${at}/schema`, direction);
    }
    for (const type of Object.keys(cb))
      if (!(type in ca)) add("media-type-added", `${pointer}/content/${esc(type)}`, `media type ${type} added`);
    void isRequest;
  };

  /** Operations by "method path", read through the spec model (path-level parameters merged). @param {Node} doc */
  const operationsOf = (doc) =>
    new Map(
      createSpecModel(doc).operations.map((o) => [
        `${o.method} ${o.path}`,
        { path: o.path, method: o.method, op: o.operation, parameters: o.parameters },
      ]),
    );

  docsDiffer(before.info, after.info, "/info");
  const opsA = operationsOf(before);
  const opsB = operationsOf(after);
  for (const [key, a] of opsA) {
    const base = `/paths/${esc(a.path)}/${a.method}`;
    const b = opsB.get(key);
    if (!b) {
      add("operation-removed", base, `${a.method.toUpperCase()} ${a.path} (${a.op.operationId}) removed`);
      continue;
    }
    if (a.op.operationId !== b.op.operationId)
      add("operation-id-changed", `${base}/operationId`, `operationId ${a.op.operationId} → ${b.op.operationId}`);
    docsDiffer(a.op, b.op, base);
    const secA = JSON.stringify(a.op.security ?? before.security ?? []);
    const secB = JSON.stringify(b.op.security ?? after.security ?? []);
    if (secA !== secB) add("security-changed", `${base}/security`, `security ${secA} → ${secB}`);

    /** @param {{ parameters: Node[] }} entry */
    const paramsOf = (entry) => new Map(entry.parameters.map((param) => [`${param.in}:${param.name}`, param]));
    const pa = paramsOf(a);
    const pb = paramsOf(b);
    for (const [id, param] of pb) {
      const at = `${base}/parameters/${esc(id)}`;
      const old = pa.get(id);
      if (!old) {
        add(
          param.required ? "required-parameter-added" : "optional-parameter-added",
          at,
          `${param.in} parameter \`${param.name}\` added${param.required ? " as required" : ""}`,
        );
        continue;
      }
      if (!old.required && param.required) add("parameter-became-required", at, `${param.in} parameter \`${param.name}\` became required`);
      if (old.required && !param.required) add("parameter-became-optional", at, `${param.in} parameter \`${param.name}\` became optional`);
      docsDiffer(old, param, at);
      diffSchema(old.schema, param.schema, `${at}/schema`, "request");
    }
    for (const [id, param] of pa)
      if (!pb.has(id)) add("request-parameter-removed", `${base}/parameters/${esc(id)}`, `${param.in} parameter \`${param.name}\` removed`);

    const bodyA = A(a.op.requestBody);
    const bodyB = B(b.op.requestBody);
    if (bodyA || bodyB) {
      if (bodyB?.required && !bodyA?.required) add("request-body-became-required", `${base}/requestBody`, "request body became required");
      diffContent(bodyA, bodyB, `${base}/requestBody`, "request", true);
    }

    const resA = a.op.responses ?? {};
    const resB = b.op.responses ?? {};
    for (const status of Object.keys(resA)) {
      const at = `${base}/responses/${status}`;
      if (!(status in resB)) {
        if (/^2/.test(status)) add("success-status-removed", at, `response ${status} removed`);
        else add("docs-changed", at, `error response ${status} no longer documented`);
        continue;
      }
      docsDiffer(A(resA[status]), B(resB[status]), at);
      diffContent(A(resA[status]), B(resB[status]), at, "response", false);
    }
    for (const status of Object.keys(resB))
      if (!(status in resA)) add("response-status-added", `${base}/responses/${status}`, `response ${status} added`);
  }
  for (const [key, b] of opsB)
    if (!opsA.has(key))
      add("operation-added", `/paths/${esc(b.path)}/${b.method}`, `${b.method.toUpperCase()} ${b.path} (${b.op.operationId}) added`);
  changes.push(...diffJobDeclaration(before, after));
  return changes;
}
