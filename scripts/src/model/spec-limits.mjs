// @ts-check
// The size bounds every spec file and bundle must respect before anything parses or writes it: a
// spec is input from a vendor's docs, so a few hundred hostile bytes must fail fast, never hang.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isAlias, LineCounter, parseDocument, visit } from "yaml";

/** Per file (root or $ref'd); the largest real spec is a few hundred KiB. */
export const MAX_SPEC_FILE_BYTES = 4 * 1024 * 1024;
/** The bundled openapi.json; several files under the per-file cap may still add up. */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
/** YAML aliases a real spec might use; a "billion laughs" document needs far more. */
export const MAX_YAML_ALIASES = 1000;

const ANCHOR_LIKE = /(?:^|[\s,[{])&[^\s,[\]{}]/m;

/** A spec file or bundle over a bound; `line`/`col` point at the cause when there is one. */
export class SpecLimitError extends Error {
  /**
   * @param {string} message
   * @param {{ file: string, ruleId: string, line?: number, col?: number }} where `file` absolute
   */
  constructor(message, { file, ruleId, line = 1, col = 1 }) {
    super(message);
    this.file = file;
    this.ruleId = ruleId;
    this.line = line;
    this.col = col;
  }
}

/** A limit as people say it and as `ls -l` shows it: "4 MiB (4194304 bytes)". @param {number} bytes */
export const formatLimit = (bytes) => `${bytes / (1024 * 1024)} MiB (${bytes} bytes)`;

/**
 * Refuses a file over the size cap or whose YAML aliases would expand past MAX_YAML_ALIASES.
 * redocly's YAML parser does not bound alias expansion, and every later walk of the parsed
 * document (lint, bundle, JSON.stringify) would expand it, so this runs before redocly reads it.
 * @param {string} file absolute path
 * @param {number} [maxBytes] the per-file cap (contracts:diff takes whole bundled documents)
 * @returns {Promise<number>} the file's size in bytes (0 when it is not a file)
 */
export async function checkSpecFileLimits(file, maxBytes = MAX_SPEC_FILE_BYTES) {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return 0; // missing or a folder: the reader reports it, in redocly's words
  const size = info.size;
  if (size > maxBytes) {
    throw new SpecLimitError(
      `${path.basename(file)} is ${size} bytes, over the ${formatLimit(maxBytes)} limit per spec file; split it or remove what is not part of the contract`,
      { file, ruleId: "spec-file-too-large" },
    );
  }
  const text = await readFile(file, "utf8");
  // An alias must name an anchor defined before it, so a file with no anchor cannot expand: skip the
  // second parse (it was most of this check's time). An anchor follows a line start, a space or a
  // flow indicator; markdown bold, globs and "A & B" in descriptions do not look like one.
  if (!ANCHOR_LIKE.test(text)) return size;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  try {
    doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!/alias/i.test(String(/** @type {Error} */ (error)?.message))) return size; // syntax: redocly reports it, located
    /** @type {number | undefined} */
    let offset;
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    const where = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    throw new SpecLimitError(
      `YAML aliases expand past ${MAX_YAML_ALIASES} nodes (a resource-exhaustion "billion laughs" pattern); write the repeated parts out or use $ref`,
      { file, ruleId: "yaml-alias-limit", line: where.line, col: where.col },
    );
  }
  return size;
}
