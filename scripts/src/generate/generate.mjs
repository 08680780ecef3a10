// @ts-check
// The generator: for each vendor in redocly.yaml, lint → bundle → compile types → render the
// package, all in one process with one loaded config. A vendor whose spec fails keeps its previous
// package untouched; the others are still generated.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { lintSpec, loadLintConfig, unparsableSpecProblem } from "../lint/lint-spec.mjs";
import { statusBodySchema } from "../model/job-declaration.mjs";
import { createSpecModel } from "../model/spec-model.mjs";
import { createSpecResolver } from "../model/spec-resolver.mjs";
import { buildVendorDescriptor } from "../model/vendor-descriptor.mjs";
import { readVendors, selectVendors } from "../model/vendors.mjs";
import { bundleSpec } from "./bundle-spec.mjs";
import { compileTypes } from "./compile-types.mjs";
import { findStaleFiles, readIfExists, writePackageFiles } from "./package-files.mjs";
import { renderDescriptorDts, renderIndexJs } from "./render-descriptor.mjs";
import { renderPackageJson, renderTurboJson } from "./render-package-json.mjs";
import { renderReadme } from "./render-readme.mjs";
import { renderClientEntry, renderClientIndex, renderMockVendorList, syncManifest } from "./render-workspace-files.mjs";
import { recoverPackageDir, recoverPackagesDir, replacePackageDir } from "./swap-package-dir.mjs";

/** @typedef {import("../model/vendors.mjs").Vendor} Vendor */
/** @typedef {import("../lint/format-problems.mjs").SpecProblem} SpecProblem */

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
  const allVendors = await readVendors(rootDir);
  const vendors = selectVendors(allVendors, names);
  const config = await loadLintConfig(rootDir);
  const license = await readFile(path.join(rootDir, "LICENSE"), "utf8");
  /** @type {VendorOutcome[]} */
  const outcomes = [];
  for (const vendor of vendors) {
    const resolver = createSpecResolver(config);
    const found = await lintSpec(vendor.specPath, config, rootDir, resolver);
    const problems = found.filter((p) => p.severity === "error");
    const warnings = found.filter((p) => p.severity !== "error");
    if (problems.length > 0) {
      outcomes.push({ vendor, problems, warnings, files: [] });
      continue;
    }
    /** @type {Awaited<ReturnType<typeof renderPackage>>} */
    let rendered;
    try {
      rendered = await renderPackage(vendor, config, license, resolver);
    } catch (error) {
      outcomes.push({ vendor, problems: [unparsableSpecProblem(error, vendor.specPath, rootDir)], warnings, files: [] });
      continue;
    }
    const touched = [];
    const clientExists = Boolean(await readIfExists(path.join(rootDir, "packages/client/package.json")));
    /** @type {Array<[string, Map<string, string>]>} */
    const targets = [[vendor.packageDir, rendered.packageFiles]];
    if (clientExists) targets.push([path.join(rootDir, CLIENT_VENDORS_DIR), rendered.clientFiles]);
    for (const [dir, files] of targets) {
      if (check) touched.push(...(await findStaleFiles(dir, files)));
      else if (dir !== vendor.packageDir) touched.push(...(await writePackageFiles(dir, files)));
      // A killed run may have left the package missing mid-swap: then this render read no
      // package.json (no released version), so render again once the old package is back.
      else if (await recoverPackageDir(dir))
        touched.push(...(await replacePackageDir(dir, (await renderPackage(vendor, config, license, resolver)).packageFiles)));
      else touched.push(...(await replacePackageDir(dir, files)));
    }
    outcomes.push({ vendor, problems: [], warnings, files: touched });
  }
  // Before the vendor lists are rendered from which packages exist: a vendor this run did not
  // generate may have been left mid-swap too.
  if (!check) await recoverPackagesDir(path.join(rootDir, "packages"));
  const shared = await renderWorkspaceFiles(rootDir, allVendors);
  const sharedTouched = [];
  for (const [dir, files] of shared)
    sharedTouched.push(...(check ? await findStaleFiles(dir, files) : await writePackageFiles(dir, files)));
  // Shared files belong to no one vendor; report them with the first outcome so --check names them.
  if (sharedTouched.length > 0 && outcomes[0]) outcomes[0].files.push(...sharedTouched);
  return outcomes;
}

const CLIENT_VENDORS_DIR = "packages/client/src/vendors";

/**
 * The vendor-list files of the client and the mock server, for the vendors that have a package.
 * @param {string} rootDir
 * @param {Vendor[]} vendors
 * @returns {Promise<Array<[string, Map<string, string>]>>}
 */
async function renderWorkspaceFiles(rootDir, vendors) {
  const generated = [];
  for (const vendor of vendors) if (await readIfExists(path.join(vendor.packageDir, "package.json"))) generated.push(vendor);
  const clientDir = path.join(rootDir, "packages/client");
  const mockDir = path.join(rootDir, "packages/mock-server");
  // A scratch root (tests, benchmarks) may hold only specs and vendor packages.
  const clientManifest = await readIfExists(path.join(clientDir, "package.json"));
  const mockManifest = await readIfExists(path.join(mockDir, "package.json"));
  /** @type {Array<[string, Map<string, string>]>} */
  const files = [];
  if (clientManifest !== undefined) {
    files.push(
      [path.join(rootDir, CLIENT_VENDORS_DIR), new Map([["index.ts", renderClientIndex(generated)]])],
      [
        clientDir,
        new Map([
          ["package.json", syncManifest(clientManifest, generated, { subpathExports: true })],
          ["x-vendorspec-job.schema.json", await readFile(new URL("../model/x-vendorspec-job.schema.json", import.meta.url), "utf8")],
        ]),
      ],
    );
  }
  const docsManifest = await readIfExists(path.join(rootDir, "packages/docs/package.json"));
  if (docsManifest !== undefined) {
    files.push([
      path.join(rootDir, "packages/docs"),
      new Map([["package.json", syncManifest(docsManifest, generated, { subpathExports: false })]]),
    ]);
  }
  if (mockManifest !== undefined) {
    files.push(
      [path.join(mockDir, "src"), new Map([["vendor-list.ts", renderMockVendorList(generated)]])],
      [mockDir, new Map([["package.json", syncManifest(mockManifest, generated, { subpathExports: false })]])],
    );
  }
  return files;
}

/**
 * Every file of packages/<vendor>, rendered in memory.
 * @param {Vendor} vendor
 * @param {import("@redocly/openapi-core").Config} config
 * @param {string} license
 * @param {import("@redocly/openapi-core").BaseResolver} resolver
 */
async function renderPackage(vendor, config, license, resolver) {
  const document = await bundleSpec(vendor.specPath, config, resolver);
  const existing = await readIfExists(path.join(vendor.packageDir, "package.json"));
  const existingVersion = existing ? JSON.parse(existing).version : undefined;
  const descriptor = buildVendorDescriptor(vendor, document);
  const model = createSpecModel(document);
  const statusOp = descriptor.job ? model.byId.get(descriptor.job.statusOperation) : undefined;
  const statusBody = statusOp ? statusBodySchema(model, statusOp) : undefined;
  return {
    descriptor,
    packageFiles: new Map([
      ["package.json", renderPackageJson(vendor, document, existingVersion)],
      ["turbo.json", renderTurboJson(vendor)],
      ["README.md", renderReadme(vendor, document)],
      ["LICENSE", license],
      ["index.d.ts", `${await compileTypes(document, vendor)}${renderDescriptorDts(descriptor)}`],
      ["index.js", renderIndexJs(vendor, descriptor)],
      ["openapi.json", `${JSON.stringify(document, null, 2)}\n`],
    ]),
    clientFiles: new Map([
      [
        `${vendor.name}.ts`,
        renderClientEntry(
          vendor,
          descriptor,
          statusBody?.mediaType ? { status: statusBody.status, mediaType: statusBody.mediaType } : undefined,
        ),
      ],
    ]),
  };
}
