// @ts-check
// Reads any OpenAPI 3.0 or 3.1 document (YAML or JSON, one file or several joined by $refs) into
// one bundled 3.1 document, treating it as hostile: bounded size, $refs confined to the file's own
// folder and never fetched over the network, and every failure an error naming the file and why.
import { stat } from "node:fs/promises";
import path from "node:path";
import { bundle, createConfig, YamlParseError } from "@redocly/openapi-core";
import { checkSpecFileLimits, MAX_YAML_ALIASES, SpecLimitError } from "../model/spec-limits.mjs";
import { createSpecResolver } from "../model/spec-resolver.mjs";
import { upgradeOpenApi30 } from "./upgrade-openapi-30.mjs";

/** Far above any real contract, far below what would hurt the machine. */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;

/** An input that cannot be compared (file, ref or flag); the CLIs exit 2 with its message. */
export class InputError extends Error {}

/**
 * The root file within the size and YAML-alias bounds, checked before redocly reads it; errors
 * name the document as the caller labels it.
 * @param {string} file absolute path @param {string} label
 */
async function checkRootLimits(file, label) {
  try {
    await checkSpecFileLimits(file, MAX_SPEC_BYTES);
  } catch (error) {
    if (!(error instanceof SpecLimitError)) throw error;
    if (error.ruleId === "yaml-alias-limit")
      throw new InputError(
        `${label}: more than ${MAX_YAML_ALIASES} YAML alias expansions (the first alias at line ${error.line}, column ${error.col}); refused as a resource-exhaustion attack`,
      );
    throw new InputError(`${label}: ${error.message}`);
  }
}

/**
 * @param {string} file path of the document
 * @param {{ label?: string, config?: import("@redocly/openapi-core").Config }} [options]
 *   `label` names the file in errors (e.g. "specs/x/openapi.yaml at v1.2.0"); `config` is a loaded
 *   redocly config (the repo's), else redocly's defaults
 * @returns {Promise<Record<string, any>>}
 */
export async function loadDocument(file, options = {}) {
  const label = options.label ?? file;
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) throw new InputError(`${label}: no such file`);
  await checkRootLimits(absolute, label);
  const config = options.config ?? (await createConfig({}));
  let result;
  try {
    // The resolver lint and generate use: $refs confined to the file's folder, never fetched,
    // each file and the bundle bounded.
    const resolver = createSpecResolver(config, { maxFileBytes: MAX_SPEC_BYTES });
    result = await bundle({ ref: absolute, config, externalRefResolver: resolver });
  } catch (error) {
    if (error instanceof YamlParseError)
      throw new InputError(`${label}:${error.line}:${error.col}: not valid YAML or JSON (${error.message.replace(/ in ".*$/s, "")})`);
    throw new InputError(`${label}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const unresolved = result.problems.find((p) => p.severity === "error");
  if (unresolved) {
    const where = unresolved.location?.[0]?.pointer?.replace(/^#/, "") ?? "";
    throw new InputError(`${label}: ${unresolved.message} at ${where || "/"}`);
  }
  const document = /** @type {unknown} */ (result.bundle.parsed);
  if (document === null || typeof document !== "object" || Array.isArray(document))
    throw new InputError(`${label}: not an OpenAPI document (the top level is not a mapping)`);
  const parsed = /** @type {Record<string, any>} */ (document);
  if (!/^3\.[01]\.\d+/.test(String(parsed.openapi ?? "")))
    throw new InputError(`${label}: not an OpenAPI 3.0 or 3.1 document (openapi: ${JSON.stringify(parsed.openapi ?? null)})`);
  return upgradeOpenApi30(parsed);
}
