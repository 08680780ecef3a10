// @ts-check
// One reading of an OpenAPI 3.1 document: its operations (with path-level parameters merged and
// $refs followed), their responses and links, schemas by pointer, and the job declaration. The
// generator, the lint rules, the contract diff and the docs read specs through this module only.
// It works on a bundled document (local refs) or, given a `resolve`, on a spec as the linter sees it.
import { formatPointer, parsePointer } from "./json-pointer.mjs";

export const HTTP_METHODS = /** @type {const} */ (["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** @typedef {Record<string, any>} Node */

/**
 * @typedef {object} SpecOperation
 * @property {string} operationId
 * @property {string} method          lower case
 * @property {string} path
 * @property {string} summary
 * @property {Node} operation
 * @property {Node[]} parameters      path-level and operation-level, resolved
 * @property {string} pointer         JSON pointer of the operation in the document
 */

/**
 * Follows local `$ref`s ("#/components/...") of a bundled document.
 * @param {Node} document
 * @returns {(node: any) => any}
 */
export function localResolver(document) {
  return (node) => {
    let current = node;
    for (let hops = 0; current && typeof current.$ref === "string" && hops < 64; hops++) {
      const ref = /** @type {string} */ (current.$ref);
      if (!ref.startsWith("#")) return undefined;
      current = parsePointer(ref).reduce(
        (at, segment) => (at && typeof at === "object" ? at[segment] : undefined),
        /** @type {any} */ (document),
      );
    }
    return current;
  };
}

/**
 * @param {Node} document
 * @param {(node: any) => any} [resolve]
 */
export function createSpecModel(document, resolve = localResolver(document)) {
  /** @type {SpecOperation[]} */
  const operations = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = resolve(rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const operation = resolve(item[method]);
      if (!operation || typeof operation !== "object") continue;
      /** @type {Node[]} */
      const own = (operation.parameters ?? []).map(resolve).filter(Boolean);
      /** @type {Node[]} */
      const inherited = (item.parameters ?? []).map(resolve).filter(Boolean);
      // An operation-level parameter overrides a path-level one of the same name and location.
      const parameters = [...inherited.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      operations.push({
        operationId: String(operation.operationId ?? ""),
        method,
        path,
        summary: String(operation.summary ?? ""),
        operation,
        parameters,
        pointer: formatPointer(["paths", path, method]),
      });
    }
  }
  const byId = new Map(operations.map((o) => [o.operationId, o]));

  /**
   * The schema that describes the value at `pointer` inside a value of `schema`, following
   * properties, array items and compositions. Undefined when the schema has no such place.
   * @param {Node | undefined} schema
   * @param {string} pointer
   * @returns {Node | undefined}
   */
  const schemaAt = (schema, pointer) => {
    /** @type {(node: Node | undefined, segments: string[], depth: number) => Node | undefined} */
    const walk = (node, segments, depth) => {
      const current = resolve(node);
      if (!current || typeof current !== "object" || depth > 64) return undefined;
      if (segments.length === 0) return current;
      const [head, ...rest] = /** @type {[string, ...string[]]} */ (segments);
      const property = current.properties?.[head];
      if (property) return walk(property, rest, depth + 1);
      if (/^\d+$/.test(head) && current.items) return walk(current.items, rest, depth + 1);
      for (const branch of [...(current.allOf ?? []), ...(current.oneOf ?? []), ...(current.anyOf ?? [])]) {
        const found = walk(branch, segments, depth + 1);
        if (found) return found;
      }
      return undefined;
    };
    return walk(schema, parsePointer(pointer), 0);
  };

  /**
   * The JSON responses of an operation with a 2xx status, in the order the spec lists them.
   * @param {SpecOperation} op
   */
  const successResponses = (op) =>
    Object.entries(op.operation.responses ?? {})
      .filter(([status]) => /^2\d\d$/.test(status))
      .map(([status, raw]) => {
        const response = resolve(raw) ?? {};
        const [mediaType, media] = Object.entries(response.content ?? {}).find(([type]) => /\bjson\b/i.test(type)) ?? [];
        return { status: Number(status), response, mediaType, schema: media ? media.schema : undefined, links: response.links ?? {} };
      });

  return { document, resolve, operations, byId, schemaAt, successResponses };
}

/** @typedef {ReturnType<typeof createSpecModel>} SpecModel */
