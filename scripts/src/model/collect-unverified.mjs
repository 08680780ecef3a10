// @ts-check
// Finds every node a spec author marked `x-unverified: true` (a guess about the vendor's API), so
// the generated README and the docs site can list what still needs confirming with the vendor.

/**
 * @typedef {object} UnverifiedPart
 * @property {string} pointer      JSON pointer into the bundled spec
 * @property {string} assumption   the node's description (what is assumed)
 */

/**
 * @param {unknown} document bundled spec
 * @returns {UnverifiedPart[]}
 */
export function collectUnverified(document) {
  /** @type {UnverifiedPart[]} */
  const found = [];
  /** @param {unknown} node @param {string} pointer */
  const visit = (node, pointer) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) visit(child, `${pointer}/${i}`);
      return;
    }
    if (!node || typeof node !== "object") return;
    const record = /** @type {Record<string, unknown>} */ (node);
    if (record["x-unverified"] === true) {
      const description = typeof record.description === "string" ? record.description : "";
      found.push({ pointer: pointer || "/", assumption: description.trim() || "(no description given)" });
    }
    for (const [key, child] of Object.entries(record)) {
      visit(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    }
  };
  visit(document, "");
  return found;
}

/**
 * Reads a JSON pointer the way a spec author thinks of the place: `GET /v1/x › responses › 200`,
 * `schema ImportFile › started_at`.
 * @param {string} pointer
 */
export function describePointer(pointer) {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (parts[0] === "paths" && parts.length >= 2) {
    const [, route, method, ...rest] = parts;
    const head = method ? `${method.toUpperCase()} ${route}` : `${route}`;
    return [head, ...rest].join(" › ");
  }
  if (parts[0] === "components" && parts.length >= 3) {
    const [, kind, name, ...rest] = parts;
    const label = (kind ?? "").replace(/s$/, "").replace(/^securityScheme$/, "security scheme");
    return [`${label} ${name}`, ...rest.filter((p) => p !== "properties")].join(" › ");
  }
  return pointer || "/";
}
