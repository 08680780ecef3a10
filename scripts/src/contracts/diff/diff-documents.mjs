// @ts-check
// Classifies every change between two OpenAPI 3.1 documents (local $refs only, e.g. bundled), as a
// TypeScript consumer of the generated types feels it. Schemas are compared with their $refs
// resolved, so moving a schema behind a $ref or renaming a component is no change; requests and
// responses are judged in their own direction. One walk feeds one comparator per OpenAPI object.
import { compareInfo } from "./compare-info.mjs";
import { compareJobDeclaration } from "./compare-job-declaration.mjs";
import { compareOperations } from "./compare-operations.mjs";
import { compareSecuritySchemes } from "./compare-security.mjs";
import { createWalkContext } from "./walk-context.mjs";

/** @typedef {import("./walk-context.mjs").Change} Change */

/**
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @param {{ now?: number }} [options] `now` (ms since epoch) decides whether a sunset has passed
 * @returns {Change[]}
 */
export function diffDocuments(before, after, options = {}) {
  const ctx = createWalkContext(before, after, options);
  compareInfo(ctx);
  compareOperations(ctx);
  compareSecuritySchemes(ctx);
  compareJobDeclaration(ctx);
  return ctx.changes;
}
