// @ts-check
// JSON pointers (RFC 6901): the one way a spec, the job declaration and every report name a place.

/** @param {string} segment */
export const escapeSegment = (segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** @param {string} segment */
export const unescapeSegment = (segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~");

/**
 * "/a/b~1c" → ["a", "b/c"]; "" → [].
 * @param {string} pointer
 */
export function parsePointer(pointer) {
  if (pointer === "" || pointer === "#") return [];
  return pointer.replace(/^#/, "").split("/").slice(1).map(unescapeSegment);
}

/** @param {readonly (string | number)[]} segments */
export const formatPointer = (segments) => segments.map((s) => `/${escapeSegment(String(s))}`).join("");

/**
 * The value at `pointer` inside `value`, or undefined.
 * @param {unknown} value
 * @param {string} pointer
 */
export function readPointer(value, pointer) {
  let current = /** @type {any} */ (value);
  for (const segment of parsePointer(pointer)) {
    if (current === null || typeof current !== "object") return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : current[segment];
  }
  return current;
}
