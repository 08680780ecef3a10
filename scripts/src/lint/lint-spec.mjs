// @ts-check
// Lints one spec with the repo's redocly.yaml rules. A spec that cannot even be parsed becomes one
// problem with its line and column, so callers handle every failure the same way.
import path from "node:path";
import { lint, loadConfig, YamlParseError } from "@redocly/openapi-core";
import { checkSpecVersion } from "./check-spec-version.mjs";
import { toSpecProblems } from "./format-problems.mjs";

/** @typedef {import("./format-problems.mjs").SpecProblem} SpecProblem */

/**
 * Loads redocly.yaml once; the returned config is shared by every lint and bundle of the run.
 * @param {string} rootDir
 */
export function loadLintConfig(rootDir) {
  return loadConfig({ configPath: path.join(rootDir, "redocly.yaml") });
}

/**
 * @param {string} specPath absolute path
 * @param {import("@redocly/openapi-core").Config} config
 * @param {string} rootDir
 * @param {import("@redocly/openapi-core").BaseResolver} [resolver] shared with the bundle step, so
 *   the spec and its $ref files are read and parsed once
 * @returns {Promise<SpecProblem[]>}
 */
export async function lintSpec(specPath, config, rootDir, resolver) {
  const wrongVersion = await checkSpecVersion(specPath, rootDir);
  if (wrongVersion) return [wrongVersion];
  try {
    const problems = await lint({ ref: specPath, config, ...(resolver ? { externalRefResolver: resolver } : {}) });
    return toSpecProblems(problems, rootDir);
  } catch (error) {
    return [unparsableSpecProblem(error, specPath, rootDir)];
  }
}

/**
 * @param {unknown} error
 * @param {string} specPath
 * @param {string} rootDir
 * @returns {SpecProblem}
 */
export function unparsableSpecProblem(error, specPath, rootDir) {
  const file = path.relative(rootDir, specPath);
  if (error instanceof YamlParseError) {
    // redocly's message repeats the absolute path and position; keep only the reason.
    const reason = error.message.replace(/ in ".*$/s, "");
    return { file, line: error.line, col: error.col, severity: "error", ruleId: "yaml-syntax", message: reason };
  }
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === "ENOENT") {
    return { file, line: 1, col: 1, severity: "error", ruleId: "spec-missing", message: "spec file does not exist" };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { file, line: 1, col: 1, severity: "error", ruleId: "spec-unreadable", message };
}
