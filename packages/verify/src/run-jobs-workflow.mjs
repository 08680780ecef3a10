// @ts-check
// Runs a vendor's generated job workflows (specs/<vendor>/jobs.arazzo.yaml) under `redocly respect`
// against a server, then judges every attempt in respect's JSON log: respect's exit code reflects
// only the last retry's checks, so an off-spec answer it retried past would otherwise pass unseen.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { API_KEY_INPUT, ARAZZO_FILE } from "@vendorspec/scripts/arazzo";
import { readVendors, selectVendors } from "@vendorspec/scripts/vendors";
import { parse } from "yaml";

/** respect reads `--input` from this variable: the key stays out of argv (`ps`, shell history). */
const INPUT_ENV = "REDOCLY_CLI_RESPECT_INPUT";
/** respect's yargs reads every option from `REDOCLY_CLI_RESPECT_<OPTION>`: none may leak in from the caller. */
const INHERITED_OPTION_PREFIX = "REDOCLY_CLI_RESPECT_";
/** Enough of respect's output to read its failures, however long a run of retries prints. */
const OUTPUT_LIMIT = 64 * 1024;
/** respect writes its log after its own `--execution-timeout`; only a hung process outlives this too. */
const KILL_GRACE_MS = 30_000;
const MASK = "***";

/**
 * Failing checks that say nothing about the vendor's answer. Any other failing check (status code,
 * content-type, schema: respect's contract checks) marks the attempt off-spec.
 */
const NOT_OFF_SPEC = new Map([
  // A failing success criterion on a retried poll is what triggers the retry.
  ["success criteria check", "drives the retries"],
  // respect's own failure to evaluate a retry criterion: `$response.body#/status` on a documented
  // 429 or 500 body, which has no status word. The answer is judged by the checks above.
  ["unexpected error", "a criterion respect could not evaluate"],
]);

/**
 * @typedef {object} OffSpecCheck
 * @property {string} stepId
 * @property {number} attempt  1-based, per step: the first poll is 1, its first retry 2
 * @property {number | null} statusCode  null when no response arrived
 * @property {string} check  respect's check name, e.g. "status code check"
 * @property {string} message
 *
 * @typedef {object} WorkflowResult
 * @property {string} workflowId
 * @property {string} status  respect's: "success" or "error"
 * @property {number} attempts  every step attempt respect made (the start, then each poll)
 * @property {OffSpecCheck[]} offSpec
 *
 * @typedef {object} JobsWorkflowResult
 * @property {boolean} passed  respect exited 0, its log was read, and no attempt was off-spec
 * @property {number | null} exitCode  null: respect was killed (it outlived timeoutMs and a grace)
 * @property {WorkflowResult[]} workflows
 * @property {string} output  the tail of respect's stdout and stderr, the key masked
 */

/**
 * The parts of respect's JSON log (`--json-output`) read here. The body of an earlier retry is
 * overwritten by the last one's, so only status codes and checks are read per attempt.
 * @typedef {{ name: string, passed: boolean, message?: string, condition?: string }} LoggedCheck
 * @typedef {{ stepId: string, response?: { statusCode?: number }, checks?: LoggedCheck[] }} LoggedStep
 * @typedef {{ workflowId: string, status: string, executedSteps?: LoggedStep[] }} LoggedWorkflow
 * @typedef {{ files?: Record<string, { executedWorkflows?: LoggedWorkflow[] }> }} RespectLog
 */

/**
 * Runs the job workflows of `vendor` against `baseUrl` with `apiKey`.
 * @param {{ rootDir: string, vendor: string, baseUrl: string, apiKey: string, timeoutMs?: number }} options
 * @returns {Promise<JobsWorkflowResult>}
 */
export async function runJobsWorkflows({ rootDir, vendor, baseUrl, apiKey, timeoutMs = 120_000 }) {
  checkBaseUrl(baseUrl);
  if (typeof apiKey !== "string" || apiKey === "") throw new TypeError("apiKey must be a non-empty string");
  const [found] = selectVendors(await readVendors(rootDir), [vendor]);
  const arazzoPath = path.join(path.dirname(/** @type {import("@vendorspec/scripts/vendors").Vendor} */ (found).specPath), ARAZZO_FILE);
  const arazzoFile = path.relative(rootDir, arazzoPath);
  if (!existsSync(arazzoPath)) {
    throw new Error(
      `${arazzoFile} not found: ${vendor} has no job workflow, since no start operation links to its status operation ` +
        "(x-vendorspec-job). Link one in the spec and run `pnpm generate`.",
    );
  }
  const sourceNames = await readSourceNames(arazzoPath);
  const logDir = await mkdtemp(path.join(tmpdir(), "vendorspec-respect-"));
  try {
    const logFile = path.join(logDir, "respect.json");
    const { args, env } = respectArguments({ arazzoFile, sourceNames, baseUrl, apiKey, logFile, timeoutMs });
    const run = await runNode(args, { cwd: rootDir, env, killAfterMs: timeoutMs + KILL_GRACE_MS });
    const mask = (/** @type {string} */ text) => text.split(apiKey).join(MASK);
    const log = await readLog(logFile);
    const workflows = log ? judgeLog(log, mask) : [];
    return {
      passed: run.exitCode === 0 && log !== undefined && workflows.every((w) => w.offSpec.length === 0),
      exitCode: run.exitCode,
      workflows,
      output: mask(run.output),
    };
  } finally {
    await rm(logDir, { recursive: true, force: true });
  }
}

/**
 * The command line and environment of one respect run. The key travels in the environment only.
 * @param {{ arazzoFile: string, sourceNames: string[], baseUrl: string, apiKey: string, logFile: string,
 *   timeoutMs: number, inheritedEnv?: NodeJS.ProcessEnv, cliPath?: string }} options
 * @returns {{ args: string[], env: Record<string, string> }} args for `process.execPath`
 */
export function respectArguments({ arazzoFile, sourceNames, baseUrl, apiKey, logFile, timeoutMs, inheritedEnv = process.env, cliPath }) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [name, value] of Object.entries(inheritedEnv)) {
    // FORCE_COLOR (set by test runners) would beat NO_COLOR and put escapes into the output.
    if (value === undefined || name.startsWith(INHERITED_OPTION_PREFIX) || name === "FORCE_COLOR") continue;
    env[name] = value;
  }
  Object.assign(env, {
    NO_COLOR: "1",
    REDOCLY_TELEMETRY: "off",
    REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
    [INPUT_ENV]: JSON.stringify({ [API_KEY_INPUT]: apiKey }),
  });
  const args = [
    cliPath ?? redoclyCliPath(),
    "respect",
    arazzoFile,
    // respect splits --server on commas: one value names every source.
    "--server",
    sourceNames.map((name) => `${name}=${baseUrl}`).join(","),
    "--json-output",
    logFile,
    "--execution-timeout",
    String(timeoutMs),
  ];
  return { args, env };
}

/** The Redocly CLI entry (bin/cli.js) of the @redocly/cli this package depends on. */
export function redoclyCliPath() {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@redocly/cli/package.json");
  const manifest = require(manifestPath);
  return path.join(path.dirname(manifestPath), manifest.bin.redocly);
}

/** @param {string} baseUrl */
function checkBaseUrl(baseUrl) {
  /** @type {URL | undefined} */
  let url;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new TypeError(`baseUrl must be an http(s) URL, e.g. http://127.0.0.1:4010; got ${JSON.stringify(baseUrl)}`);
  }
  if (baseUrl.includes(",")) throw new TypeError(`baseUrl must not contain a comma (respect splits --server on commas): ${baseUrl}`);
}

/**
 * The sourceDescriptions a workflow calls, all pointed at the server under test.
 * @param {string} arazzoPath
 */
async function readSourceNames(arazzoPath) {
  const document = parse(await readFile(arazzoPath, "utf8"));
  const names = (document?.sourceDescriptions ?? []).map((/** @type {{ name?: unknown }} */ source) => source?.name);
  if (names.length === 0 || !names.every((/** @type {unknown} */ name) => typeof name === "string")) {
    throw new Error(`${arazzoPath}: no named sourceDescriptions; regenerate it with \`pnpm generate\`.`);
  }
  return /** @type {string[]} */ (names);
}

/**
 * @param {string} logFile
 * @returns {Promise<RespectLog | undefined>} undefined: respect wrote no whole log (it failed before
 *   running, or was killed while writing it); `passed` is then false.
 */
async function readLog(logFile) {
  try {
    return JSON.parse(await readFile(logFile, "utf8"));
  } catch (error) {
    // A SyntaxError quotes the log: it is not rethrown, so no part of it can reach the caller.
    if (error instanceof SyntaxError || /** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Every attempt's failing contract checks, per workflow.
 * @param {RespectLog} log
 * @param {(text: string) => string} mask
 * @returns {WorkflowResult[]}
 */
function judgeLog(log, mask) {
  return Object.values(log.files ?? {}).flatMap((file) =>
    (file.executedWorkflows ?? []).map((workflow) => {
      const steps = workflow.executedSteps ?? [];
      /** @type {Map<string, number>} */
      const attempts = new Map();
      /** @type {OffSpecCheck[]} */
      const offSpec = [];
      for (const step of steps) {
        const attempt = (attempts.get(step.stepId) ?? 0) + 1;
        attempts.set(step.stepId, attempt);
        const statusCode = step.response?.statusCode ?? null;
        for (const check of step.checks ?? []) {
          if (check.passed || NOT_OFF_SPEC.has(check.name)) continue;
          // respect leaves the message of a failed status code check empty.
          const message = check.message || check.condition || `${check.name} failed on ${statusCode ?? "no response"}`;
          offSpec.push({ stepId: step.stepId, attempt, statusCode, check: check.name, message: mask(message) });
        }
      }
      return { workflowId: workflow.workflowId, status: workflow.status, attempts: steps.length, offSpec };
    }),
  );
}

/**
 * Runs a Node script, keeping the last OUTPUT_LIMIT characters of its stdout and stderr.
 * @param {string[]} args
 * @param {{ cwd: string, env: Record<string, string>, killAfterMs: number }} options
 * @returns {Promise<{ exitCode: number | null, output: string }>}
 */
function runNode(args, { cwd, env, killAfterMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: killAfterMs,
      killSignal: "SIGKILL",
    });
    let output = "";
    const keep = (/** @type {string} */ chunk) => {
      output += chunk;
      if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
    };
    child.stdout.setEncoding("utf8").on("data", keep);
    child.stderr.setEncoding("utf8").on("data", keep);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (signal) keep(`\nrespect was killed (${signal}): it did not end within ${killAfterMs} ms.\n`);
      resolve({ exitCode: code, output });
    });
  });
}
