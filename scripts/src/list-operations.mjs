// @ts-check
// Lists a bundled spec's operations in document order: the one walk the README, the docs site and
// the mock server share.

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {object} OperationEntry
 * @property {string} method        lower case
 * @property {string} path
 * @property {string} operationId
 * @property {string} summary
 * @property {Record<string, any>} operation
 */

/**
 * @param {import("./bundle-spec.mjs").OpenApiDocument} document
 * @returns {OperationEntry[]}
 */
export function listOperations(document) {
  /** @type {OperationEntry[]} */
  const entries = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = /** @type {Record<string, any> | undefined} */ (item[method]);
      if (!operation) continue;
      entries.push({
        method,
        path,
        operationId: String(operation.operationId ?? ""),
        summary: String(operation.summary ?? ""),
        operation,
      });
    }
  }
  return entries;
}
