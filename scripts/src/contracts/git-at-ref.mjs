// @ts-check
// Reading the repository as it was at a git ref, safely: the ref is validated and resolved to a
// commit before anything else sees it, and always passed after `--end-of-options`, so a ref such
// as `--output=x` is refused instead of becoming a git option.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { InputError, MAX_SPEC_BYTES } from "./load-document.mjs";

const run = promisify(execFile);
/** A spec folder with more files than this is not a spec folder. */
const MAX_FILES = 500;

/** @param {string} cwd @param {string[]} args */
export const git = async (cwd, args) => (await run("git", args, { cwd, maxBuffer: 4 * MAX_SPEC_BYTES })).stdout;

/**
 * The commit a ref names, or an InputError naming the ref.
 * @param {string} rootDir @param {string} ref
 */
export async function resolveRef(rootDir, ref) {
  // Control characters and a leading dash are never part of a ref a person typed.
  if (!ref || ref.startsWith("-") || [...ref].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw new InputError(`invalid git ref ${JSON.stringify(ref)}`);
  const out = await git(rootDir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).catch(() => "");
  const commit = out.trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new InputError(`unknown git ref ${JSON.stringify(ref)}: no such branch, tag or commit`);
  return commit;
}

/** @param {string} rootDir @param {string} commit @param {string} file repo-relative */
export async function existsAtCommit(rootDir, commit, file) {
  return git(rootDir, ["cat-file", "-e", `${commit}:${file}`]).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the files under `dir` as they were at `commit` into `into`, keeping their relative paths.
 * @param {string} rootDir @param {string} commit @param {string} dir repo-relative folder @param {string} into
 */
export async function extractAtCommit(rootDir, commit, dir, into) {
  const listing = await git(rootDir, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", `${dir}/`]);
  const entries = listing.split("\0").filter(Boolean);
  if (entries.length > MAX_FILES) throw new InputError(`${dir} at ${commit.slice(0, 12)} has ${entries.length} files, over ${MAX_FILES}`);
  for (const entry of entries) {
    const [meta, file] = /** @type {[string, string]} */ (entry.split("\t"));
    const [, type, object] = meta.split(" ");
    const target = path.resolve(into, file);
    if (type !== "blob" || !target.startsWith(`${path.resolve(into)}${path.sep}`)) continue;
    const size = Number((await git(rootDir, ["cat-file", "-s", String(object)])).trim());
    if (size > MAX_SPEC_BYTES)
      throw new InputError(`${file} at ${commit.slice(0, 12)} is ${size} bytes, over the ${MAX_SPEC_BYTES}-byte limit`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(
      target,
      await run("git", ["cat-file", "blob", String(object)], { cwd: rootDir, encoding: "buffer", maxBuffer: 2 * MAX_SPEC_BYTES }).then(
        (r) => r.stdout,
      ),
    );
  }
}
