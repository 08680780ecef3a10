// @ts-check
// Which $refs a spec may follow: only files inside the spec's own folder (specs/<vendor>/). The
// resolver refuses the rest before reading anything, and the lint rule reports them with the same
// words, so lint and generate can never disagree about a ref.
import { realpathSync } from "node:fs";
import path from "node:path";

/** Any URL scheme (http:, https:, file:, data:…); two letters at least so `C:` stays a path. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Why `ref` may not be followed, or undefined when it may (a missing file is left to
 * no-unresolved-refs, which says so).
 * @param {string} ref the $ref as written (a `#fragment` is ignored)
 * @param {string} fromFile absolute path of the file holding the $ref
 * @param {string} specDir absolute path of the folder of the spec's root file
 * @returns {string | undefined}
 */
export function refusedRefReason(ref, fromFile, specDir) {
  const uri = ref.split("#")[0] ?? "";
  if (uri === "") return undefined;
  const fix = "a spec may only $ref files inside its own folder; copy the file next to openapi.yaml";
  if (URL_SCHEME.test(uri)) return `$ref "${ref}" is a URL and is never fetched: ${fix}`;
  if (path.isAbsolute(uri)) return `$ref "${ref}" is an absolute path: ${fix} and use a relative path`;
  const target = path.resolve(path.dirname(fromFile), uri);
  if (isOutside(specDir, target)) return `$ref "${ref}" leaves the spec's folder: ${fix}`;
  const realTarget = realpathOrUndefined(target);
  const realDir = realpathOrUndefined(specDir) ?? specDir;
  if (realTarget !== undefined && isOutside(realDir, realTarget))
    return `$ref "${ref}" is a symlink to a file outside the spec's folder: ${fix}`;
  return undefined;
}

/** @param {string} dir @param {string} target */
function isOutside(dir, target) {
  const relative = path.relative(dir, target);
  return relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** @param {string} file */
function realpathOrUndefined(file) {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
