// @ts-check
// Reads, compares and writes a generated package's files. Writes are staged to temporary files
// and renamed into place only once every file is staged, so a failure never leaves a package
// half old, half new.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** @typedef {Map<string, string>} PackageFiles  file name → content */

/**
 * @param {string} file
 * @returns {Promise<string | undefined>}
 */
export async function readIfExists(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Names the files whose content on disk differs from `files` (missing files included).
 * @param {string} dir
 * @param {PackageFiles} files
 * @returns {Promise<string[]>} absolute paths
 */
export async function findStaleFiles(dir, files) {
  const stale = [];
  for (const [name, content] of files) {
    const target = path.join(dir, name);
    if ((await readIfExists(target)) !== content) stale.push(target);
  }
  return stale;
}

/**
 * Writes the files that changed; unchanged files keep their bytes and mtime.
 * @param {string} dir
 * @param {PackageFiles} files
 * @returns {Promise<string[]>} absolute paths written
 */
export async function writePackageFiles(dir, files) {
  const changed = await findStaleFiles(dir, files);
  if (changed.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  const staged = [];
  try {
    for (const target of changed) {
      await writeFile(`${target}${suffix}`, /** @type {string} */ (files.get(path.basename(target))));
      staged.push(target);
    }
    for (const target of staged) await rename(`${target}${suffix}`, target);
  } catch (error) {
    await Promise.all(staged.map((target) => rm(`${target}${suffix}`, { force: true })));
    throw error;
  }
  return changed;
}
