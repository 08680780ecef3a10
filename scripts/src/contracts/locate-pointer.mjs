// @ts-check
// Maps a JSON pointer of the bundled spec to a line of the hand-written YAML, so a report points the
// spec author at the place to look. Where the pointer passes through a $ref (or names something that
// is gone), the deepest node that exists is reported.
import { isMap, isScalar, isSeq, parseDocument } from "yaml";

/**
 * @param {string} source YAML (or JSON) text of the spec
 * @returns {(pointer: string) => { line: number, exact: boolean }} 1-based line; `exact` when the
 *   whole pointer was found, not just its deepest existing ancestor
 */
export function createLocator(source) {
  const doc = parseDocument(source);
  const lineOf = (/** @type {number} */ offset) => source.slice(0, offset).split("\n").length;
  /** A `$ref: "#/..."` in the source is followed, so a bundled pointer lands in the component. */
  const followLocalRef = (/** @type {any} */ node) => {
    for (
      let hops = 0;
      isMap(node) && typeof node.get("$ref") === "string" && String(node.get("$ref")).startsWith("#/") && hops < 16;
      hops++
    ) {
      const target = doc.getIn(
        String(node.get("$ref"))
          .slice(2)
          .split("/")
          .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~")),
        true,
      );
      if (!target) break;
      node = target;
    }
    return node;
  };
  return (pointer) => {
    let node = /** @type {any} */ (doc.contents);
    let offset = node?.range?.[0] ?? 0;
    let exact = true;
    for (const raw of pointer.split("/").slice(1)) {
      const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
        if (!pair) {
          exact = false;
          break;
        }
        offset = /** @type {any} */ (pair.key)?.range?.[0] ?? offset;
        node = followLocalRef(pair.value);
      } else if (isSeq(node)) {
        // Parameters are addressed as "in:name" by the diff.
        const [where, name] = segment.split(":");
        const item =
          name !== undefined
            ? node.items.find((p) => isMap(p) && p.get("in") === where && p.get("name") === name)
            : node.items[Number(segment)];
        if (!item) {
          exact = false;
          break;
        }
        offset = /** @type {any} */ (item).range?.[0] ?? offset;
        node = followLocalRef(item);
      } else {
        exact = false;
        break;
      }
    }
    return { line: lineOf(offset), exact };
  };
}
