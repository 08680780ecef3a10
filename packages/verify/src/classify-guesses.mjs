// @ts-check
// What each `x-unverified` mark of a spec claims, in terms verify can observe: a response status an
// operation answers, the shape of a body, an auth failure code, the status words of a job, the key's
// scheme, an accepted parameter or request. Marks on anything else (a server, a tag) are listed as
// guesses verify cannot check.
import { collectUnverified, describePointer } from "@vendorspec/scripts/collect-unverified";
import { formatPointer, parsePointer } from "@vendorspec/scripts/json-pointer";
import { createSpecModel } from "@vendorspec/scripts/spec-model";

/**
 * @typedef {"response" | "schema" | "status-words" | "auth-scheme" | "operation" | "request" | "other"} GuessKind
 * @typedef {object} Guess
 * @property {string} pointer      JSON pointer of the marked node in the bundled spec
 * @property {string} where        the pointer as a spec author reads it
 * @property {string} assumption   the node's description
 * @property {GuessKind} kind
 * @property {Array<{ operationId: string, status: string }>} responses  kind response: where it is used
 * @property {string[]} operations  kind operation/request/status-words: the operations it is about
 */

/**
 * @param {any} document bundled spec
 * @returns {Guess[]}
 */
export function classifyGuesses(document) {
  const model = createSpecModel(document);
  const opByPointer = new Map(model.operations.map((op) => [op.pointer, op]));
  /** Which (operation, status) pairs use a response, inline or by a `$ref` to components. */
  /** @type {Map<string, Array<{ operationId: string, status: string }>>} */
  const responseUses = new Map();
  for (const op of model.operations) {
    for (const [status, raw] of Object.entries(op.operation.responses ?? {})) {
      const target = typeof raw?.$ref === "string" ? raw.$ref.slice(1) : formatPointer([...parsePointer(op.pointer), "responses", status]);
      responseUses.set(target, [...(responseUses.get(target) ?? []), { operationId: op.operationId, status }]);
    }
  }
  return collectUnverified(document).map(({ pointer, assumption }) => {
    const segments = parsePointer(pointer);
    const opPointer = segments[0] === "paths" && segments.length >= 3 ? formatPointer(segments.slice(0, 3)) : undefined;
    const op = opPointer ? opByPointer.get(opPointer) : undefined;
    const operations = op ? [op.operationId] : [];
    /** @type {Guess} */
    const guess = { pointer, where: describePointer(pointer), assumption, kind: "other", responses: [], operations };
    const rest = op ? segments.slice(3) : [];
    if (responseUses.has(pointer)) return { ...guess, kind: "response", responses: responseUses.get(pointer) ?? [] };
    // What the vendor accepts (a parameter, a request body, or a schema inside one): confirmed by a
    // call that used it and succeeded.
    if (op && (rest[0] === "requestBody" || rest[0] === "parameters")) return { ...guess, kind: "request" };
    if (segments[0] === "paths" && segments[2] === "parameters") {
      const onPath = model.operations.filter((o) => o.path === segments[1]);
      return { ...guess, kind: "request", operations: onPath.map((o) => o.operationId) };
    }
    if (segments[0] === "components" && (segments[1] === "parameters" || segments[1] === "requestBodies")) {
      const ref = JSON.stringify(`#${formatPointer(segments.slice(0, 3))}`);
      const users = model.operations.filter((o) => JSON.stringify([o.operation.parameters, o.operation.requestBody]).includes(ref));
      return { ...guess, kind: "request", operations: users.map((o) => o.operationId) };
    }
    // What the vendor answers.
    if (segments.includes("schema") || (segments[0] === "components" && segments[1] === "schemas")) return { ...guess, kind: "schema" };
    if (op && rest.length === 0) return { ...guess, kind: "operation" };
    if (op && rest[0] === "x-vendorspec-job") return { ...guess, kind: "status-words" };
    if (segments[0] === "components" && segments[1] === "securitySchemes" && segments.length === 3)
      return { ...guess, kind: "auth-scheme" };
    return guess;
  });
}
