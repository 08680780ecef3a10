// A simulated vendor, derived from its descriptor and bundled spec: how it authenticates, how it
// answers a missing key or an invalid request (its documented bodies), its job lifecycle (the
// declared words: queued → running → succeeded), job ids in the vendor's form, and handlers for the
// start and status operations. An optional override (src/overrides/<vendor>.ts) adds only what a
// spec cannot express.
import type { IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { JobDescriptor, VendorDescriptor } from "./descriptor.js";
import { type JobView, writeJob } from "./job-body.js";
import type { JobStore, MockJob } from "./job-store.js";
import { OVERRIDES } from "./overrides/index.js";
import { exampleOf } from "./sample-body.js";
import {
  deref,
  documentedResponse,
  listSpecOperations,
  type OpenApiDocument,
  type OperationInfo,
  type SchemaObject,
} from "./spec-document.js";
import { VENDOR_DESCRIPTORS, type VendorName } from "./vendor-list.js";

export type { VendorName };

/** The operationIds of a vendor (of any vendor, for a union of names), from its generated descriptor. */
export type OperationId<V extends VendorName = VendorName> = V extends VendorName
  ? Extract<keyof (typeof VENDOR_DESCRIPTORS)[V]["operations"], string>
  : never;

/** A JSON object body (a documented example, a status body). */
export type JsonObject = Record<string, unknown>;

export interface MockRequest {
  info: OperationInfo;
  params: Record<string, unknown>;
  json?: unknown;
}

/** A reply; `body: undefined` means "the documented body for this status" (passed through `edit`). */
export interface MockReply {
  status: number;
  body?: unknown;
  edit?: (documented: JsonObject | undefined) => unknown;
  headers?: Record<string, string>;
}

export interface HandlerContext {
  vendor: VendorMock;
  /** The generic handler of this operation (start or status), when there is one. */
  next?: () => MockReply;
  /** A job's status body as the status operation shows it now, without counting a poll. */
  peek(job: MockJob): unknown;
}

export type MockHandler = (request: MockRequest, jobs: JobStore, context: HandlerContext) => MockReply;

/** What a vendor's override file may add; everything is optional. */
export interface VendorOverride {
  /** Handlers for operations the declaration does not cover (or to replace the generic ones). */
  handlers?: Record<string, MockHandler>;
  /** Details a start request gives its job (a file name), kept in `job.meta`. */
  startMeta?(json: unknown): Record<string, unknown>;
  /** Adjusts a status body after the generic fields are written. */
  decorateStatus?(body: JsonObject, job: MockJob, view: JobView): void;
}

export interface VendorMock {
  name: VendorName;
  document: OpenApiDocument;
  descriptor: VendorDescriptor;
  job: JobDescriptor | null;
  /** Header names (lower case) that carry the credential; masked in the request log. */
  credentialHeaders: string[];
  readCredential(headers: IncomingHttpHeaders, query: URLSearchParams): string | undefined;
  /** The operation's documented answer to a missing or wrong key: 401, else 403. */
  authFailureStatus(info: OperationInfo): number;
  /** The vendor's documented answer to a request that breaks the spec, or undefined when it documents none. */
  validationFailure(info: OperationInfo, problems: string[]): MockReply | undefined;
  lifecycle: { steps: string[]; outcome: string };
  newJobId(counter: number): string;
  /** The view of a job a body shows now; `poll` counts a status poll. */
  view(jobs: JobStore, job: MockJob, poll: boolean): JobView;
  /** Writes a job into a body of `operationId`'s `status` response. */
  jobBody(info: OperationInfo, status: number, view: JobView, job: MockJob): unknown;
  handle(operationId: string, request: MockRequest, jobs: JobStore): MockReply | undefined;
}

const require = createRequire(import.meta.url);
const FIRST_DIGIT_ID = 5537431447739019570n;

/** The mock of a vendor of the generated list. */
export function loadVendorMock(name: VendorName): VendorMock {
  const descriptor = VENDOR_DESCRIPTORS[name] as unknown as VendorDescriptor;
  const document = require(`@vendorspec/${name}/openapi.json`) as OpenApiDocument;
  return createVendorMock(name, descriptor, document, OVERRIDES[name] ?? {});
}

const firstWord = (job: JobDescriptor, state: string) => Object.entries(job.states).find(([, s]) => s === state)?.[0];

export function createVendorMock(
  name: VendorName,
  descriptor: VendorDescriptor,
  document: OpenApiDocument,
  override: VendorOverride,
): VendorMock {
  const job = descriptor.job;
  const statusInfo = job ? listSpecOperations(document).find((info) => info.operationId === job.statusOperation) : undefined;
  const idSchema = deref(document, statusInfo?.parameters.find((p) => p.name === job?.idParameter.name)?.schema);
  const auth = descriptor.auth;
  const credentialHeaders = auth.type === "bearer" ? ["authorization"] : auth.in === "header" && auth.name ? [auth.name.toLowerCase()] : [];
  const lifecycle = job
    ? {
        steps: [firstWord(job, "queued"), firstWord(job, "running")].filter((w): w is string => w !== undefined),
        outcome: firstWord(job, "succeeded") ?? "",
      }
    : { steps: [], outcome: "" };

  const mock: VendorMock = {
    name,
    document,
    descriptor,
    job,
    credentialHeaders,
    readCredential(headers, query) {
      if (auth.type === "bearer") return /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1];
      if (auth.type !== "apiKey" || !auth.name) return "anonymous";
      const value = auth.in === "query" ? query.get(auth.name) : headers[auth.name.toLowerCase()];
      return typeof value === "string" && value !== "" ? value : undefined;
    },
    authFailureStatus: (info) => [401, 403].find((status) => documentedResponse(document, info.operation, status)) ?? 401,
    validationFailure: (info, problems) => validationFailure(document, info, problems),
    lifecycle,
    newJobId(n) {
      const types = Array.isArray(idSchema?.type) ? idSchema.type : [idSchema?.type];
      if (types.includes("integer") || types.includes("number")) return String(1000 + n);
      if (idSchema?.pattern === "^[0-9]+$") return String(FIRST_DIGIT_ID + BigInt(n));
      return `job${n.toString(36).padStart(8, "0")}`;
    },
    view(jobs, mockJob, poll) {
      const { word, index } = jobs.currentStatus(mockJob, poll);
      const state = job ? Object.entries(job.states).find(([w]) => w === word)?.[1] : undefined;
      const terminal = !mockJob.forcedStatus && index >= mockJob.steps.length;
      return {
        id: mockJob.id,
        word,
        state,
        terminal,
        index,
        steps: mockJob.steps.length,
        total: mockJob.total,
        createdAt: mockJob.createdAt,
        ...(mockJob.message !== undefined ? { message: mockJob.message } : {}),
        ...(mockJob.data !== undefined ? { data: mockJob.data } : {}),
      };
    },
    jobBody(info, status, view, mockJob) {
      const documented = documentedResponse(document, info.operation, status);
      const example = structuredClone(exampleOf(document, documented?.media)) ?? {};
      const schema = documented?.media?.schema;
      const exampleId = job?.id ? readAt(example, job.id) : undefined;
      let body = job ? writeJob(document, schema, job, example, view) : example;
      // The example's own id also appears in links inside it (Docutray's status_url): follow it.
      if (typeof exampleId === "string" && exampleId !== "" && exampleId !== view.id) body = replaceInStrings(body, exampleId, view.id);
      if (info.operationId === job?.statusOperation) {
        echoInto(document, schema, body, mockJob.meta?.echo);
        override.decorateStatus?.(body as JsonObject, mockJob, view);
      }
      return body;
    },
    handle(operationId, request, jobs) {
      const generic = handlers[operationId];
      const own = override.handlers?.[operationId];
      const peek = (found: MockJob) => (statusInfo ? mock.jobBody(statusInfo, 200, mock.view(jobs, found, false), found) : undefined);
      if (own)
        return own(request, jobs, {
          vendor: mock,
          peek,
          ...(generic ? { next: () => generic(request, jobs, { vendor: mock, peek }) } : {}),
        });
      return generic?.(request, jobs, { vendor: mock, peek });
    },
  };
  const handlers: Record<string, MockHandler> = {};
  if (job) {
    for (const start of job.starts) {
      // Prefer the "accepted, still running" answer when the spec documents several.
      const status = [202, 201].find((s) => start.statuses.includes(s)) ?? start.statuses[0] ?? 200;
      handlers[start.operationId] = ({ info, json }, jobs) => {
        const created = jobs.create({ meta: { ...echoedFields(json), ...override.startMeta?.(json) } });
        return { status, body: mock.jobBody(info, status, mock.view(jobs, created, false), created) };
      };
    }
    handlers[job.statusOperation] = ({ info, params }, jobs) => {
      const id = String(params[job.idParameter.name]);
      const found = jobs.get(id);
      if (!found) {
        const notFound = job.notFound[0];
        if (notFound === undefined) return { status: 404 };
        // Vendors like Apptus answer an unknown id with 200 and a "no such job" word.
        const view: JobView = {
          id,
          word: notFound,
          state: undefined,
          terminal: false,
          index: 0,
          steps: 0,
          total: 0,
          createdAt: Date.now(),
        };
        return { status: 200, body: mock.jobBody(info, 200, view, { id } as MockJob) };
      }
      return { status: 200, body: mock.jobBody(info, 200, mock.view(jobs, found, true), found) };
    };
  }
  return mock;
}

/** Copies the start request's top-level fields that the status body also has (Docutray's document_type_code). */
function echoInto(document: OpenApiDocument, schema: SchemaObject | undefined, body: unknown, echo: unknown): void {
  if (!echo || typeof echo !== "object" || !body || typeof body !== "object") return;
  const properties = deref(document, schema)?.properties ?? {};
  for (const [name, value] of Object.entries(echo)) {
    const property = deref(document, properties[name]);
    const types = Array.isArray(property?.type) ? property.type : [property?.type];
    if (property && types.includes(typeof value)) (body as Record<string, unknown>)[name] = value;
  }
}

const isJsonObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null;

/** Top-level fields of a JSON start request, which a vendor's status body may echo (document_type_code). */
const echoedFields = (json: unknown): Record<string, unknown> =>
  json && typeof json === "object" && !Array.isArray(json) ? { echo: json } : {};

function readAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of pointer.split("/").slice(1)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return current;
}

function replaceInStrings(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((item) => replaceInStrings(item, from, to));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, from, to)]));
  return value;
}

/**
 * The documented 400 (else 422) answer to an invalid request, carrying the problems: in the body's
 * list of errors where it has one, else in its message; a text body states them.
 */
function validationFailure(document: OpenApiDocument, info: OperationInfo, problems: string[]): MockReply | undefined {
  const status = [400, 422].find((s) => documentedResponse(document, info.operation, s));
  if (status === undefined) return undefined;
  const documented = documentedResponse(document, info.operation, status);
  if (!documented?.mediaType?.includes("json")) return { status, body: `Invalid request: ${problems.join("; ")}` };
  const schema = deref(document, documented.media?.schema) ?? {};
  const examples = [
    ...("example" in (documented.media ?? {}) ? [documented.media?.example] : []),
    ...Object.values(documented.media?.examples ?? {}).map((e) => deref(document, e)?.value),
  ].filter(isJsonObject);
  // An unsupported Content-Type is answered with the vendor's own message for it, when it documents one.
  const aboutContentType = problems.some((p) => p.startsWith("unsupported Content-Type"));
  const fitting = aboutContentType ? examples.find((e) => /content-type/i.test(JSON.stringify(e))) : undefined;
  if (fitting) return { status, body: structuredClone(fitting) };
  const built = exampleOf(document, documented.media);
  const body = structuredClone(
    examples.find((e) => Object.values(e).some(Array.isArray)) ?? examples[0] ?? (isJsonObject(built) ? built : {}),
  );
  const properties = propertiesOf(document, schema);
  const listName = Object.entries(properties).find(([, p]) => {
    const types = deref(document, p)?.type;
    return types === "array" || (Array.isArray(types) && types.includes("array"));
  })?.[0];
  if (listName) {
    body[listName] = problems;
  } else if (properties.message) {
    const base = examples.length > 0 && typeof body.message === "string" ? body.message : "Invalid request";
    body.message = `${base}: ${problems.join("; ")}`;
  }
  return { status, body };
}

/** A schema's properties, its allOf branches' included (LettrLabs' error envelope). */
function propertiesOf(document: OpenApiDocument, schema: SchemaObject | undefined, depth = 0): Record<string, SchemaObject> {
  const node = deref(document, schema);
  if (!node || depth > 16) return {};
  return Object.assign({}, ...(node.allOf ?? []).map((branch) => propertiesOf(document, branch, depth + 1)), node.properties ?? {});
}
