// @ts-check
// Reads an OpenAPI 3.0 document as 3.1 so one set of rules judges both: `nullable: true` becomes a
// "null" in `type` (and in `enum`, which 3.1 requires for null to validate), and boolean
// `exclusiveMinimum`/`exclusiveMaximum` become the numeric bounds of 3.1. (Scalar's upgrader does
// more but needs Node 22; these two are what changes how a diff reads a schema.)

/** Keys whose values are data, not schemas: never rewritten. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "x-vendorspec-job", "links"]);

/**
 * @param {Record<string, any>} document parsed; a 3.1 document is returned as is
 * @returns {Record<string, any>} a converted copy
 */
export function upgradeOpenApi30(document) {
  if (!/^3\.0\./.test(String(document.openapi))) return document;
  const copy = structuredClone(document);
  /** @type {Array<unknown>} */
  const stack = [copy];
  const seen = new Set();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const schema = /** @type {Record<string, any>} */ (node);
    upgradeSchemaKeywords(schema);
    for (const [key, value] of Object.entries(schema)) if (!DATA_KEYS.has(key) && !key.startsWith("x-")) stack.push(value);
  }
  copy.openapi = "3.1.0";
  return copy;
}

/** @param {Record<string, any>} schema */
function upgradeSchemaKeywords(schema) {
  if (typeof schema.nullable === "boolean") {
    if (schema.nullable && typeof schema.type === "string") schema.type = [schema.type, "null"];
    if (schema.nullable && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    delete schema.nullable;
  }
  for (const [flag, bound] of /** @type {const} */ ([
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ])) {
    if (typeof schema[flag] !== "boolean") continue;
    if (schema[flag] && typeof schema[bound] === "number") {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else delete schema[flag];
  }
}
