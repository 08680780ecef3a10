// @ts-check
// Skips a vendor whose inputs and outputs are byte for byte what a previous successful run left:
// linting and compiling an unchanged spec again cannot give a different package, and it is most of
// a run's time (redocly compiles an ajv validator per example). A skip must never hide a change, so
// the key covers everything the generator reads and the outputs are checked on disk:
// - the toolchain: the generator's own source, the versions of the libraries it calls, redocly.yaml
//   and its plugins, LICENSE, and Node's major version (computed once per run);
// - every file in the spec's folder (a spec may only $ref files there: ref-confinement.mjs), with
//   symlinks hashed by their target, never followed; not the workflows generate writes there;
// - the outputs: every generated file (the package's, the client's vendor entry, the spec folder's
//   jobs.arazzo.yaml) must be on disk
//   with the recorded hash, so a hand edit or a deleted file is a miss. Other files in the package
//   folder (CHANGELOG.md, node_modules/) are not the generator's, as in a full run.
// Errors are never recorded, so a failing spec is linted every time. Entries live in
// node_modules/.cache/vendorspec-generate/<vendor>.json; a missing, corrupt or foreign entry is a miss.
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, readlink, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { GENERATED_SPEC_FILES } from "./render-arazzo.mjs";

/** Bumped when the entry's shape or the key's recipe changes, so old entries miss. */
const FORMAT = 2;
const CACHE_DIR = "node_modules/.cache/vendorspec-generate";
/** A spec folder larger than this is not cached (the size limits then fail it at lint anyway). */
const MAX_HASHED_BYTES = 64 * 1024 * 1024;
const MAX_HASHED_FILES = 2000;
const MAX_ENTRY_BYTES = 1024 * 1024;
/** The libraries whose output lands in a package: a new version may change it. */
const LIBRARIES = ["@redocly/openapi-core", "openapi-typescript", "typescript", "yaml"];
const SOURCE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** @typedef {import("../lint/format-problems.mjs").SpecProblem} SpecProblem */
/** @typedef {Map<string, string>} PackageFiles */
/**
 * @typedef {object} CacheEntry
 * @property {number} format
 * @property {string} key
 * @property {SpecProblem[]} warnings
 * @property {Array<{ dir: string, files: Record<string, string> }>} outputs  dir relative to the root
 */

const sha256 = (/** @type {string | Buffer} */ data) => createHash("sha256").update(data).digest("hex");

/** Vendors whose lookups read files at the same time (bounded: file handles are). */
const LOOKUP_CONCURRENCY = 16;

/**
 * Each vendor's cache key and, when its entry matches and its outputs are on disk as recorded, the
 * warnings of that run (a hit); `warnings` undefined is a miss, `key` undefined means the vendor
 * cannot be cached. All vendors are looked up at once: hashing is many small reads, so they wait on
 * the disk together, not one after another.
 * @param {string} rootDir
 * @param {import("../model/vendors.mjs").Vendor[]} vendors
 * @param {{ clientExists: boolean, onMiss?: () => void }} options
 *   clientExists decides the outputs (the client's vendor entry), so it is part of the key; onMiss
 *   is called at the first miss, while other lookups may still be reading
 * @returns {Promise<Array<{ key: string | undefined, warnings: SpecProblem[] | undefined }>>}
 */
export async function lookupVendors(rootDir, vendors, { clientExists, onMiss }) {
  const toolchain = `${await toolchainFingerprint(rootDir)} client:${clientExists}`;
  /** @type {Array<{ key: string | undefined, warnings: SpecProblem[] | undefined }>} */
  const results = new Array(vendors.length);
  let next = 0;
  const worker = async () => {
    while (next < vendors.length) {
      const index = next++;
      const vendor = /** @type {import("../model/vendors.mjs").Vendor} */ (vendors[index]);
      const key = await vendorInputKey(toolchain, vendor, rootDir);
      const warnings = key === undefined ? undefined : await lookupGeneration(rootDir, vendor.name, key);
      if (warnings === undefined) onMiss?.();
      results[index] = { key, warnings };
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, vendors.length) }, worker));
  return results;
}

/**
 * Everything outside the spec folder that shapes a package. One per run.
 * @param {string} rootDir
 * @returns {Promise<string>}
 */
async function toolchainFingerprint(rootDir) {
  const hash = createHash("sha256").update(`format ${FORMAT}\nnode ${process.versions.node.split(".")[0]}\n`);
  const source = await hashTree(SOURCE_DIR, { skip: new Set(["node_modules"]) });
  hash.update(`generator ${source ?? "unreadable"}\n`);
  const require = createRequire(import.meta.url);
  for (const name of LIBRARIES) hash.update(`${name} ${await libraryIdentity(require, name)}\n`);
  const redoclyYaml = await readFile(path.join(rootDir, "redocly.yaml"), "utf8");
  hash.update(`redocly.yaml ${sha256(redoclyYaml)}\n`);
  // Plugins named in redocly.yaml may live outside the generator's source (a scratch root's do).
  const plugins = /** @type {{ plugins?: unknown } | null} */ (parse(redoclyYaml))?.plugins;
  for (const plugin of Array.isArray(plugins) ? plugins : []) {
    if (typeof plugin !== "string") continue;
    const file = path.resolve(rootDir, plugin);
    hash.update(`plugin ${plugin} ${sha256(await readFile(file).catch(() => "missing"))}\n`);
  }
  hash.update(`LICENSE ${sha256(await readFile(path.join(rootDir, "LICENSE")).catch(() => "missing"))}\n`);
  return hash.digest("hex");
}

/**
 * A library's version and install path (pnpm's path carries the version and peer set).
 * @param {NodeJS.Require} require @param {string} name
 */
async function libraryIdentity(require, name) {
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const manifest = await readFile(path.join(dir, "package.json"), "utf8").catch(() => undefined);
      if (manifest !== undefined && JSON.parse(manifest).name === name) return `${JSON.parse(manifest).version} ${dir}`;
      const up = path.dirname(dir);
      if (up === dir) return "unresolved";
      dir = up;
    }
  } catch {
    return "unresolved";
  }
}

/**
 * Hash of a folder's relative paths and contents, symlinks by their target text. Undefined when the
 * folder is missing, too large or unreadable: then the caller does not cache.
 * @param {string} dir
 * @param {{ skip?: Set<string> }} [options] relative paths (`/`-separated) left out
 * @returns {Promise<string | undefined>}
 */
async function hashTree(dir, { skip = new Set() } = {}) {
  const hash = createHash("sha256");
  let bytes = 0;
  let files = 0;
  /** @param {string} rel @returns {Promise<boolean>} false when over a bound */
  const walk = async (rel) => {
    const entries = (await readdir(path.join(dir, rel), { withFileTypes: true })).map((e) => e.name).sort();
    for (const name of entries) {
      const relPath = rel ? `${rel}/${name}` : name;
      if (skip.has(relPath)) continue;
      const full = path.join(dir, relPath);
      const info = await lstat(full);
      if (++files > MAX_HASHED_FILES) return false;
      if (info.isSymbolicLink()) hash.update(`link ${relPath} ${await readlink(full)}\n`);
      else if (info.isDirectory()) {
        hash.update(`dir ${relPath}\n`);
        if (!(await walk(relPath))) return false;
      } else if (info.isFile()) {
        bytes += info.size;
        if (bytes > MAX_HASHED_BYTES) return false;
        hash.update(`file ${relPath} ${sha256(await readFile(full))}\n`);
      } else hash.update(`other ${relPath}\n`);
    }
    return true;
  };
  try {
    return (await walk("")) ? hash.digest("hex") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key of one vendor's run, or undefined when its spec folder cannot be hashed (no caching).
 * @param {string} toolchain from toolchainFingerprint, with whatever else all vendors share
 * @param {import("../model/vendors.mjs").Vendor} vendor
 * @param {string} rootDir
 */
async function vendorInputKey(toolchain, vendor, rootDir) {
  // The workflows generate writes into the spec folder are outputs (checked like the others), not
  // inputs; only whether each is there is keyed, so a stray one (a vendor with no workflow) is a
  // miss, which removes it.
  const specDir = path.dirname(vendor.specPath);
  const spec = await hashTree(specDir, { skip: new Set(GENERATED_SPEC_FILES) });
  if (spec === undefined) return undefined;
  const present = await Promise.all(
    GENERATED_SPEC_FILES.map((name) =>
      lstat(path.join(specDir, name)).then(
        () => name,
        () => "",
      ),
    ),
  );
  return sha256(
    `${toolchain}\n${vendor.name}\n${vendor.packageName}\n${path.relative(rootDir, vendor.specPath)}\n${spec}\n${present.join(",")}`,
  );
}

const entryPath = (/** @type {string} */ rootDir, /** @type {string} */ vendorName) => path.join(rootDir, CACHE_DIR, `${vendorName}.json`);

/**
 * The warnings of the recorded run when `key` matches and every recorded output is on disk as
 * recorded; undefined otherwise (a miss).
 * @param {string} rootDir @param {string} vendorName @param {string} key
 * @returns {Promise<SpecProblem[] | undefined>}
 */
async function lookupGeneration(rootDir, vendorName, key) {
  /** @type {CacheEntry} */
  let entry;
  try {
    const file = entryPath(rootDir, vendorName);
    if ((await lstat(file)).size > MAX_ENTRY_BYTES) return undefined;
    entry = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
  if (entry?.format !== FORMAT || entry.key !== key || !Array.isArray(entry.outputs) || !Array.isArray(entry.warnings)) return undefined;
  for (const output of entry.outputs) if (!(await outputMatches(rootDir, output))) return undefined;
  return entry.warnings;
}

/** @param {string} rootDir @param {CacheEntry["outputs"][number]} output */
async function outputMatches(rootDir, output) {
  const dir = path.resolve(rootDir, String(output?.dir));
  // A corrupt entry must not make the check read outside the root.
  if (path.relative(rootDir, dir).startsWith("..") || typeof output.files !== "object" || output.files === null) return false;
  const names = Object.keys(output.files);
  try {
    for (const name of names) {
      if (name.includes("/") || name.includes("\\")) return false;
      if (sha256(await readFile(path.join(dir, name))) !== output.files[name]) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Records a successful run whose outputs on disk are now exactly `outputs`. Written to a temp file
 * and renamed, so a concurrent or killed run leaves an old entry or a new one, never half of one.
 * @param {string} rootDir @param {string} vendorName @param {string} key
 * @param {SpecProblem[]} warnings
 * @param {Array<{ dir: string, files: PackageFiles }>} outputs dir absolute
 */
export async function recordGeneration(rootDir, vendorName, key, warnings, outputs) {
  /** @type {CacheEntry} */
  const entry = {
    format: FORMAT,
    key,
    warnings,
    outputs: outputs.map(({ dir, files }) => ({
      dir: path.relative(rootDir, dir),
      files: Object.fromEntries([...files].map(([name, content]) => [name, sha256(content)])),
    })),
  };
  const file = entryPath(rootDir, vendorName);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, file);
  } catch {
    // The cache only saves time: a read-only or full disk must not fail the generation.
    await rm(temp, { force: true }).catch(() => {});
  }
}
