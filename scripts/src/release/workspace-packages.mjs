// @ts-check
// The workspace's publishable packages (no `private: true`) with the other publishable packages each
// one needs at install time, and the order to publish them in: a package only after every package
// it depends on, so no version on the registry ever names a dependency that is not there.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

/**
 * @typedef {object} PublicPackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir        absolute
 * @property {string[]} dependsOn  publishable workspace packages in dependencies/peer/optional
 */

/** The dependency fields a consumer's install resolves (devDependencies are never installed). */
const INSTALLED = ["dependencies", "peerDependencies", "optionalDependencies"];

/**
 * @param {string} rootDir
 * @returns {Promise<PublicPackage[]>} sorted by name
 */
export async function readPublicPackages(rootDir) {
  const workspace = parse(await readFile(path.join(rootDir, "pnpm-workspace.yaml"), "utf8"));
  /** @type {string[]} */
  const dirs = [];
  for (const pattern of workspace?.packages ?? []) {
    if (typeof pattern !== "string" || pattern.startsWith("!")) continue;
    if (pattern.endsWith("/*")) {
      const parent = path.join(rootDir, pattern.slice(0, -2));
      for (const entry of await readdir(parent, { withFileTypes: true })) if (entry.isDirectory()) dirs.push(path.join(parent, entry.name));
    } else dirs.push(path.join(rootDir, pattern));
  }
  const manifests = [];
  for (const dir of dirs) {
    const text = await readFile(path.join(dir, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text);
    if (typeof manifest.name === "string" && manifest.private !== true) manifests.push({ dir, manifest });
  }
  const names = new Set(manifests.map((m) => m.manifest.name));
  return manifests
    .map(({ dir, manifest }) => ({
      name: manifest.name,
      version: String(manifest.version),
      dir,
      dependsOn: [...new Set(INSTALLED.flatMap((field) => Object.keys(manifest[field] ?? {})).filter((n) => names.has(n)))].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Leaves first; among packages that may go at the same point, by name (a stable order).
 * @template {{ name: string, dependsOn: string[] }} P
 * @param {P[]} packages
 * @returns {P[]}
 */
export function dependencyOrder(packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  /** @type {P[]} */
  const ordered = [];
  const placed = new Set();
  const visiting = new Set();
  /** @param {P} pkg @param {string[]} trail */
  const visit = (pkg, trail) => {
    if (placed.has(pkg.name)) return;
    if (visiting.has(pkg.name)) throw new Error(`dependency cycle between public packages: ${[...trail, pkg.name].join(" -> ")}`);
    visiting.add(pkg.name);
    for (const dep of pkg.dependsOn) {
      const next = byName.get(dep);
      if (next) visit(next, [...trail, pkg.name]);
    }
    visiting.delete(pkg.name);
    placed.add(pkg.name);
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}
