// @ts-check
// Locates a $ref chain that never reaches a definition (A → B → A), within a file or across the
// spec's files. redocly only throws "Self-referencing circular pointer" with no location; the
// author needs the schema, its file and its line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { escapeSegment, unescapeSegment } from "../model/json-pointer.mjs";
import { refusedRefReason } from "../model/ref-confinement.mjs";

/**
 * A cycle of $refs reachable from the spec's root `file`, through its own pointers and the files it
 * $refs inside its folder, located at the $ref of the cycle's first schema (the root file's first,
 * when the cycle passes through it); undefined when none is found.
 * @param {string} file absolute path of the root file
 * @returns {Promise<{ file: string, line: number, col: number, message: string } | undefined>}
 */
export async function findRefCycle(file) {
  const root = path.resolve(file);
  /** @type {Map<string, RefEdge>} `file#pointer` of a `{ $ref }` node → where it points */
  const refs = new Map();
  /** @type {Map<string, LineCounter>} */
  const files = new Map();
  const queue = [root];
  while (queue.length > 0 && files.size < MAX_FILES) {
    const next = /** @type {string} */ (queue.shift());
    if (files.has(next)) continue;
    const lineCounter = new LineCounter();
    files.set(next, lineCounter);
    const text = await readFile(next, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
    for (const [from, edge] of collectRefs(doc.contents, next, path.dirname(root))) {
      refs.set(from, edge);
      const targetFile = edge.target.slice(0, edge.target.indexOf("#"));
      if (!files.has(targetFile)) queue.push(targetFile);
    }
  }
  for (const start of refs.keys()) {
    /** @type {string[]} */
    const chain = [];
    /** @type {string | undefined} */
    let at = start;
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      at = follow(at, refs);
    }
    if (at === undefined) continue;
    const cycle = chain.slice(chain.indexOf(at));
    // Root-file schemas first, then the root file, then other files; by position within each.
    const rank = (/** @type {string} */ id) => (id.startsWith(`${root}#`) ? (SCHEMA.test(id.slice(root.length + 1)) ? 0 : 1) : 2);
    const fileOf = (/** @type {string} */ id) => refs.get(id)?.file ?? "";
    const byRank = (/** @type {string} */ a, /** @type {string} */ b) =>
      rank(a) - rank(b) || fileOf(a).localeCompare(fileOf(b)) || (refs.get(a)?.offset ?? 0) - (refs.get(b)?.offset ?? 0);
    const first = [...cycle].sort(byRank)[0] ?? at;
    const edge = /** @type {RefEdge} */ (refs.get(first));
    const names = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first].map((id) => label(id, root));
    const { line, col } = files.get(edge.file)?.linePos(edge.offset) ?? { line: 1, col: 1 };
    return {
      file: edge.file,
      line,
      col,
      message: `circular $ref: ${names.join(" → ")} never reaches a definition; make one of them a real schema`,
    };
  }
  return undefined;
}

/** A spec's files are few; a hostile tree of thousands is cut off, never walked. */
const MAX_FILES = 200;

/** @typedef {{ file: string, target: string, offset: number }} RefEdge target is `file#pointer` */

const SCHEMA = /^\/components\/schemas\/([^/]+)$/;

/** @param {string} id `file#pointer` @param {string} root the root file */
const label = (id, root) => {
  const hash = id.indexOf("#");
  const [file, pointer] = [id.slice(0, hash), id.slice(hash + 1)];
  const name = SCHEMA.exec(pointer)?.[1];
  const local = name ? `schema "${unescapeSegment(name)}"` : `#${pointer}`;
  if (file === root) return local;
  const relative = path.relative(path.dirname(root), file);
  return pointer === "" ? relative : `${relative}${name ? ` ${local}` : local}`;
};

/** @param {string} text */
const decodeUri = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape cannot match any pointer, so it ends the chain
  }
};

/**
 * Where following `id` leads: its own $ref, or the $ref of an ancestor with the rest appended
 * (redocly follows refs met along a pointer too). Undefined when no ref is involved.
 * @param {string} id `file#pointer` @param {Map<string, RefEdge>} refs
 */
function follow(id, refs) {
  const hash = id.indexOf("#");
  const file = id.slice(0, hash + 1);
  const pointer = id.slice(hash + 1);
  for (let prefix = pointer; ; prefix = prefix.slice(0, prefix.lastIndexOf("/"))) {
    const ref = refs.get(file + prefix);
    if (ref) return ref.target + pointer.slice(prefix.length);
    if (prefix === "") return undefined;
  }
}

/**
 * Every `$ref` of one file, as `file#pointer` → target `file#pointer`. Refs the resolver refuses
 * (ref-confinement.mjs) are left out: no cycle can form through them.
 * @param {unknown} node a yaml node
 * @param {string} file absolute path of the file holding `node`
 * @param {string} specDir
 * @param {string} [pointer]
 * @param {Array<[string, RefEdge]>} [out]
 */
function collectRefs(node, file, specDir, pointer = "", out = []) {
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) collectRefs(item, file, specDir, `${pointer}/${i}`, out);
  }
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const value = pair.value;
    if (key === "$ref" && isScalar(value) && typeof value.value === "string") {
      const target = resolveTarget(value.value, file, specDir);
      if (target !== undefined) out.push([`${file}#${pointer}`, { file, target, offset: value.range?.[0] ?? 0 }]);
    }
    collectRefs(value, file, specDir, `${pointer}/${escapeSegment(key)}`, out);
  }
  return out;
}

/**
 * `file#pointer` a $ref names, or undefined for one the resolver refuses or a malformed pointer.
 * @param {string} ref @param {string} fromFile @param {string} specDir
 */
function resolveTarget(ref, fromFile, specDir) {
  if (refusedRefReason(ref, fromFile, specDir) !== undefined) return undefined;
  const hash = ref.indexOf("#");
  const uri = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? "" : decodeUri(ref.slice(hash + 1));
  if (fragment !== "" && !fragment.startsWith("/")) return undefined;
  return `${uri === "" ? fromFile : path.resolve(path.dirname(fromFile), decodeUri(uri))}#${fragment}`;
}
