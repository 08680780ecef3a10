#!/usr/bin/env node
// @ts-check
// `pnpm verify <vendor> --base-url <url>`: which of the spec's `x-unverified` guesses the vendor's
// answers confirm or contradict. The key comes from the environment only (a flag would put it in
// the shell history and the process list).
import { exitWithUsage, readCliArgs } from "@vendorspec/scripts/cli-args";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { formatReport, formatWorkflows, hasContradictions } from "./format-report.mjs";
import { runJobsWorkflows } from "./run-jobs-workflow.mjs";
import { redactKey, verifyVendor } from "./verify.mjs";

const DEFAULT_KEY_ENV = "VENDORSPEC_API_KEY";
const DEFAULT_DEADLINE_SECONDS = 300;
const USAGE = `usage: pnpm verify <vendor> --base-url <url> [--allow-start [--workflows]] [--job-id <id>] [--param name=value]... [--json]
  Sends the vendor's safe operations (GET/HEAD) through @vendorspec/client, validates every answer
  (every retry and every poll) against specs/<vendor>/openapi.yaml, and reports each x-unverified
  guess as confirmed, contradicted or not exercised, with its file:line. Also sends each safe
  operation with a wrong key (the auth failure answer) and the status operation with an id no job
  has (the "no such job" answer).

  --base-url <url>     the vendor's API (or a sandbox, a proxy, a mock server); required
  --allow-start        also start each job with the spec's request example, then wait for it.
                       Starts are not idempotent and may be billed: off by default.
  --workflows          with --allow-start: also run specs/<vendor>/jobs.arazzo.yaml under redocly respect
                       (the generated start-and-poll workflows); every poll of its log is judged
  --job-id <id>        wait for this existing job (safe: status reads only)
  --param name=value   a value for a required parameter the spec has no example for (repeatable)
  --deadline <seconds> stop sending after this long (default ${DEFAULT_DEADLINE_SECONDS}); the rest is "not exercised"
  --key-env <NAME>     the environment variable holding the key (default ${DEFAULT_KEY_ENV})
  --json               the report as JSON on stdout
  --help               this text

  exit 0: no contradiction; 1: a contradiction (of a guess or of the rest of the spec), or a
  workflow that failed;
  2: bad command line or missing key; 3: the vendor could not be reached at all.

example:
  VENDORSPEC_API_KEY=... pnpm verify docutray --base-url https://app.docutray.com --job-id cv_123
`;
const cli = /** @type {const} */ ({
  name: "verify",
  usage: USAGE,
  options: {
    "base-url": { type: "string" },
    "allow-start": { type: "boolean" },
    workflows: { type: "boolean" },
    "job-id": { type: "string" },
    param: { type: "string", multiple: true },
    deadline: { type: "string" },
    "key-env": { type: "string" },
    json: { type: "boolean" },
  },
  positionals: { min: 1, max: 1, missing: "name the vendor to verify (a name from redocly.yaml `apis:`)" },
});
const { values, positionals } = readCliArgs(cli);
const [vendor] = /** @type {[string]} */ (positionals);

const baseUrl = values["base-url"];
if (baseUrl === undefined) exitWithUsage(cli, "--base-url is required (the vendor's API, a sandbox or a mock server)");
if (!/^https?:\/\/[^\s]+$/i.test(baseUrl) || !URL.canParse(baseUrl))
  exitWithUsage(cli, `--base-url must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
const keyEnv = values["key-env"] ?? DEFAULT_KEY_ENV;
if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv))
  exitWithUsage(cli, `--key-env must name an environment variable, got ${JSON.stringify(keyEnv)}`);
const apiKey = process.env[keyEnv] ?? "";
if (apiKey.trim() === "") exitWithUsage(cli, `no key: set ${keyEnv} in the environment (never on the command line)`);
const deadlineSeconds = values.deadline === undefined ? DEFAULT_DEADLINE_SECONDS : Number(values.deadline);
if (!Number.isFinite(deadlineSeconds) || deadlineSeconds <= 0 || deadlineSeconds > 24 * 3600)
  exitWithUsage(cli, `--deadline must be a number of seconds between 0 and 86400, got ${JSON.stringify(values.deadline)}`);
if (values.workflows && !values["allow-start"]) exitWithUsage(cli, "--workflows starts jobs: add --allow-start");
/** @type {Map<string, string>} */
const params = new Map();
for (const pair of values.param ?? []) {
  const at = pair.indexOf("=");
  if (at <= 0) exitWithUsage(cli, `--param takes name=value, got ${JSON.stringify(pair)}`);
  params.set(pair.slice(0, at), pair.slice(at + 1));
}

try {
  const rootDir = findRepoRoot();
  const report = await verifyVendor({
    rootDir,
    vendor,
    baseUrl,
    apiKey,
    allowStart: values["allow-start"] === true,
    ...(values["job-id"] !== undefined ? { jobId: values["job-id"] } : {}),
    params,
    deadlineMs: deadlineSeconds * 1000,
  });
  const workflows = values.workflows
    ? await runJobsWorkflows({ rootDir, vendor, baseUrl, apiKey, timeoutMs: deadlineSeconds * 1000 })
    : undefined;
  process.stdout.write(
    values.json
      ? `${JSON.stringify(workflows ? { ...report, workflows } : report, null, 2)}\n`
      : `${formatReport(report)}${workflows ? formatWorkflows(workflows) : ""}`,
  );
  const failed = hasContradictions(report) || (workflows !== undefined && !workflows.passed);
  process.exitCode = report.answered === 0 && report.requests > 0 ? 3 : failed ? 1 : 0;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`verify: ${redactKey(message, apiKey)}\n`);
  process.exitCode = /unknown vendor/.test(message) ? 2 : 1;
}
