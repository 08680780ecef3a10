// @ts-check
// For each vendor whose spec changed since a git ref: the bundled spec at the ref (the committed
// packages/<vendor>/openapi.json) against the spec bundled now, classified and located.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { bundleSpec } from "../generate/bundle-spec.mjs";
import { loadLintConfig } from "../lint/lint-spec.mjs";
import { createSpecModel } from "../model/spec-model.mjs";
import { readVendors } from "../model/vendors.mjs";
import { diffSpecs } from "./diff-specs.mjs";
import { createLocator } from "./locate-pointer.mjs";
import { requiredBump } from "./required-bump.mjs";
import { checkTypeCompatibility } from "./type-compatibility.mjs";

const run = promisify(execFile);

/** @param {string} rootDir @param {string[]} args */
const git = async (rootDir, args) => (await run("git", args, { cwd: rootDir, maxBuffer: 64 * 1024 * 1024 })).stdout;

/**
 * The default base for a package: its last release tag (changesets tags `name@version`), else the
 * merge base with main.
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
 * @param {{ rootDir: string, base?: string }} options
 */
export async function compareVendors({ rootDir, base }) {
  const config = await loadLintConfig(rootDir);
  const results = [];
  for (const vendor of await readVendors(rootDir)) {
    const ref = base ?? (await defaultBase(rootDir, vendor.packageName));
    const relativeJson = path.relative(rootDir, path.join(vendor.packageDir, "openapi.json"));
    const before = await git(rootDir, ["show", `${ref}:${relativeJson}`]).then(JSON.parse, () => undefined);
    const after = await bundleSpec(vendor.specPath, config);
    const manifest = JSON.parse(await readFile(path.join(vendor.packageDir, "package.json"), "utf8").catch(() => "{}"));
    const locate = createLocator(await readFile(vendor.specPath, "utf8"));
    const changes = before
      ? diffSpecs(before, after).map((c) => ({ ...c, location: `${vendor.specFile}:${locate(c.pointer)}` }))
      : [
          {
            rule: "operation-added",
            class: /** @type {const} */ ("non-breaking"),
            pointer: "/",
            message: `new package (not in ${ref})`,
            location: `${vendor.specFile}:1`,
          },
        ];
    const version = String(manifest.version ?? "0.1.0");
    // The type signal costs a compile of both versions; skip it when nothing changed.
    const typeBreaks = before && JSON.stringify(before) !== JSON.stringify(after) ? await checkTypeCompatibility(before, after) : [];
    const disagreements = before ? findDisagreements(after, changes, typeBreaks) : [];
    const bump = requiredBump([...changes, ...typeBreaks.map(() => ({ class: /** @type {const} */ ("breaking") }))], version);
    results.push({ vendor: vendor.name, packageName: vendor.packageName, base: ref, version, changes, typeBreaks, disagreements, bump });
  }
  return results;
}

/**
 * Operations where the rules and the compiler disagree about whether the change breaks consumers.
 * @param {any} after
 * @param {Array<{ class: string, rule: string, pointer: string }>} changes
 * @param {import("./type-compatibility.mjs").TypeBreak[]} typeBreaks
 */
export function findDisagreements(after, changes, typeBreaks) {
  const disagreements = [];
  for (const { operationId, method, path: route } of createSpecModel(after).operations) {
    const prefix = `/paths/${route.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}`;
    const byRules = changes.filter((c) => c.class === "breaking" && (c.pointer === prefix || c.pointer.startsWith(`${prefix}/`)));
    const byTypes = typeBreaks.filter((t) => t.operationId === operationId);
    if (byRules.length > 0 && byTypes.length === 0) {
      disagreements.push(
        `${operationId}: the rules say breaking (${[...new Set(byRules.map((c) => c.rule))].join(", ")}), the generated types stay compatible`,
      );
    } else if (byTypes.length > 0 && byRules.length === 0) {
      disagreements.push(`${operationId}: the generated types break (${byTypes[0]?.diagnostic}), no rule fired`);
    }
  }
  return disagreements;
}
