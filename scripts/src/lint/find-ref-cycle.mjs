// @ts-check
// Locates a $ref chain that never reaches a definition (A → B → A). redocly only throws
// "Self-referencing circular pointer" with no location; the author needs the schema and its line.
import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/**
 * A cycle of local $refs in `file`, located at the $ref of its first schema; undefined when the
 * file holds none (the cycle then runs through other files).
 * @param {string} file absolute path
 * @returns {Promise<{ line: number, col: number, message: string } | undefined>}
 */
export async function findRefCycle(file) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(file, "utf8"), { lineCounter, uniqueKeys: false });
  /** @type {Map<string, { target: string, offset: number }>} pointer of a `{ $ref }` node → where it points */
  const refs = new Map();
  collectLocalRefs(doc.contents, "", refs);
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
    const byPosition = (/** @type {string} */ a, /** @type {string} */ b) => (refs.get(a)?.offset ?? 0) - (refs.get(b)?.offset ?? 0);
    const schemas = cycle.filter((p) => SCHEMA.test(p)).sort(byPosition);
    const first = schemas[0] ?? [...cycle].sort(byPosition)[0] ?? at;
    const names = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first].map(label);
    const { line, col } = lineCounter.linePos(refs.get(first)?.offset ?? 0);
    return {
      line,
      col,
      message: `circular $ref: ${names.join(" → ")} never reaches a definition; make one of them a real schema`,
    };
  }
  return undefined;
}

const SCHEMA = /^\/components\/schemas\/([^/]+)$/;

/** @param {string} pointer */
const label = (pointer) => {
  const name = SCHEMA.exec(pointer)?.[1];
  return name ? `schema "${decodeSegment(name)}"` : `#${pointer}`;
};

/** @param {string} segment */
const decodeSegment = (segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
/** @param {string} text */
const decodeUri = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape cannot match any pointer, so it ends the chain
  }
};
/** @param {string} segment */
const encodeSegment = (segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Where following `pointer` leads: its own $ref, or the $ref of an ancestor with the rest appended
 * (redocly follows refs met along a pointer too). Undefined when no ref is involved.
 * @param {string} pointer @param {Map<string, { target: string }>} refs
 */
function follow(pointer, refs) {
  for (let prefix = pointer; ; prefix = prefix.slice(0, prefix.lastIndexOf("/"))) {
    const ref = refs.get(prefix);
    if (ref) return ref.target + pointer.slice(prefix.length);
    if (prefix === "") return undefined;
  }
}

/**
 * @param {unknown} node a yaml node
 * @param {string} pointer
 * @param {Map<string, { target: string, offset: number }>} refs
 */
function collectLocalRefs(node, pointer, refs) {
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) collectLocalRefs(item, `${pointer}/${i}`, refs);
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const value = pair.value;
    if (key === "$ref" && isScalar(value) && typeof value.value === "string" && value.value.startsWith("#/")) {
      refs.set(pointer, { target: decodeUri(value.value.slice(1)), offset: value.range?.[0] ?? 0 });
    }
    collectLocalRefs(value, `${pointer}/${encodeSegment(key)}`, refs);
  }
}
