// @ts-check
// The vendor registry of the code generator: redocly.yaml `apis:` is the one list of specs, so
// linting, generation and the docs can never disagree about which vendors exist.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

/**
 * @typedef {object} Vendor
 * @property {string} name          redocly alias and npm package segment, e.g. "docutray"
 * @property {string} packageName   e.g. "@vendorspec/docutray"
 * @property {string} specPath      absolute path of specs/<name>/openapi.yaml
 * @property {string} specFile      specPath relative to the repo root (used in messages)
 * @property {string} packageDir    absolute path of packages/<name>
 */

export const NPM_SCOPE = "@vendorspec";

/**
 * Reads the vendors declared in `<rootDir>/redocly.yaml`.
 * @param {string} rootDir
 * @returns {Promise<Vendor[]>}
 */
export async function readVendors(rootDir) {
  const configPath = path.join(rootDir, "redocly.yaml");
  const raw = parse(await readFile(configPath, "utf8"));
  const apis = raw?.apis;
  if (!apis || typeof apis !== "object") {
    throw new Error(`${configPath}: no \`apis:\` section; list every spec there (name: { root: specs/<name>/openapi.yaml }).`);
  }
  return Object.entries(apis).map(([name, api]) => {
    if (!api || typeof api.root !== "string") {
      throw new Error(`${configPath}: apis.${name} has no \`root\` (the spec path).`);
    }
    const specPath = path.resolve(rootDir, api.root);
    return {
      name,
      packageName: `${NPM_SCOPE}/${name}`,
      specPath,
      specFile: path.relative(rootDir, specPath),
      packageDir: path.join(rootDir, "packages", name),
    };
  });
}

/**
 * Picks the named vendors, failing on a name that is not registered.
 * @param {Vendor[]} vendors
 * @param {string[]} names  empty = all
 */
export function selectVendors(vendors, names) {
  if (names.length === 0) return vendors;
  const known = new Map(vendors.map((v) => [v.name, v]));
  return names.map((name) => {
    const vendor = known.get(name);
    if (!vendor) {
      throw new Error(`unknown vendor "${name}"; redocly.yaml lists: ${[...known.keys()].join(", ")}`);
    }
    return vendor;
  });
}
