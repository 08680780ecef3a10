// @ts-check
// What verify sends, all through the vendor's client (so auth, retries with Retry-After and the job
// poller are the ones consumers use): every safe operation (GET/HEAD) it can fill the parameters of;
// the same with a wrong key (the auth failure answer); the status operation with an id no job has
// (the "no such job" answer); and, only when asked, each start operation with the spec's example
// followed by a wait for that job. Nothing here judges: the recorder keeps every answer.
import { parameterExample, requestExample } from "@vendorspec/scripts/operation-examples";
import { createSpecModel } from "@vendorspec/scripts/spec-model";
import { Ajv2020 } from "ajv/dist/2020.js";

/** Sent as the key of the auth probes: no vendor issues it. */
export const WRONG_KEY = "vendorspec-verify-wrong-key-0000000000";
const SAFE_METHODS = new Set(["get", "head"]);
const DEADLINE_ERRORS = new Set(["JobTimeoutError", "TimeoutError"]);

/**
 * @typedef {object} ExerciseOptions
 * @property {any} document              bundled spec
 * @property {any} descriptor            the vendor's generated descriptor
 * @property {(options: Record<string, unknown>) => any} createClient  the vendor's client factory
 * @property {string} baseUrl
 * @property {string} apiKey
 * @property {boolean} allowStart
 * @property {string | undefined} jobId  an existing job to wait for
 * @property {Map<string, string>} params  values for parameters the spec has no example for
 * @property {number} deadlineAt         epoch ms; nothing is sent after it
 * @property {ReturnType<typeof import("./record-exchanges.mjs").createRecorder>} recorder
 */

/**
 * @param {ExerciseOptions} options
 * @returns {Promise<{ notes: string[], deadlineReached: boolean }>}
 */
export async function exerciseVendor(options) {
  const { document, descriptor, baseUrl, apiKey, recorder, deadlineAt } = options;
  const model = createSpecModel(document);
  const job = descriptor.job;
  /** @type {string[]} */
  const notes = [];
  const common = { baseUrl, fetch: recorder.fetch, onDeprecation: false };
  const client = options.createClient({ ...common, apiKey });
  // One attempt per probe: a retried 401 says nothing more.
  const wrongClient = options.createClient({ ...common, apiKey: WRONG_KEY, maxRetries: 0 });
  const remaining = () => deadlineAt - Date.now();
  const signal = () => AbortSignal.timeout(Math.max(1, remaining()));
  let deadlineReached = false;
  const beforeDeadline = () => {
    if (remaining() > 0) return true;
    deadlineReached = true;
    return false;
  };

  /** @param {string} what @param {() => Promise<unknown>} action */
  const attempt = async (what, action) => {
    try {
      await action();
    } catch (error) {
      // The poller stops before a wait that would end past the deadline, and the deadline's own
      // signal (TimeoutError) may fire a tick before the clock reads it: both are the deadline.
      if (remaining() <= 0 || (error instanceof Error && DEADLINE_ERRORS.has(error.name))) deadlineReached = true;
      notes.push(`${what}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  };

  /** @param {string} id */
  const waitFor = (id) =>
    attempt(`waiting for job ${id}`, async () => {
      recorder.doing("poll", job.statusOperation);
      await client.jobs.wait(id, { deadline: deadlineAt, signal: signal() });
    });

  /** @type {string[]} */
  const jobIds = [];
  if (options.allowStart && job) {
    for (const start of job.starts) {
      if (!beforeDeadline()) break;
      const op = /** @type {import("@vendorspec/scripts/spec-model").SpecOperation} */ (model.byId.get(start.operationId));
      const params = fillParameters(model, op, options.params, new Set());
      const body = requestExample(model, op);
      if (params.missing.length > 0 || body.missing) {
        const needs = [...params.missing, ...(body.missing ? ["a request body example"] : [])];
        notes.push(`${start.operationId} not started: the spec has no example for ${needs.join(", ")} (give --param name=value)`);
        continue;
      }
      await attempt(`starting ${start.operationId}`, async () => {
        recorder.doing("start", start.operationId);
        const started = await client.jobs.start(start.path, {
          params: params.values,
          ...(body.payload !== undefined ? { body: body.payload } : {}),
          signal: signal(),
        });
        jobIds.push(String(started.id));
      });
    }
  } else if (job?.starts.length > 0) {
    notes.push(`start operations not sent (${job.starts.map((/** @type {any} */ s) => s.operationId).join(", ")}): pass --allow-start`);
  }
  if (options.jobId !== undefined) jobIds.push(options.jobId);
  for (const id of jobIds) if (beforeDeadline()) await waitFor(id);

  for (const op of model.operations.filter((o) => SAFE_METHODS.has(o.method))) {
    if (!beforeDeadline()) break;
    const isStatus = job && op.operationId === job.statusOperation;
    const idName = isStatus ? job.idParameter.name : undefined;
    const given = new Set(idName ? [idName] : []);
    const params = fillParameters(model, op, options.params, given);
    if (params.missing.length > 0) {
      notes.push(`${op.operationId} not called: no value for ${params.missing.join(", ")} (give --param name=value)`);
      continue;
    }
    if (idName) {
      const id = probeId(model, op, idName);
      const where = /** @type {"path" | "query"} */ (job.idParameter.in);
      params.values[where] = { ...params.values[where], [idName]: id };
    }
    const method = op.method.toUpperCase();
    const send = (/** @type {any} */ which) => which[method](op.path, { params: params.values, signal: signal() });
    await attempt(`calling ${op.operationId}`, async () => {
      recorder.doing(isStatus ? "not-found-probe" : "call", op.operationId);
      await send(client);
    });
    if (!beforeDeadline()) break;
    await attempt(`calling ${op.operationId} with a wrong key`, async () => {
      recorder.doing("auth-probe", op.operationId);
      await send(wrongClient);
    });
  }
  return { notes, deadlineReached };
}

/**
 * The path/query/header values of an operation's required parameters: `--param` values first, then
 * the spec's examples.
 * @param {import("@vendorspec/scripts/spec-model").SpecModel} model
 * @param {import("@vendorspec/scripts/spec-model").SpecOperation} op
 * @param {Map<string, string>} given
 * @param {Set<string>} skip
 */
function fillParameters(model, op, given, skip) {
  /** @type {Record<string, Record<string, unknown>>} */
  const values = {};
  /** @type {string[]} */
  const missing = [];
  for (const parameter of op.parameters) {
    if (skip.has(parameter.name) || !["path", "query", "header"].includes(parameter.in)) continue;
    const text = given.get(parameter.name);
    const value = text !== undefined ? coerce(model, parameter, text) : parameter.required ? parameterExample(model, parameter) : undefined;
    if (value === undefined) {
      if (parameter.required) missing.push(`${parameter.in} parameter "${parameter.name}"`);
      continue;
    }
    values[parameter.in] = { ...values[parameter.in], [parameter.name]: value };
  }
  return { values, missing };
}

/** A `--param` value as its schema's type. */
function coerce(/** @type {any} */ model, /** @type {any} */ parameter, /** @type {string} */ text) {
  const type = model.resolve(parameter.schema)?.type;
  if ((type === "integer" || type === "number") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/**
 * An id no job has that the id parameter's schema still accepts, so the vendor answers "no such
 * job" rather than "invalid id".
 * @param {import("@vendorspec/scripts/spec-model").SpecModel} model
 * @param {import("@vendorspec/scripts/spec-model").SpecOperation} op
 * @param {string} name
 */
function probeId(model, op, name) {
  const parameter = op.parameters.find((p) => p.name === name);
  const schema = model.resolve(parameter?.schema) ?? {};
  const candidates = [
    "vendorspec-verify-no-such-job",
    "9999999999999999999",
    "999999999",
    "00000000-0000-4000-8000-000000000000",
    "zzzzzzzz",
  ];
  if (schema.type === "integer" || schema.type === "number") return 999999999;
  // Only the string constraints (pattern, lengths, enum): a format is the vendor's business.
  const { pattern, minLength, maxLength } = schema;
  const constraints = Object.entries({ pattern, minLength, maxLength }).filter(([, v]) => v !== undefined);
  const accepts = new Ajv2020({ strict: false }).compile({ type: "string", ...Object.fromEntries(constraints) });
  return candidates.find((c) => accepts(c)) ?? candidates[0];
}
