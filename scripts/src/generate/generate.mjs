// @ts-check
// The generator: for each vendor in redocly.yaml, lint → bundle → compile types → render the
// package, all in one process with one loaded config. A vendor whose spec fails keeps its previous
// package untouched; the others are still generated.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { readVendors, selectVendors } from "../model/vendors.mjs";
import { lookupVendors, recordGeneration } from "./generation-cache.mjs";
import { findStaleFiles, readIfExists, writePackageFiles } from "./package-files.mjs";
import { GENERATED_SPEC_FILES } from "./render-arazzo.mjs";
import { renderClientIndex, renderMockVendorList, syncManifest } from "./render-workspace-files.mjs";
import { recoverPackageDir, recoverPackagesDir, replacePackageDir } from "./swap-package-dir.mjs";

/** @typedef {import("../model/vendors.mjs").Vendor} Vendor */
/** @typedef {import("../lint/format-problems.mjs").SpecProblem} SpecProblem */

/**
 * @typedef {object} VendorOutcome
 * @property {Vendor} vendor
 * @property {SpecProblem[]} problems   errors that stopped generation (empty when it ran)
 * @property {SpecProblem[]} warnings
 * @property {string[]} files           check: stale files; write: files written (absolute)
 * @property {boolean} [cached]         skipped: inputs and outputs as a previous run left them
 */

/**
 * @param {{ rootDir: string, names?: string[], check?: boolean, cache?: boolean }} options
 *   cache: skip vendors whose spec, toolchain and outputs are unchanged (generation-cache.mjs)
 * @returns {Promise<VendorOutcome[]>}
 */
export async function generate({ rootDir, names = [], check = false, cache = true }) {
  const allVendors = await readVendors(rootDir);
  const vendors = selectVendors(allVendors, names);
  const license = await readFile(path.join(rootDir, "LICENSE"), "utf8");
  /** @type {Promise<Awaited<ReturnType<typeof loadVendorPipeline>>> | undefined} */
  let pipeline;
  const loadPipeline = () => {
    pipeline ??= loadVendorPipeline(rootDir);
    return pipeline;
  };
  /** @type {VendorOutcome[]} */
  const outcomes = [];
  const clientExists = Boolean(await readIfExists(path.join(rootDir, "packages/client/package.json")));
  const lookups = cache
    ? await lookupVendors(rootDir, vendors, {
        clientExists,
        // A miss needs the pipeline: start loading it while the other lookups wait on the disk
        // (a load failure is thrown where it is awaited).
        onMiss: () => void loadPipeline().catch(() => {}),
      })
    : [];
  for (const [index, vendor] of vendors.entries()) {
    const { key, warnings: cachedWarnings } = lookups[index] ?? {};
    if (cachedWarnings !== undefined) {
      outcomes.push({ vendor, problems: [], warnings: cachedWarnings, files: [], cached: true });
      continue;
    }
    const { config, lintSpec, lintGeneratedDocument, createSpecResolver, unparsableSpecProblem, renderPackage } = await loadPipeline();
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
    const specDir = path.dirname(vendor.specPath);
    // The generated workflows must lint clean: a problem here is the generator's, not the author's.
    const generatedProblems = [];
    for (const [name, text] of rendered.specFiles) {
      const found = await lintGeneratedDocument(text, path.join(specDir, name), config, rootDir, resolver);
      generatedProblems.push(...found.map((p) => ({ ...p, message: `(generated) ${p.message}` })));
    }
    if (generatedProblems.length > 0) {
      outcomes.push({ vendor, problems: generatedProblems, warnings, files: [] });
      continue;
    }
    warnings.push(
      ...rendered.specNotes.map((message) => ({
        file: vendor.specFile,
        line: 1,
        col: 1,
        severity: /** @type {const} */ ("warn"),
        ruleId: "vendorspec/jobs-workflow",
        message,
      })),
    );
    /** @type {string[]} */
    const touched = await removeDroppedSpecFiles(specDir, rendered.specFiles, check);
    /** @type {Array<[string, Map<string, string>]>} */
    const targets = [
      [vendor.packageDir, rendered.packageFiles],
      [specDir, rendered.specFiles],
    ];
    if (clientExists) targets.push([path.join(rootDir, CLIENT_VENDORS_DIR), rendered.clientFiles]);
    for (const target of targets) {
      const [dir, files] = target;
      if (check) touched.push(...(await findStaleFiles(dir, files)));
      else if (dir !== vendor.packageDir) touched.push(...(await writePackageFiles(dir, files)));
      // A killed run may have left the package missing mid-swap: then this render read no
      // package.json (no released version), so render again once the old package is back.
      else if (await recoverPackageDir(dir)) {
        target[1] = (await renderPackage(vendor, config, license, resolver)).packageFiles;
        touched.push(...(await replacePackageDir(dir, target[1])));
      } else touched.push(...(await replacePackageDir(dir, files)));
    }
    // --check writes nothing, the cache included; it only reads entries that write runs recorded.
    if (key !== undefined && !check) {
      await recordGeneration(
        rootDir,
        vendor.name,
        key,
        warnings,
        targets.map(([dir, files]) => ({ dir, files })),
      );
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
 * The generated files of a spec folder that this render no longer produces (a vendor whose start
 * lost its link has no workflow): named by --check, removed otherwise.
 * @param {string} specDir
 * @param {Map<string, string>} files
 * @param {boolean} check
 */
async function removeDroppedSpecFiles(specDir, files, check) {
  const dropped = [];
  for (const name of GENERATED_SPEC_FILES) {
    const target = path.join(specDir, name);
    if (files.has(name) || (await readIfExists(target)) === undefined) continue;
    if (!check) await rm(target, { force: true });
    dropped.push(target);
  }
  return dropped;
}

/**
 * redocly, openapi-typescript and TypeScript take over a second to load; a run whose vendors all
 * come from the cache never needs them.
 * @param {string} rootDir
 */
async function loadVendorPipeline(rootDir) {
  const [lint, resolver, render] = await Promise.all([
    import("../lint/lint-spec.mjs"),
    import("../model/spec-resolver.mjs"),
    import("./render-package.mjs"),
  ]);
  return {
    config: await lint.loadLintConfig(rootDir),
    lintSpec: lint.lintSpec,
    lintGeneratedDocument: lint.lintGeneratedDocument,
    unparsableSpecProblem: lint.unparsableSpecProblem,
    createSpecResolver: resolver.createSpecResolver,
    renderPackage: render.renderPackage,
  };
}

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
