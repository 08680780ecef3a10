// @ts-check
// The Arazzo 1.0.1 workflows of a vendor's jobs (specs/<vendor>/jobs.arazzo.yaml), derived from the
// job declaration: one workflow per start operation (a success response linked to the status
// operation): start it with the spec's request example, then poll the status operation while its
// word maps to a queued/running state, and succeed on the succeeded words only. `redocly respect`
// runs them; packages/verify/src/run-jobs-workflow.mjs also reads every poll of its JSON log, since
// respect keeps only the last retry's checks.
import { stringify } from "yaml";
import { parameterExample, requestExample } from "../model/operation-examples.mjs";
import { createSpecModel } from "../model/spec-model.mjs";
import { escapeRegExp } from "./package-files.mjs";

/** @typedef {import("../model/vendors.mjs").Vendor} Vendor */
/** @typedef {ReturnType<import("../model/vendor-descriptor.mjs").buildVendorDescriptor>} Descriptor */

/** The generated file in the vendor's spec folder (never an input of its hashes: generation-cache.mjs). */
export const ARAZZO_FILE = "jobs.arazzo.yaml";
/** Files generate writes into a spec folder (paths relative to it): outputs, never inputs. */
export const GENERATED_SPEC_FILES = [ARAZZO_FILE];
export const ARAZZO_VERSION = "1.0.1";
/** The workflow input that carries the API key (respect masks inputs of format `password`). */
export const API_KEY_INPUT = "apiKey";
/** Statuses that are worth polling again after the declared interval (the client's transient set). */
const TRANSIENT_STATUS = "^(408|429|5\\d\\d)$";

/**
 * @param {Vendor} vendor
 * @param {any} document bundled spec
 * @param {Descriptor} descriptor
 * @returns {{ text: string | undefined, warnings: string[] }} undefined: no start links to a status operation
 */
export function renderArazzo(vendor, document, descriptor) {
  const job = descriptor.job;
  if (!job || job.starts.length === 0) return { text: undefined, warnings: [] };
  const model = createSpecModel(document);
  const statusOp = /** @type {import("../model/spec-model.mjs").SpecOperation} */ (model.byId.get(job.statusOperation));
  const source = sourceName(vendor.name);
  /** @type {string[]} */
  const warnings = [];
  const workflows = job.starts.map((start) => {
    const startOp = /** @type {import("../model/spec-model.mjs").SpecOperation} */ (model.byId.get(start.operationId));
    /** @type {Record<string, any>} */
    const inputs = { [API_KEY_INPUT]: { type: "string", format: "password", description: "The vendor API key." } };
    const security = securityOf(model, startOp, statusOp, warnings);
    const body = requestExample(model, startOp);
    if (body.missing) {
      inputs.requestBody = { description: `The body of ${start.operationId} (${body.contentType}): the spec has no example.` };
      warnings.push(`${start.operationId}: no request body example; the workflow takes it as the input \`requestBody\``);
    }
    const startParams = parameterValues(model, startOp, inputs, warnings, new Set());
    const pollParams = parameterValues(model, statusOp, inputs, warnings, new Set([job.idParameter.name]));
    const activeWords = wordsIn(job.states, ["queued", "running"]);
    const successWords = wordsIn(job.states, ["succeeded"]);
    const statusCode = statusBodyStatus(model, statusOp);
    const intervalSeconds = job.poll.intervalMs / 1000;
    const retryLimit = Math.max(1, Math.ceil(job.poll.timeoutMs / job.poll.intervalMs));
    const words = (/** @type {string[]} */ list) => wordsPattern(list, job.match);
    return {
      workflowId: `${start.operationId}UntilDone`,
      summary: `${start.operationId}, then ${job.statusOperation} until the job ends`,
      description: [
        `Starts a job with ${start.method.toUpperCase()} ${start.path} (the spec's request example) and polls`,
        `${job.method.toUpperCase()} ${job.path} every ${intervalSeconds} s while the status word at`,
        `\`${job.status}\` is ${listWords(activeWords)}. Succeeds on ${listWords(successWords)};`,
        "any other word (a failure, a cancellation or a word the spec does not declare) fails it.",
        `Matching is ${job.match}.`,
      ].join(" "),
      inputs: { type: "object", properties: inputs, required: Object.keys(inputs) },
      steps: [
        {
          stepId: "start",
          description: `Start the job. Never retried: a start is not idempotent.`,
          operationId: `$sourceDescriptions.${source}.${start.operationId}`,
          ...security,
          ...(startParams.length > 0 ? { parameters: startParams } : {}),
          ...(body.contentType
            ? { requestBody: { contentType: body.contentType, payload: body.missing ? "$inputs.requestBody" : body.payload } }
            : {}),
          successCriteria: [{ context: "$statusCode", condition: `^(${start.statuses.join("|")})$`, type: "regex" }],
          outputs: { jobId: `$response.body#${start.id}` },
        },
        {
          stepId: "poll",
          description: `Read the job's status until it ends.`,
          operationId: `$sourceDescriptions.${source}.${job.statusOperation}`,
          ...security,
          parameters: [{ name: job.idParameter.name, in: job.idParameter.in, value: "$steps.start.outputs.jobId" }, ...pollParams],
          successCriteria: [
            { condition: `$statusCode == ${statusCode}` },
            { context: `$response.body#${job.status}`, condition: words(successWords), type: "regex" },
          ],
          onFailure: [
            {
              name: "jobStillActive",
              type: "retry",
              retryAfter: intervalSeconds,
              retryLimit,
              criteria: [
                { condition: `$statusCode == ${statusCode}` },
                { context: `$response.body#${job.status}`, condition: words(activeWords), type: "regex" },
              ],
            },
            {
              name: "transientFailure",
              type: "retry",
              retryAfter: intervalSeconds,
              retryLimit,
              criteria: [{ context: "$statusCode", condition: TRANSIENT_STATUS, type: "regex" }],
            },
          ],
          outputs: { status: `$response.body#${job.status}` },
        },
      ],
      outputs: { jobId: "$steps.start.outputs.jobId", status: "$steps.poll.outputs.status" },
    };
  });
  const arazzo = {
    arazzo: ARAZZO_VERSION,
    info: {
      title: `${descriptor.title}: jobs`,
      summary: `Start each ${descriptor.title} job and poll it until it ends, as its job declaration says.`,
      version: descriptor.contractVersion,
    },
    sourceDescriptions: [{ name: source, url: "./openapi.yaml", type: "openapi" }],
    workflows,
  };
  const header = [
    `# The jobs of ${descriptor.title} as Arazzo workflows, for \`redocly respect\`.`,
    `# Generated by vendorspec from ${vendor.specFile} (x-vendorspec-job and its links; \`pnpm generate\`). Do not edit.`,
  ].join("\n");
  return { text: `${header}\n${stringify(arazzo, { lineWidth: 0, aliasDuplicateObjects: false })}`, warnings };
}

/** A sourceDescription name is [A-Za-z0-9_-]+; the vendor's name already is. */
const sourceName = (/** @type {string} */ vendor) => vendor.replace(/[^A-Za-z0-9_-]/g, "_");

/**
 * @param {Readonly<Record<string, string>>} states
 * @param {string[]} wanted
 */
const wordsIn = (states, wanted) =>
  Object.entries(states)
    .filter(([, state]) => wanted.includes(state))
    .map(([word]) => word);

const listWords = (/** @type {string[]} */ words) => words.map((w) => `\`${w}\``).join(", ");

/**
 * An anchored regex matching exactly these words. `case-insensitive` matching (the client's: case,
 * `_`, `-` and runs of spaces ignored) is spelled out with classes, since Arazzo's regex has no flags.
 * @param {string[]} words
 * @param {string} match
 */
export function wordsPattern(words, match) {
  const alternatives = words.map((word) => {
    if (match !== "case-insensitive") return escapeRegExp(word);
    return word
      .trim()
      .split(/[\s_-]+/)
      .map((part) =>
        [...part]
          .map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escapeRegExp(ch)))
          .join(""),
      )
      .join("[\\s_-]+");
  });
  const pad = match === "case-insensitive" ? "\\s*" : "";
  return `^${pad}(${alternatives.join("|")})${pad}$`;
}

/**
 * The status the client reads the status body from (200, else the first 2xx).
 * @param {import("../model/spec-model.mjs").SpecModel} model
 * @param {import("../model/spec-model.mjs").SpecOperation} op
 */
function statusBodyStatus(model, op) {
  const responses = model.successResponses(op);
  return (responses.find((r) => r.status === 200) ?? responses[0])?.status ?? 200;
}

/**
 * The values of an operation's required parameters (and of optional ones the spec gives an example
 * for: a documented call), from their examples; one without an example becomes a workflow input.
 * @param {import("../model/spec-model.mjs").SpecModel} model
 * @param {import("../model/spec-model.mjs").SpecOperation} op
 * @param {Record<string, any>} inputs  extended with the parameters that need one
 * @param {string[]} warnings
 * @param {Set<string>} skip  names given elsewhere (the job id)
 */
function parameterValues(model, op, inputs, warnings, skip) {
  const values = [];
  for (const parameter of op.parameters) {
    if (skip.has(parameter.name) || parameter.in === "cookie") continue;
    const example = parameterExample(model, parameter);
    if (example !== undefined) {
      if (parameter.required) values.push({ name: parameter.name, in: parameter.in, value: example });
      continue;
    }
    if (!parameter.required) continue;
    const input = `${op.operationId}_${parameter.name}`.replace(/[^A-Za-z0-9_]/g, "_");
    inputs[input] = { ...(parameter.schema ?? {}), description: `${parameter.in} parameter ${parameter.name} of ${op.operationId}` };
    values.push({ name: parameter.name, in: parameter.in, value: `$inputs.${input}` });
    warnings.push(
      `${op.operationId}: required ${parameter.in} parameter "${parameter.name}" has no example; the workflow takes it as the input \`${input}\``,
    );
  }
  return values;
}

/**
 * `x-security` (respect's extension) for the key, on the scheme both operations use.
 * @param {import("../model/spec-model.mjs").SpecModel} model
 * @param {import("../model/spec-model.mjs").SpecOperation} startOp
 * @param {import("../model/spec-model.mjs").SpecOperation} statusOp
 * @param {string[]} warnings
 */
function securityOf(model, startOp, statusOp, warnings) {
  const requirements = startOp.operation.security ?? statusOp.operation.security ?? model.document.security ?? [];
  const name = Object.keys(requirements[0] ?? {})[0];
  if (name === undefined) return {};
  const scheme = model.resolve(model.document.components?.securitySchemes?.[name]) ?? {};
  const value = `$inputs.${API_KEY_INPUT}`;
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer")
    return { "x-security": [{ schemeName: name, values: { token: value } }] };
  if (scheme.type === "apiKey") return { "x-security": [{ schemeName: name, values: { apiKey: value } }] };
  warnings.push(`security scheme "${name}" (${scheme.type}) is not one the workflows can fill from \`${API_KEY_INPUT}\``);
  return {};
}
