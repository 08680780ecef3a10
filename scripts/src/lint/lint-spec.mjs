// @ts-check
// Lints one spec with the repo's redocly.yaml rules. A spec that cannot even be parsed becomes one
// problem with its line and column, so callers handle every failure the same way.
import path from "node:path";
import { getLineColLocation, lint, lintFromString, loadConfig, YamlParseError } from "@redocly/openapi-core";
import { checkSpecFileLimits, SpecLimitError } from "../model/spec-limits.mjs";
import { createSpecResolver } from "../model/spec-resolver.mjs";
import { checkSpecVersion } from "./check-spec-version.mjs";
import { findRefCycle } from "./find-ref-cycle.mjs";

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
 *   the spec and its $ref files are read and parsed once; by default the same confined resolver
 *   generate uses, so `lint:specs` and `generate` refuse exactly the same refs
 * @returns {Promise<SpecProblem[]>}
 */
export async function lintSpec(specPath, config, rootDir, resolver = createSpecResolver(config)) {
  try {
    // Before anything reads the whole file (the version check does): a hostile root fails here.
    await checkSpecFileLimits(specPath);
    const wrongVersion = await checkSpecVersion(specPath, rootDir);
    if (wrongVersion) return [wrongVersion];
    const problems = await lint({ ref: specPath, config, externalRefResolver: resolver });
    return withoutRefusalEchoes(toSpecProblems(problems, rootDir));
  } catch (error) {
    if (error instanceof Error && error.message === CIRCULAR) return [await refCycleProblem(specPath, rootDir)];
    return [unparsableSpecProblem(error, specPath, rootDir)];
  }
}

/**
 * Lints a generated Arazzo document (not yet on disk) as `redocly lint` would at `filePath`.
 * @param {string} text
 * @param {string} filePath absolute path it will be written to (its sourceDescriptions resolve from there)
 * @param {import("@redocly/openapi-core").Config} config
 * @param {string} rootDir
 * @param {import("@redocly/openapi-core").BaseResolver} resolver
 * @returns {Promise<SpecProblem[]>}
 */
export async function lintGeneratedDocument(text, filePath, config, rootDir, resolver) {
  const problems = await lintFromString({ source: text, absoluteRef: filePath, config, externalRefResolver: resolver });
  return toSpecProblems(problems, rootDir);
}

/**
 * redocly's problems as SpecProblems, located by file (relative to the root), line and column.
 * @param {import("@redocly/openapi-core").NormalizedProblem[]} problems
 * @param {string} rootDir
 * @returns {SpecProblem[]}
 */
function toSpecProblems(problems, rootDir) {
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

/**
 * A refused $ref is also unresolved; no-unresolved-refs repeats the ref-confined message at the
 * same $ref, so keep only the rule that names the policy.
 * @param {SpecProblem[]} problems
 */
function withoutRefusalEchoes(problems) {
  const refused = new Set(problems.filter((p) => p.ruleId === "vendorspec/ref-confined").map((p) => `${p.file}\n${p.message}`));
  return problems.filter(
    (p) => !(p.ruleId === "no-unresolved-refs" && refused.has(`${p.file}\n${p.message.replace(/^Can't resolve \$ref: /, "")}`)),
  );
}

/** redocly's words for a $ref chain that loops back on itself; it gives no location. */
const CIRCULAR = "Self-referencing circular pointer";

/**
 * @param {string} specPath @param {string} rootDir
 * @returns {Promise<SpecProblem>}
 */
async function refCycleProblem(specPath, rootDir) {
  const cycle = await findRefCycle(specPath).catch(() => undefined);
  return {
    file: path.relative(rootDir, cycle?.file ?? specPath),
    line: cycle?.line ?? 1,
    col: cycle?.col ?? 1,
    severity: "error",
    ruleId: "ref-cycle",
    message: cycle?.message ?? "a circular $ref through the spec's other files never reaches a definition",
  };
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
  if (error instanceof SpecLimitError) {
    const { line, col, ruleId, message } = error;
    return { file: path.relative(rootDir, error.file), line, col, severity: "error", ruleId, message };
  }
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === "ENOENT") {
    return { file, line: 1, col: 1, severity: "error", ruleId: "spec-missing", message: "spec file does not exist" };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { file, line: 1, col: 1, severity: "error", ruleId: "spec-unreadable", message };
}
