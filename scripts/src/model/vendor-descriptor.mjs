// @ts-check
// The runtime descriptor of a vendor, derived from its bundled spec: how to authenticate, where the
// API is, its operations, and its job (status operation, word map, pointers, starts). The generated
// package exports it; the client, the mock server and the docs are driven by it alone.
import { findIdParameter, findStartOperations, findStatusOperations, JOB_EXTENSION } from "./job-declaration.mjs";
import { createSpecModel } from "./spec-model.mjs";

export const DEFAULT_POLL = { intervalMs: 5_000, timeoutMs: 30 * 60_000 };

/** @param {string} name e.g. "apptus-esales" → "ApptusEsales" */
export const pascalCase = (name) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

/** @param {string} name e.g. "cluster-id" → "clusterId" */
export const camelCase = (name) => {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
};

/** `create<ClientName>Client`: `info.x-vendorspec-client-name`, or the vendor's name in PascalCase. */
export function clientNameOf(/** @type {string} */ vendor, /** @type {any} */ document) {
  const declared = document?.info?.["x-vendorspec-client-name"];
  return typeof declared === "string" && declared !== "" ? declared : pascalCase(vendor);
}

/**
 * @param {any} model
 * @param {any} requirement  a security requirement list
 */
function authOf(model, requirement) {
  const schemes = model.document.components?.securitySchemes ?? {};
  const name = Object.keys(requirement?.[0] ?? {})[0];
  if (name === undefined) return { type: "none" };
  const scheme = model.resolve(schemes[name]);
  if (scheme?.type === "apiKey" && (scheme.in === "header" || scheme.in === "query"))
    return { type: "apiKey", in: scheme.in, name: scheme.name };
  if (scheme?.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") return { type: "bearer" };
  throw new Error(
    `security scheme \`${name}\` (${scheme?.type ?? "missing"}${scheme?.in ? ` in ${scheme.in}` : ""}) is not supported by the client: use an apiKey in a header or query, or http bearer`,
  );
}

/** @param {any} document */
function serverOf(document) {
  const server = document.servers?.[0];
  if (!server) return { url: "", variables: {} };
  /** @type {Record<string, { default: string, option: string, required: boolean }>} */
  const variables = {};
  for (const [name, variable] of Object.entries(server.variables ?? {})) {
    // A free-form variable (no enum) has no real default (a cluster id, a tenant): the client asks for it.
    variables[name] = { default: String(variable.default ?? ""), option: camelCase(name), required: !Array.isArray(variable.enum) };
  }
  return { url: String(server.url), variables };
}

/** @param {any} schema @param {any} model */
const scalarType = (schema, model) => {
  const node = model.resolve(schema) ?? {};
  const type = Array.isArray(node.type) ? node.type.find((/** @type {string} */ t) => t !== "null") : node.type;
  return type === "integer" || type === "number" ? type : "string";
};

/**
 * @param {{ name: string }} vendor
 * @param {any} document bundled spec
 */
export function buildVendorDescriptor(vendor, document) {
  const model = createSpecModel(document);
  /** @type {Record<string, { method: string, path: string, requestMediaTypes: string[], deprecated?: true, sunset?: string }>} */
  const operations = {};
  for (const op of model.operations) {
    const body = model.resolve(op.operation.requestBody);
    const sunset = op.operation["x-sunset"];
    operations[op.operationId] = {
      method: op.method,
      path: op.path,
      requestMediaTypes: Object.keys(body?.content ?? {}),
      // The client warns when a deprecated operation is called; the types carry the same date.
      ...(op.operation.deprecated === true ? { deprecated: /** @type {const} */ (true) } : {}),
      ...(typeof sunset === "string" ? { sunset } : {}),
    };
  }
  const statusOp = findStatusOperations(model)[0];
  const auth = authOf(model, statusOp?.operation.security ?? document.security);
  return {
    vendor: vendor.name,
    clientName: clientNameOf(vendor.name, document),
    title: String(document.info?.title ?? vendor.name),
    contractVersion: String(document.info?.version ?? ""),
    ...(typeof document.info?.["x-sunset"] === "string" ? { sunset: document.info["x-sunset"] } : {}),
    auth,
    server: serverOf(document),
    operations,
    job: statusOp ? jobOf(model, statusOp) : null,
  };
}

/**
 * @param {import("./spec-model.mjs").SpecModel} model
 * @param {import("./spec-model.mjs").SpecOperation} statusOp
 */
function jobOf(model, statusOp) {
  /** @type {import("./job-declaration.mjs").JobDeclaration} */
  const declaration = statusOp.operation[JOB_EXTENSION];
  const idParameter = findIdParameter(statusOp, declaration);
  if (!idParameter) throw new Error(`${statusOp.operationId}: ${JOB_EXTENSION} names no id parameter`);
  const starts = findStartOperations(model, statusOp, /** @type {{ name: string, in: string }} */ (idParameter)).map(
    ({ op, statuses, idPointer }) => ({
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      statuses,
      id: idPointer,
    }),
  );
  const poll = declaration.poll ?? {};
  return {
    statusOperation: statusOp.operationId,
    method: statusOp.method,
    path: statusOp.path,
    idParameter: { name: String(idParameter.name), in: String(idParameter.in), type: scalarType(idParameter.schema, model) },
    status: declaration.status,
    match: declaration.match ?? "exact",
    states: declaration.states,
    notFound: declaration.notFound ?? [],
    ...(declaration.id !== undefined ? { id: declaration.id } : {}),
    preserveIdDigits: declaration.preserveIdDigits ?? false,
    ...(declaration.message !== undefined ? { message: declaration.message } : {}),
    ...(declaration.result !== undefined ? { result: declaration.result } : {}),
    ...(declaration.progress !== undefined ? { progress: declaration.progress } : {}),
    ...(declaration.timestamps !== undefined ? { timestamps: declaration.timestamps } : {}),
    poll: {
      intervalMs: poll.intervalSeconds !== undefined ? Math.round(poll.intervalSeconds * 1000) : DEFAULT_POLL.intervalMs,
      timeoutMs: poll.timeoutSeconds !== undefined ? Math.round(poll.timeoutSeconds * 1000) : DEFAULT_POLL.timeoutMs,
    },
    starts,
  };
}

/** @typedef {ReturnType<typeof buildVendorDescriptor>} VendorDescriptor */
