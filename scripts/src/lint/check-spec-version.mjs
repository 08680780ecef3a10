// @ts-check
// Rejects documents redocly would happily lint as something else (an empty file, Swagger 2.0,
// OpenAPI 3.0): the generator and the client rely on OpenAPI 3.1 semantics (type arrays, no
// `nullable`), so the spec author must hear that first, with the line to fix.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, parseDocument } from "yaml";

/** @typedef {import("./format-problems.mjs").SpecProblem} SpecProblem */

/**
 * @param {string} specPath
 * @param {string} rootDir
 * @returns {Promise<SpecProblem | undefined>} undefined when the document is (or claims to be) 3.1;
 *   YAML syntax errors are left to redocly, which reports them with their position.
 */
export async function checkSpecVersion(specPath, rootDir) {
  const file = path.relative(rootDir, specPath);
  let source;
  try {
    source = await readFile(specPath, "utf8");
  } catch {
    return { file, line: 1, col: 1, severity: "error", ruleId: "spec-missing", message: "spec file does not exist or cannot be read" };
  }
  // Fast path: a top-level `openapi: 3.1.x` line (full YAML parsing costs more than linting a spec).
  if (/^openapi:[ \t]*["']?3\.1\.\d+["']?[ \t]*(#.*)?$/m.test(source) && !/^swagger:/m.test(source)) return undefined;
  const doc = parseDocument(source, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  /** @param {number} offset */
  const at = (offset) => {
    const before = source.slice(0, offset).split("\n");
    return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
  };
  if (!isMap(doc.contents)) {
    return {
      file,
      ...at(doc.contents?.range?.[0] ?? 0),
      severity: "error",
      ruleId: "openapi-3.1-required",
      message: "the spec is empty or not a YAML mapping; expected an OpenAPI 3.1 document starting with `openapi: 3.1.0`",
    };
  }
  const openapiPair = doc.contents.items.find((pair) => /** @type {any} */ (pair.key)?.value === "openapi");
  const swaggerPair = doc.contents.items.find((pair) => /** @type {any} */ (pair.key)?.value === "swagger");
  const version = /** @type {any} */ (openapiPair?.value)?.value;
  if (typeof version === "string" && /^3\.1\.\d+$/.test(version)) return undefined;
  const culprit = /** @type {any} */ (openapiPair ?? swaggerPair)?.key;
  const found = openapiPair
    ? `openapi: ${version}`
    : swaggerPair
      ? `swagger: ${/** @type {any} */ (swaggerPair.value)?.value}`
      : "no `openapi` field";
  return {
    file,
    ...at(culprit?.range?.[0] ?? 0),
    severity: "error",
    ruleId: "openapi-3.1-required",
    message: `only OpenAPI 3.1 is supported, found ${found}; set \`openapi: 3.1.0\``,
  };
}
