// @ts-check
// Where in a response body each marked schema applies: walks the response schemas (through local
// `$ref`s, properties, items and compositions) and records, per guessed schema pointer, the body
// places it describes (`/payload/id`, `/items/*/status`). verify then checks the observed values at
// those places against that schema alone, so a contradiction names the guess, not the whole body.
import { formatPointer, parsePointer, readPointer } from "@vendorspec/scripts/json-pointer";

/**
 * @typedef {object} SchemaPlace
 * @property {string} pointer    the guessed schema's pointer
 * @property {string[]} path     body place; "*" is any array item or map value
 * @property {boolean} optional  reached through oneOf/anyOf: a value there may belong to another branch
 */

const MAX_DEPTH = 48;

/**
 * @param {any} document bundled spec
 * @param {any} schema       a response's schema node (may be a `$ref`)
 * @param {string} pointer   the schema node's pointer
 * @param {Set<string>} guessed  pointers of the guessed schemas
 * @returns {SchemaPlace[]}
 */
export function findSchemaPlaces(document, schema, pointer, guessed) {
  /** @type {SchemaPlace[]} */
  const places = [];
  /** @type {(node: any, at: string, path: string[], optional: boolean, depth: number, onPath: Set<string>) => void} */
  const walk = (node, at, path, optional, depth, onPath) => {
    if (!node || typeof node !== "object" || depth > MAX_DEPTH) return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
      const target = node.$ref.slice(1);
      // A recursive schema (a tree) is walked once per place on the way down.
      if (onPath.has(target)) return;
      const resolved = readPointer(document, target);
      walk(resolved, target, path, optional, depth + 1, new Set([...onPath, target]));
      return;
    }
    if (guessed.has(at)) places.push({ pointer: at, path, optional });
    const child = (/** @type {string[]} */ key) => formatPointer([...parsePointer(at), ...key]);
    for (const [name, sub] of Object.entries(node.properties ?? {}))
      walk(sub, child(["properties", name]), [...path, name], optional, depth + 1, onPath);
    if (node.items && typeof node.items === "object") walk(node.items, child(["items"]), [...path, "*"], optional, depth + 1, onPath);
    if (node.additionalProperties && typeof node.additionalProperties === "object")
      walk(node.additionalProperties, child(["additionalProperties"]), [...path, "*"], optional, depth + 1, onPath);
    for (const [index, sub] of (node.allOf ?? []).entries()) walk(sub, child(["allOf", String(index)]), path, optional, depth + 1, onPath);
    for (const key of ["oneOf", "anyOf"])
      for (const [index, sub] of (node[key] ?? []).entries()) walk(sub, child([key, String(index)]), path, true, depth + 1, onPath);
  };
  walk(schema, pointer, [], false, 0, new Set());
  return places;
}

/**
 * The values at a body place ("*" fans out over arrays and objects).
 * @param {unknown} body
 * @param {string[]} path
 * @returns {unknown[]}
 */
export function valuesAt(body, path) {
  let current = [body];
  for (const segment of path) {
    /** @type {unknown[]} */
    const next = [];
    for (const value of current) {
      if (!value || typeof value !== "object") continue;
      if (segment === "*") next.push(...Object.values(value));
      else if (!Array.isArray(value) && Object.hasOwn(value, segment)) next.push(/** @type {Record<string, unknown>} */ (value)[segment]);
    }
    current = next;
  }
  return current;
}
