// @ts-check
// The generator: for each vendor in redocly.yaml, lint → bundle → compile types → render the
// package, all in one process with one loaded config. A vendor whose spec fails keeps its previous
// package untouched; the others are still generated.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BaseResolver } from "@redocly/openapi-core";
import { bundleSpec } from "./bundle-spec.mjs";
import { compileTypes } from "./compile-types.mjs";
import { lintSpec, loadLintConfig, unparsableSpecProblem } from "./lint-spec.mjs";
import { findStaleFiles, readIfExists, writePackageFiles } from "./package-files.mjs";
import { renderIndexJs, renderPackageJson, renderTurboJson } from "./render-package-json.mjs";
import { renderReadme } from "./render-readme.mjs";
import { readVendors, selectVendors } from "./vendors.mjs";

/** @typedef {import("./vendors.mjs").Vendor} Vendor */
/** @typedef {import("./format-problems.mjs").SpecProblem} SpecProblem */

/**
 * @typedef {object} VendorOutcome
 * @property {Vendor} vendor
 * @property {SpecProblem[]} problems   errors that stopped generation (empty when it ran)
 * @property {SpecProblem[]} warnings
 * @property {string[]} files           check: stale files; write: files written (absolute)
 */

/**
 * @param {{ rootDir: string, names?: string[], check?: boolean }} options
 * @returns {Promise<VendorOutcome[]>}
 */
export async function generate({ rootDir, names = [], check = false }) {
  const vendors = selectVendors(await readVendors(rootDir), names);
  const config = await loadLintConfig(rootDir);
  const license = await readFile(path.join(rootDir, "LICENSE"), "utf8");
  /** @type {VendorOutcome[]} */
  const outcomes = [];
  for (const vendor of vendors) {
    const resolver = new BaseResolver(config.resolve);
    const found = await lintSpec(vendor.specPath, config, rootDir, resolver);
    const problems = found.filter((p) => p.severity === "error");
    const warnings = found.filter((p) => p.severity !== "error");
    if (problems.length > 0) {
      outcomes.push({ vendor, problems, warnings, files: [] });
      continue;
    }
    /** @type {Map<string, string>} */
    let files;
    try {
      files = await renderPackage(vendor, config, license, resolver);
    } catch (error) {
      outcomes.push({ vendor, problems: [unparsableSpecProblem(error, vendor.specPath, rootDir)], warnings, files: [] });
      continue;
    }
    const touched = check ? await findStaleFiles(vendor.packageDir, files) : await writePackageFiles(vendor.packageDir, files);
    outcomes.push({ vendor, problems: [], warnings, files: touched });
  }
  return outcomes;
}

/**
 * Every file of packages/<vendor>, rendered in memory.
 * @param {Vendor} vendor
 * @param {import("@redocly/openapi-core").Config} config
 * @param {string} license
 * @param {BaseResolver} resolver
 */
async function renderPackage(vendor, config, license, resolver) {
  const document = await bundleSpec(vendor.specPath, config, resolver);
  const existing = await readIfExists(path.join(vendor.packageDir, "package.json"));
  const existingVersion = existing ? JSON.parse(existing).version : undefined;
  return new Map([
    ["package.json", renderPackageJson(vendor, document, existingVersion)],
    ["turbo.json", renderTurboJson(vendor)],
    ["README.md", renderReadme(vendor, document)],
    ["LICENSE", license],
    ["index.d.ts", await compileTypes(document, vendor)],
    ["index.js", renderIndexJs(vendor)],
    ["openapi.json", `${JSON.stringify(document, null, 2)}\n`],
  ]);
}
