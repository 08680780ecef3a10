// @ts-check
// Replaces a generated package (packages/<vendor>) as a whole: the new package is built in a
// sibling folder and swapped in with renames, so a process killed at any instant leaves the old or
// the new package, never a mix of both, and never a temp file inside it.
//
// The swap of packages/<v>, by process <pid>:
//   stage    build packages/.<v>.vendorspec-new-<pid>: write the generated files that changed, and
//            hard-link every other regular file of packages/<v> (unchanged generated files,
//            CHANGELOG.md, …), so those keep bytes and mtime and are in both folders at once.
//   retire   rename packages/<v> → packages/.<v>.vendorspec-old-<pid>
//   install  rename packages/.<v>.vendorspec-new-<pid> → packages/<v>
//   carry    move into packages/<v> every entry of -old it lacks that is not a regular file
//            (node_modules/, .turbo/, …): moved, never copied, and at the same depth, so pnpm's
//            relative symlinks still resolve.
//   remove   delete -old (only the old generated files are left in it).
// Node has no atomic exchange of two folders, so between retire and install packages/<v> is
// absent; recovery puts the old package back.
//
// Recovery rule (recoverPackageDir), for the temp folders of a process that is gone:
//   - -old exists, packages/<v> does not: killed between retire and install. Rename -old back to
//     packages/<v> (the old package, complete), then delete -new.
//   - -old exists, packages/<v> too: killed after install. Finish: carry, then remove -old.
//   - only -new exists: killed while staging; packages/<v> was not touched (or never existed, for
//     a new vendor). Delete -new.
// Each of these steps can itself be interrupted and recovered by the same rule. Regular files at
// the top of -old are never carried: they were linked into the new package already, or are
// generated files the new render no longer produces.
import { copyFile, link, lstat, mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { announceWriteStep, isLeftBehind } from "./interrupted-writes.mjs";
import { escapeRegExp, findStaleFiles } from "./package-files.mjs";

/**
 * Replaces `dir` with a folder holding `files` and everything else `dir` held, if any file of
 * `files` differs from disk; otherwise touches nothing. Recovers a swap a killed run left first.
 * @param {string} dir
 * @param {import("./package-files.mjs").PackageFiles} files
 * @returns {Promise<string[]>} absolute paths of the generated files that changed
 */
export async function replacePackageDir(dir, files) {
  await recoverPackageDir(dir);
  const changed = await findStaleFiles(dir, files);
  if (changed.length === 0) return [];
  const { fresh, retired } = swapDirs(dir, process.pid);
  const written = new Set(changed.map((file) => path.basename(file)));
  try {
    announceWriteStep("stage-dir", fresh);
    await mkdir(fresh, { recursive: true });
    for (const [name, content] of files) {
      if (!written.has(name)) continue;
      announceWriteStep("stage-file", path.join(fresh, name));
      await writeFile(path.join(fresh, name), content);
    }
    const current = await listIfExists(dir);
    for (const entry of current ?? []) {
      if (!entry.isFile() || written.has(entry.name)) continue;
      announceWriteStep("link-file", path.join(fresh, entry.name));
      await linkOrCopy(path.join(dir, entry.name), path.join(fresh, entry.name));
    }
    if (current) {
      announceWriteStep("retire-old", dir);
      await rename(dir, retired);
    }
    announceWriteStep("install-new", dir);
    await rename(fresh, dir);
    if (current) await finishSwap(dir, retired);
  } catch (error) {
    // Our own temp folders count as left behind (isLeftBehind), so this rolls back or finishes.
    await recoverPackageDir(dir);
    throw error;
  }
  return changed;
}

/**
 * Applies the recovery rule to the temp folders a killed run left for `dir`.
 * @param {string} dir
 * @returns {Promise<boolean>} true when `dir` was missing and the old package was put back
 */
export async function recoverPackageDir(dir) {
  let restored = false;
  for (const pid of await leftoverPids(dir)) {
    const { fresh, retired } = swapDirs(dir, pid);
    if (await exists(retired)) {
      if (await exists(dir)) await finishSwap(dir, retired);
      else {
        announceWriteStep("restore-old", dir);
        await rename(retired, dir);
        restored = true;
      }
    }
    if (await exists(fresh)) {
      announceWriteStep("remove-new", fresh);
      await rm(fresh, { recursive: true, force: true });
    }
  }
  return restored;
}

/**
 * Recovers every package of `packagesDir` a killed run left mid-swap, whichever vendors this run
 * generates.
 * @param {string} packagesDir
 */
export async function recoverPackagesDir(packagesDir) {
  const names = new Set();
  for (const entry of (await listIfExists(packagesDir)) ?? []) {
    const match = /^\.(.+)\.vendorspec-(?:new|old)-\d+$/.exec(entry.name);
    if (match) names.add(match[1]);
  }
  for (const name of names) await recoverPackageDir(path.join(packagesDir, name));
}

/**
 * @param {string} dir
 * @param {number} pid
 */
function swapDirs(dir, pid) {
  const prefix = path.join(path.dirname(dir), `.${path.basename(dir)}.vendorspec`);
  return { fresh: `${prefix}-new-${pid}`, retired: `${prefix}-old-${pid}` };
}

/**
 * Pids of the processes that are gone and left a -new or -old folder for `dir`, ascending.
 * @param {string} dir
 */
async function leftoverPids(dir) {
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(dir))}\\.vendorspec-(?:new|old)-(\\d+)$`);
  const pids = new Set();
  for (const entry of (await listIfExists(path.dirname(dir))) ?? []) {
    const pid = pattern.exec(entry.name)?.[1];
    if (pid !== undefined && isLeftBehind(Number(pid))) pids.add(Number(pid));
  }
  return [...pids].sort((a, b) => a - b);
}

/**
 * Carry, then remove: moves what the new package lacks from the retired folder, then deletes it.
 * @param {string} dir
 * @param {string} retired
 */
async function finishSwap(dir, retired) {
  const present = new Set(await readdir(dir));
  for (const entry of (await listIfExists(retired)) ?? []) {
    if (entry.isFile() || present.has(entry.name)) continue;
    announceWriteStep("carry-over", path.join(dir, entry.name));
    await rename(path.join(retired, entry.name), path.join(dir, entry.name));
  }
  announceWriteStep("remove-old", retired);
  await rm(retired, { recursive: true, force: true });
}

/**
 * A hard link keeps bytes, mtime and mode for free; where the file system refuses one, a copy with
 * the mtime set back does.
 * @param {string} from
 * @param {string} to
 */
async function linkOrCopy(from, to) {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
    const { atime, mtime } = await stat(from);
    await utimes(to, atime, mtime);
  }
}

/**
 * Entries of `dir` sorted by name (so steps run in a stable order), or undefined if it is missing.
 * @param {string} dir
 */
async function listIfExists(dir) {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
}

/** @param {string} file */
async function exists(file) {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === "ENOENT") return false;
    throw error;
  }
}
