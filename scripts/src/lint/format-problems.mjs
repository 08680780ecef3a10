// @ts-check
// A spec problem as every CLI prints it: `file:line:col  severity  rule  message`, the form editors
// and terminals make clickable. Free of redocly, so a run that lints nothing does not load it.

/**
 * @typedef {object} SpecProblem
 * @property {string} file       path relative to the repo root
 * @property {number} line
 * @property {number} col
 * @property {"error" | "warn"} severity
 * @property {string} ruleId
 * @property {string} message
 */

/** @param {SpecProblem} p */
export function formatProblem(p) {
  return `${p.file}:${p.line}:${p.col}  ${p.severity}  ${p.ruleId}  ${p.message}`;
}
