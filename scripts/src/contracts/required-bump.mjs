// @ts-check
// The semver bump a set of changes needs. Below 1.0.0 a breaking change is a minor bump (semver's
// 0.x convention, which changesets follows), a non-breaking one a minor too, docs a patch.
import { CLASS_RANK } from "./diff/rules.mjs";

/** @typedef {"major" | "minor" | "patch" | "none"} Bump */
export const BUMP_RANK = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * @param {Array<{ class: import("./diff/rule-table.mjs").ChangeClass }>} changes
 * @param {string} version the package's current version
 * @returns {Bump}
 */
export function requiredBump(changes, version) {
  const worst = changes.reduce((rank, c) => Math.max(rank, CLASS_RANK[c.class]), -1);
  if (worst < 0) return "none";
  if (worst === CLASS_RANK["docs-only"]) return "patch";
  if (worst === CLASS_RANK["non-breaking"]) return "minor";
  return version.startsWith("0.") ? "minor" : "major";
}
