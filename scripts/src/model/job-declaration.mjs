// @ts-check
// The job declaration: `x-vendorspec-job` on the operation that reports a job's status, and the
// standard OpenAPI `links` by which start operations name it and pass the job id. This module reads
// and checks both; the lint rule reports its problems and the generator builds the descriptor from
// what it reads, so lint and generate can never disagree.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { formatPointer, parsePointer } from "./json-pointer.mjs";

export const JOB_EXTENSION = "x-vendorspec-job";
export const JOB_STATES = /** @type {const} */ (["queued", "running", "succeeded", "failed", "cancelled"]);
const BODY_EXPRESSION = /^\$response\.body#(\/.*)?$/;

export const JOB_DECLARATION_SCHEMA = JSON.parse(readFileSync(new URL("./x-vendorspec-job.schema.json", import.meta.url), "utf8"));
/** @type {import("ajv").ValidateFunction | undefined} */
let compiledShape;
/** Compiled on first use: a generate run served from its cache never validates a declaration. */
const shapeValidator = () => {
  compiledShape ??= new Ajv2020({ allErrors: true, strict: false }).compile(JOB_DECLARATION_SCHEMA);
  return compiledShape;
};

/** @typedef {import("./spec-model.mjs").SpecModel} SpecModel */
/** @typedef {import("./spec-model.mjs").SpecOperation} SpecOperation */
/** @typedef {{ pointer: string, message: string }} DeclarationProblem */

/**
 * @typedef {object} JobDeclaration  the extension's value, checked against its schema
 * @property {string} [idParameter]
 * @property {string} [id]
 * @property {boolean} [preserveIdDigits]
 * @property {string} status
 * @property {"exact" | "case-insensitive"} [match]
 * @property {Record<string, typeof JOB_STATES[number]>} states
 * @property {string[]} [notFound]
 * @property {string} [message]
 * @property {string} [result]
 * @property {{ processed: string, total: string, failed?: string }} [progress]
 * @property {{ created?: string, started?: string, finished?: string }} [timestamps]
 * @property {{ intervalSeconds?: number, timeoutSeconds?: number }} [poll]
 */

/** "In_Progress", "in-progress" and " IN PROGRESS " are all "in progress". */
export const normalizeStatusWord = (/** @type {string} */ word) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/** @param {SpecModel} model */
export const findStatusOperations = (model) => model.operations.filter((op) => op.operation[JOB_EXTENSION] !== undefined);

/**
 * The parameter of the status operation that carries the job id: the declared one, or the only
 * required path/query parameter.
 * @param {SpecOperation} op
 * @param {JobDeclaration} declaration
 */
export function findIdParameter(op, declaration) {
  const candidates = op.parameters.filter((p) => p.in === "path" || p.in === "query");
  if (declaration.idParameter !== undefined) return candidates.find((p) => p.name === declaration.idParameter);
  const required = candidates.filter((p) => p.required);
  return required.length === 1 ? required[0] : undefined;
}

/**
 * The 200 (else first 2xx) JSON body schema of the status operation.
 * @param {SpecModel} model
 * @param {SpecOperation} op
 */
export function statusBodySchema(model, op) {
  const responses = model.successResponses(op);
  const chosen = responses.find((r) => r.status === 200) ?? responses[0];
  return chosen ? { status: chosen.status, mediaType: chosen.mediaType, schema: chosen.schema } : undefined;
}

/**
 * The words a status schema allows (enum or const), or undefined when it is an open string.
 * @param {SpecModel} model
 * @param {any} schema
 * @returns {string[] | undefined}
 */
function allowedWords(model, schema) {
  const node = model.resolve(schema);
  if (!node) return undefined;
  if (Array.isArray(node.enum)) return node.enum.filter((/** @type {unknown} */ w) => typeof w === "string");
  if (typeof node.const === "string") return [node.const];
  for (const key of ["oneOf", "anyOf"]) {
    if (!Array.isArray(node[key])) continue;
    const parts = node[key].map((/** @type {any} */ branch) => allowedWords(model, branch));
    if (parts.every(Boolean)) return /** @type {string[][]} */ (parts).flat();
  }
  return undefined;
}

/**
 * Every problem with the job declaration(s) and the links of a spec.
 * @param {SpecModel} model
 * @returns {DeclarationProblem[]}
 */
export function checkJobDeclaration(model) {
  /** @type {DeclarationProblem[]} */
  const problems = [];
  const statusOps = findStatusOperations(model);
  for (const extra of statusOps.slice(1)) {
    problems.push({
      pointer: `${extra.pointer}/${JOB_EXTENSION}`,
      message: `only one operation per spec may carry ${JOB_EXTENSION}; ${statusOps[0]?.operationId} already does`,
    });
  }
  const statusOp = statusOps[0];
  if (statusOp) problems.push(...checkDeclaration(model, statusOp));
  problems.push(...checkLinks(model, statusOp));
  return problems;
}

/**
 * @param {SpecModel} model
 * @param {SpecOperation} op
 * @returns {DeclarationProblem[]}
 */
function checkDeclaration(model, op) {
  const at = `${op.pointer}/${JOB_EXTENSION}`;
  const declaration = op.operation[JOB_EXTENSION];
  const validateShape = shapeValidator();
  if (!validateShape(declaration)) {
    return (validateShape.errors ?? []).map((error) => ({
      pointer: `${at}${error.instancePath}`,
      message: `${JOB_EXTENSION}${error.instancePath.replaceAll("/", ".") || ""} ${error.message ?? "is invalid"}${
        error.keyword === "additionalProperties" ? ` (\`${error.params.additionalProperty}\`)` : ""
      }${error.keyword === "enum" ? `: one of ${error.params.allowedValues.join(", ")}` : ""}`,
    }));
  }
  const job = /** @type {JobDeclaration} */ (declaration);
  /** @type {DeclarationProblem[]} */
  const problems = [];
  if (op.method !== "get")
    problems.push({ pointer: at, message: `the status operation must be a GET (it is polled), not ${op.method.toUpperCase()}` });
  if (!findIdParameter(op, job)) {
    problems.push({
      pointer: job.idParameter !== undefined ? `${at}/idParameter` : at,
      message:
        job.idParameter !== undefined
          ? `idParameter \`${job.idParameter}\` is not a path or query parameter of ${op.operationId}`
          : `${op.operationId} has no single required path or query parameter: name the one that carries the job id in \`idParameter\``,
    });
  }
  const body = statusBodySchema(model, op);
  if (!body?.schema) {
    problems.push({
      pointer: `${op.pointer}/responses`,
      message: `${op.operationId} has no 2xx JSON response schema to read the job from`,
    });
    return problems;
  }
  /** @type {Array<[string, string]>} */
  const pointers = [
    ["status", job.status],
    ...(job.id ? /** @type {Array<[string, string]>} */ ([["id", job.id]]) : []),
    ...(job.message ? /** @type {Array<[string, string]>} */ ([["message", job.message]]) : []),
    ...(job.result ? /** @type {Array<[string, string]>} */ ([["result", job.result]]) : []),
    ...Object.entries(job.progress ?? {}).map(([k, v]) => /** @type {[string, string]} */ ([`progress/${k}`, v])),
    ...Object.entries(job.timestamps ?? {}).map(([k, v]) => /** @type {[string, string]} */ ([`timestamps/${k}`, v])),
  ];
  for (const [key, pointer] of pointers) {
    if (!model.schemaAt(body.schema, pointer)) {
      problems.push({
        pointer: `${at}/${key}`,
        message: `${key.replace("/", ".")} pointer \`${pointer}\` does not resolve in the ${body.status} response schema of ${op.operationId}`,
      });
    }
  }

  const match = job.match ?? "exact";
  const key = match === "exact" ? (/** @type {string} */ w) => w : normalizeStatusWord;
  const notFound = job.notFound ?? [];
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const [word, state] of Object.entries(job.states)) {
    const previous = seen.get(key(word));
    if (previous !== undefined && job.states[previous] !== state) {
      problems.push({
        pointer: `${at}/states/${word}`,
        message: `status word "${word}" matches "${previous}" (${match}) but maps to another state`,
      });
    }
    seen.set(key(word), word);
    if (notFound.some((w) => key(w) === key(word))) {
      problems.push({ pointer: `${at}/states/${word}`, message: `status word "${word}" is both mapped in states and listed in notFound` });
    }
  }
  if (!Object.values(job.states).includes("succeeded")) {
    problems.push({ pointer: `${at}/states`, message: "states maps no word to `succeeded`: a job could never end well" });
  }
  const enumWords = allowedWords(model, model.schemaAt(body.schema, job.status));
  if (enumWords) {
    const declared = new Set([...Object.keys(job.states), ...notFound].map(key));
    for (const word of enumWords) {
      if (!declared.has(key(word))) {
        problems.push({
          pointer: `${at}/states`,
          message: `status word "${word}" of the status enum is not mapped in ${JOB_EXTENSION}.states (nor listed in notFound): map it to one of ${JOB_STATES.join(", ")}`,
        });
      }
    }
    const allowed = new Set(enumWords.map(key));
    for (const word of [...Object.keys(job.states), ...notFound]) {
      if (!allowed.has(key(word))) {
        const where = Object.hasOwn(job.states, word) ? `${at}/states/${word}` : `${at}/notFound`;
        problems.push({ pointer: where, message: `mapped status word "${word}" is not in the status enum (${enumWords.join(", ")})` });
      }
    }
  }
  return problems;
}

/**
 * Every link of every 2xx response must name an existing operation and its parameters; a link to
 * the status operation must pass the job id from the response body.
 * @param {SpecModel} model
 * @param {SpecOperation | undefined} statusOp
 * @returns {DeclarationProblem[]}
 */
function checkLinks(model, statusOp) {
  /** @type {DeclarationProblem[]} */
  const problems = [];
  for (const op of model.operations) {
    for (const { status, links, schema } of model.successResponses(op)) {
      for (const [name, rawLink] of Object.entries(links)) {
        const link = model.resolve(rawLink) ?? {};
        const at = `${op.pointer}/responses/${status}/links/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        if (typeof link.operationId !== "string") {
          problems.push({
            pointer: at,
            message: `link \`${name}\` must name its target by \`operationId\` (operationRef is not supported)`,
          });
          continue;
        }
        const target = model.byId.get(link.operationId);
        if (!target) {
          problems.push({
            pointer: `${at}/operationId`,
            message: `link \`${name}\` names operation \`${link.operationId}\`, which does not exist`,
          });
          continue;
        }
        for (const parameter of Object.keys(link.parameters ?? {})) {
          const bare = parameter.replace(/^(path|query|header|cookie)\./, "");
          if (!target.parameters.some((p) => p.name === bare)) {
            problems.push({
              pointer: `${at}/parameters/${parameter}`,
              message: `link \`${name}\` passes \`${parameter}\`, which is not a parameter of ${target.operationId}`,
            });
          }
        }
        if (target !== statusOp || !statusOp) continue;
        const idParameter = findIdParameter(statusOp, statusOp.operation[JOB_EXTENSION] ?? {});
        if (!idParameter) continue;
        const expression = link.parameters?.[idParameter.name] ?? link.parameters?.[`${idParameter.in}.${idParameter.name}`];
        const body = typeof expression === "string" ? BODY_EXPRESSION.exec(expression) : null;
        if (!body) {
          problems.push({
            pointer: link.parameters ? `${at}/parameters` : at,
            message: `link \`${name}\` to the status operation must pass \`${idParameter.name}\` as \`$response.body#/<pointer to the job id>\``,
          });
        } else if (!schema || !model.schemaAt(schema, body[1] ?? "")) {
          problems.push({
            pointer: `${at}/parameters/${idParameter.name}`,
            message: `link \`${name}\`: \`${body[1] ?? ""}\` does not resolve in the ${status} response schema of ${op.operationId}`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * The start operations of the job: every operation with a 2xx response linking to the status
 * operation, with where the job id is in each response.
 * @param {SpecModel} model
 * @param {SpecOperation} statusOp
 * @param {{ name: string, in: string }} idParameter
 */
export function findStartOperations(model, statusOp, idParameter) {
  /** @type {Array<{ op: SpecOperation, statuses: number[], idPointer: string }>} */
  const starts = [];
  for (const op of model.operations) {
    for (const { status, links } of model.successResponses(op)) {
      for (const rawLink of Object.values(links)) {
        const link = model.resolve(rawLink) ?? {};
        if (link.operationId !== statusOp.operationId) continue;
        const expression = link.parameters?.[idParameter.name] ?? link.parameters?.[`${idParameter.in}.${idParameter.name}`];
        const idPointer = typeof expression === "string" ? BODY_EXPRESSION.exec(expression)?.[1] : undefined;
        if (idPointer === undefined) continue;
        const existing = starts.find((s) => s.op === op);
        if (existing) {
          if (existing.idPointer !== idPointer) throw new Error(`${op.operationId}: its links give the job id at different places`);
          existing.statuses.push(status);
        } else starts.push({ op, statuses: [status], idPointer });
      }
    }
  }
  return starts;
}

export { formatPointer, parsePointer };
