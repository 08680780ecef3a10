// @ts-check
// Reads any OpenAPI 3.0 or 3.1 document (YAML or JSON, one file or several joined by $refs) into
// one bundled 3.1 document, treating it as hostile: bounded size, $refs confined to the file's own
// folder and never fetched over the network, and every failure an error naming the file and why.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, bundle, createConfig, YamlParseError } from "@redocly/openapi-core";
import { parse } from "yaml";
import { upgradeOpenApi30 } from "./upgrade-openapi-30.mjs";

/** Far above any real contract, far below what would hurt the machine. */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;

/** An input that cannot be compared (file, ref or flag); the CLIs exit 2 with its message. */
export class InputError extends Error {}

/** YAML aliases a real spec might use; a "billion laughs" document uses far more. */
const MAX_ALIASES = 1000;

/**
 * Parses the text once with alias expansion bounded, before redocly (which does not bound it) sees
 * it: a few hundred bytes of nested aliases would otherwise expand into gigabytes.
 * @param {string} file @param {string} label
 */
async function refuseAliasBombs(file, label) {
  const text = await readFile(file, "utf8");
  if (!text.includes("*")) return;
  try {
    parse(text, { maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (/alias/i.test(String(/** @type {Error} */ (error).message)))
      throw new InputError(`${label}: more than ${MAX_ALIASES} YAML alias expansions; refused as a resource-exhaustion attack`);
  }
}

/** Refuses $refs that leave the root folder or name a URL. */
class ConfinedResolver extends BaseResolver {
  /** @param {string} root */
  constructor(root) {
    super();
    this.root = root;
  }
  /** @override @param {string} absoluteRef */
  async loadExternalRef(absoluteRef) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef)) throw new Error(`remote $ref ${absoluteRef} is not fetched; bundle the spec first`);
    const relative = path.relative(this.root, absoluteRef);
    if (relative.startsWith("..") || path.isAbsolute(relative)) throw new Error(`$ref ${absoluteRef} leaves ${this.root}`);
    const size = (await stat(absoluteRef)).size;
    if (size > MAX_SPEC_BYTES) throw new Error(`${absoluteRef} is ${size} bytes, over the ${MAX_SPEC_BYTES}-byte limit`);
    await refuseAliasBombs(absoluteRef, absoluteRef);
    return super.loadExternalRef(absoluteRef);
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
  if (info.size > MAX_SPEC_BYTES) throw new InputError(`${label}: ${info.size} bytes, over the ${MAX_SPEC_BYTES}-byte limit`);
  await refuseAliasBombs(absolute, label);
  const config = options.config ?? (await createConfig({}));
  let result;
  try {
    result = await bundle({ ref: absolute, config, externalRefResolver: new ConfinedResolver(path.dirname(absolute)) });
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
