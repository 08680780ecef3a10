// @ts-check
// A package as npm would ship it, checked before anything is uploaded: packed with pnpm (which
// turns `workspace:` ranges into versions), the tarball holds only what a consumer needs, its
// manifest names no workspace range and its types exist, publint --strict and arethetypeswrong
// (ESM-only profile) are clean. The release tests run the same checks on every public package.
import { execFile } from "node:child_process";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../node_modules/.bin");

/** What a consumer needs: built JS and .d.ts, openapi.json for type packages, the docs, the manifest. */
export const ALLOWED_TARBALL_FILES = [
  /^package\/package\.json$/,
  /^package\/(README|CHANGELOG)\.md$/,
  /^package\/LICENSE$/,
  /^package\/index\.(js|d\.ts)$/,
  /^package\/openapi\.json$/,
  /^package\/x-vendorspec-job\.schema\.json$/,
  /^package\/dist\/.+\.(js|d\.ts)$/,
  // The mock's command: a committed launcher that exists before the build (no install warning).
  /^package\/bin\/[^/]+\.js$/,
];

/**
 * @param {string} dir package folder
 * @param {string} dest folder for the tarball (created)
 * @returns {Promise<string>} the tarball's path
 */
export async function packPackage(dir, dest) {
  await mkdir(dest, { recursive: true });
  await run("pnpm", ["pack", "--pack-destination", dest], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  const tarballs = (await readdir(dest)).filter((f) => f.endsWith(".tgz"));
  if (tarballs.length !== 1) throw new Error(`pnpm pack in ${dir} left ${tarballs.length} tarballs in ${dest}`);
  return path.join(dest, /** @type {string} */ (tarballs[0]));
}

/**
 * @param {string} tarball
 * @returns {Promise<{ files: string[], manifest: Record<string, any> }>}
 */
export async function readTarball(tarball) {
  const { stdout: listing } = await run("tar", ["-tzf", tarball], { maxBuffer: 16 * 1024 * 1024 });
  const { stdout: manifest } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
  return { files: listing.trim().split("\n"), manifest: JSON.parse(manifest) };
}

/**
 * Everything wrong with a packed package; empty when it may be published.
 * @param {{ dir: string, tarball: string, name: string, version: string }} pkg
 * @returns {Promise<string[]>}
 */
export async function checkPackedPackage({ dir, tarball, name, version }) {
  const problems = [];
  const { files, manifest } = await readTarball(tarball);
  if (manifest.name !== name || manifest.version !== version)
    problems.push(`the tarball is ${manifest.name}@${manifest.version}, not ${name}@${version}`);
  for (const required of ["package/package.json", "package/README.md", "package/LICENSE"])
    if (!files.includes(required)) problems.push(`the tarball lacks ${required.slice("package/".length)}`);
  const extra = files.filter((f) => !ALLOWED_TARBALL_FILES.some((re) => re.test(f)));
  if (extra.length > 0) problems.push(`the tarball holds files a consumer does not need: ${extra.slice(0, 5).join(", ")}`);
  if (JSON.stringify(manifest).includes("workspace:")) problems.push("the packed manifest still names a workspace: range");
  const types = manifest.types ?? manifest.exports?.["."]?.types;
  if (types && !files.includes(`package/${String(types).replace(/^\.\//, "")}`))
    problems.push(`the types file ${types} is not in the tarball`);
  problems.push(...(await publintProblems(dir)), ...(await attwProblems(tarball)));
  return problems;
}

/** @param {string} dir */
async function publintProblems(dir) {
  const result = await run(path.join(BIN, "publint"), ["--strict"], { cwd: dir }).then(
    (r) => r.stdout,
    (/** @type {{ stdout?: string, stderr?: string }} */ e) => `${e.stdout ?? ""}${e.stderr ?? ""}`,
  );
  return result.includes("All good!") ? [] : [`publint --strict: ${result.trim().split("\n").slice(0, 6).join(" | ")}`];
}

/** The ESM-only profile leaves out node10 and require() from CommonJS, as our packages are ESM. */
async function attwProblems(/** @type {string} */ tarball) {
  const out = await run(path.join(BIN, "attw"), [tarball, "--profile", "esm-only", "--format", "json"], {
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (r) => r.stdout,
    (/** @type {{ stdout?: string }} */ e) => e.stdout ?? "",
  );
  let problems;
  try {
    problems = /** @type {Array<{ kind: string, resolutionKind?: string, entrypoint?: string }>} */ (
      JSON.parse(out).analysis?.problems ?? []
    );
  } catch {
    return ["arethetypeswrong gave no report"];
  }
  return problems
    .filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs")
    .map(
      (p) => `arethetypeswrong: ${p.kind}${p.entrypoint ? ` at ${p.entrypoint}` : ""}${p.resolutionKind ? ` (${p.resolutionKind})` : ""}`,
    );
}
