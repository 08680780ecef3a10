// @ts-check
// Reads and compares generated files, and writes single files into shared folders (the client's
// src/vendors, the vendor lists and manifests). A vendor package is replaced as a whole instead: see
// swap-package-dir.mjs.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { announceWriteStep, isLeftBehind } from "./interrupted-writes.mjs";

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
 * Writes the files of a shared folder that changed; unchanged files keep their bytes and mtime.
 * Each file is replaced by one rename, so it is always whole, old or new. The staged copies live in
 * a temp folder beside `dir` (`.<dir name>.vendorspec-tmp-<pid>`, names ending in .tmp), never
 * inside it, so no tool reading `dir` sees them; one a killed run left is removed by the next.
 * @param {string} dir
 * @param {PackageFiles} files
 * @returns {Promise<string[]>} absolute paths written
 */
export async function writePackageFiles(dir, files) {
  await removeLeftoverStaging(dir);
  const changed = await findStaleFiles(dir, files);
  if (changed.length === 0) return [];
  const staging = stagingDir(dir, process.pid);
  /** @param {string} target */
  const staged = (target) => path.join(staging, `${path.basename(target)}.tmp`);
  try {
    announceWriteStep("stage-dir", staging);
    await mkdir(staging, { recursive: true });
    for (const target of changed) {
      announceWriteStep("stage-file", staged(target));
      await writeFile(staged(target), /** @type {string} */ (files.get(path.basename(target))));
    }
    await mkdir(dir, { recursive: true });
    for (const target of changed) {
      announceWriteStep("replace-file", target);
      await rename(staged(target), target);
    }
  } finally {
    announceWriteStep("remove-stage-dir", staging);
    await rm(staging, { recursive: true, force: true });
  }
  return changed;
}

/**
 * @param {string} dir
 * @param {number} pid
 */
const stagingDir = (dir, pid) => path.join(path.dirname(dir), `.${path.basename(dir)}.vendorspec-tmp-${pid}`);

/**
 * Removes the staging folders of `dir` that killed runs left behind (their files were never
 * renamed into place, so they hold nothing anyone needs).
 * @param {string} dir
 */
async function removeLeftoverStaging(dir) {
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(dir))}\\.vendorspec-tmp-(\\d+)$`);
  /** @type {string[]} */
  let siblings;
  try {
    siblings = await readdir(path.dirname(dir));
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === "ENOENT") return;
    throw error;
  }
  for (const name of siblings.sort()) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || !isLeftBehind(Number(pid))) continue;
    announceWriteStep("remove-leftover", path.join(path.dirname(dir), name));
    await rm(path.join(path.dirname(dir), name), { recursive: true, force: true });
  }
}

/** @param {string} text */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
