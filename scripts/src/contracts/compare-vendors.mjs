// @ts-check
// For each vendor: its spec as it was at a git ref (the folder checked out from git and bundled,
// so a spec that was broken there is noticed) against the spec now, classified and located.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadLintConfig } from "../lint/lint-spec.mjs";
import { readVendors } from "../model/vendors.mjs";
import { buildReport } from "./build-report.mjs";
import { existsAtCommit, extractAtCommit, git, resolveRef } from "./git-at-ref.mjs";
import { InputError, loadDocument } from "./load-document.mjs";

/**
 * The default base for a package: its last release tag (changesets tags `name@version`), else the
 * merge base with main, else HEAD.
 * @param {string} rootDir @param {string} packageName
 */
export async function defaultBase(rootDir, packageName) {
  const tags = (await git(rootDir, ["tag", "--list", `${packageName}@*`, "--sort=-v:refname"]).catch(() => ""))
    .trim()
    .split("\n")
    .filter(Boolean);
  if (tags[0]) return tags[0];
  for (const main of ["main", "origin/main"]) {
    const base = (await git(rootDir, ["merge-base", "HEAD", main]).catch(() => "")).trim();
    if (base) return base;
  }
  return "HEAD";
}

/**
 * @param {{ rootDir: string, base?: string, now?: number }} options
 */
export async function compareVendors({ rootDir, base, now }) {
  const config = await loadLintConfig(rootDir);
  // A named base is checked once, up front: a typo stops the gate instead of turning it off.
  const named = base === undefined ? undefined : { ref: base, commit: await resolveRef(rootDir, base) };
  const results = [];
  for (const vendor of await readVendors(rootDir)) {
    const ref = named?.ref ?? (await defaultBase(rootDir, vendor.packageName));
    const commit = named?.commit ?? (await resolveRef(rootDir, ref));
    const manifest = JSON.parse(await readFile(path.join(vendor.packageDir, "package.json"), "utf8").catch(() => "{}"));
    const version = String(manifest.version ?? "0.1.0");
    const revision = {
      document: await loadDocument(vendor.specPath, { label: vendor.specFile, config }),
      source: await readFile(vendor.specPath, "utf8"),
      label: vendor.specFile,
    };
    const before = await specAtCommit({ rootDir, vendor, ref, commit, config });
    const entry = { vendor: vendor.name, packageName: vendor.packageName, base: ref, version };
    if (!before) {
      const change = {
        rule: "operation-added",
        class: /** @type {const} */ ("non-breaking"),
        pointer: "/",
        message: `new package (neither ${vendor.specFile} nor packages/${vendor.name} exists at ${ref})`,
        location: `${vendor.specFile}:1`,
      };
      results.push({ ...entry, changes: [change], typeBreaks: [], disagreements: [], bump: "minor" });
      continue;
    }
    results.push({ ...entry, ...(await buildReport({ base: before, revision, version, ...(now === undefined ? {} : { now }) })) });
  }
  return results;
}

/**
 * The vendor's spec folder as it was at `commit`, bundled; undefined for a vendor that did not
 * exist yet. A package that existed without its spec, or a spec that does not bundle, is an error.
 * @param {{ rootDir: string, vendor: import("../model/vendors.mjs").Vendor, ref: string, commit: string,
 *   config: import("@redocly/openapi-core").Config }} options
 */
async function specAtCommit({ rootDir, vendor, ref, commit, config }) {
  const specFile = vendor.specFile.split(path.sep).join("/");
  if (!(await existsAtCommit(rootDir, commit, specFile))) {
    if (await existsAtCommit(rootDir, commit, `packages/${vendor.name}/package.json`))
      throw new InputError(`${vendor.name}: ${specFile} cannot be read at ${ref}, though packages/${vendor.name} exists there`);
    return undefined;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "vendorspec-base-"));
  try {
    await extractAtCommit(rootDir, commit, path.posix.dirname(specFile), dir);
    const file = path.join(dir, specFile);
    const label = `${specFile}@${ref}`;
    const document = await loadDocument(file, { label, config }).catch((error) => {
      throw new InputError(`${vendor.name}: the spec at ${ref} does not load: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { document, source: await readFile(file, "utf8"), label };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
