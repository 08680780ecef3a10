// @ts-check
// Turns redocly problems into `file:line:col  severity  rule  message` lines, the form editors and
// terminals make clickable.
import path from "node:path";
import { getLineColLocation } from "@redocly/openapi-core";

/**
 * @typedef {object} SpecProblem
 * @property {string} file       path relative to the repo root
 * @property {number} line
 * @property {number} col
 * @property {"error" | "warn"} severity
 * @property {string} ruleId
 * @property {string} message
 */

/**
 * @param {import("@redocly/openapi-core").NormalizedProblem[]} problems
 * @param {string} rootDir
 * @returns {SpecProblem[]}
 */
export function toSpecProblems(problems, rootDir) {
  return problems
    .filter((p) => p.severity === "error" || p.severity === "warn")
    .map((p) => {
      const location = p.location[0];
      const where = location ? getLineColLocation(location).start : { line: 1, col: 1 };
      const absolute = location?.source.absoluteRef ?? "";
      return {
        file: absolute ? path.relative(rootDir, absolute) : "(unknown file)",
        line: where.line,
        col: where.col,
        severity: /** @type {"error" | "warn"} */ (p.severity),
        ruleId: p.ruleId,
        message: p.message,
      };
    });
}

/** @param {SpecProblem} p */
export function formatProblem(p) {
  return `${p.file}:${p.line}:${p.col}  ${p.severity}  ${p.ruleId}  ${p.message}`;
}
