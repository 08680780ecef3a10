// @ts-check
// Decides whether the docs build may use an output folder, and claims it. Building empties the
// folder, so it must be one this builder made (it carries MARKER), an empty one, or a new one:
// never the repo root, a folder above it, or someone's non-empty folder.
import { mkdir, readdir, realpath, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** The file that marks a folder as built by this builder, so the next build may empty it. */
export const MARKER = ".vendorspec-docs";

const MARKER_TEXT =
  "Built by @vendorspec/docs (pnpm docs:build). This file lets the next build empty and rewrite this folder;\n" +
  "delete the whole folder, not just this file, to get rid of the site.\n";

/** An output folder the build refuses to use; the CLI exits 2 on it, having written nothing. */
export class OutDirRefusedError extends Error {}

/** @param {string} file */
const statOrUndefined = (file) => stat(file).catch(() => undefined);

/**
 * Why `outDir` must not be used, or undefined when it may. Reads only.
 * @param {{ rootDir: string, outDir: string }} options absolute paths
 * @returns {Promise<string | undefined>}
 */
export async function refuseOutDir({ rootDir, outDir }) {
  const found = await statOrUndefined(outDir);
  // Compare real paths, so a symlink to the repo (or above it) is seen for what it is.
  const out = found ? await realpath(outDir) : path.resolve(outDir);
  const root = await realpath(rootDir);
  // As the user would type it: relative inside the repo, absolute outside it.
  const relative = path.relative(rootDir, outDir);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? outDir : relative || ".";
  if (out === root) return `--out ${shown} is the repo root; building would empty it. Pick a folder of its own, e.g. --out site`;
  if (root.startsWith(out.endsWith(path.sep) ? out : out + path.sep)) {
    return `--out ${out} holds the repo; building would empty it. Pick a folder of its own, e.g. --out site`;
  }
  if (!found) return undefined;
  if (!found.isDirectory()) return `--out ${shown} is a file, not a folder; pick a folder`;
  const entries = await readdir(out);
  if (entries.length === 0 || entries.includes(MARKER)) return undefined;
  return `--out ${shown} is not empty and was not built by pnpm docs:build (no ${MARKER} in it), so it is left alone. Pick an empty or new folder, or delete this one yourself`;
}

/**
 * Makes `outDir` an empty folder carrying MARKER. Call only after refuseOutDir said yes.
 * @param {string} outDir
 */
export async function claimOutDir(outDir) {
  await mkdir(outDir, { recursive: true });
  // Empty it in place rather than deleting it: outDir may be a symlink, or a folder a server watches.
  for (const entry of await readdir(outDir)) await rm(path.join(outDir, entry), { recursive: true, force: true });
  await writeFile(path.join(outDir, MARKER), MARKER_TEXT);
}
