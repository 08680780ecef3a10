// Builds a vendor client from its descriptor: an openapi-fetch client (typed by the vendor's
// `paths`) whose fetch adds auth, timeouts and safe retries, plus `jobs` to start, read and await the
// vendor's async jobs. Everything vendor-specific comes from the descriptor generated from the spec.
import createClient, { type Client, type MaybeOptionalInit } from "openapi-fetch";
import type { VendorName } from "../vendors/index.js";
import type { StartDescriptor, VendorDescriptor } from "./descriptor.js";
import { createApiError, NotFoundError, VendorApiError } from "./errors.js";
import type { Job, StatusMap } from "./job.js";
import { TERMINAL_STATES } from "./job.js";
import { type WaitOptions, waitForJob } from "./job-poller.js";
import { readPointer } from "./json-pointer.js";
import type { Logger } from "./logger.js";
import { readJob, readStatusWord } from "./read-job.js";
import { redactDeep } from "./redact.js";
import { createRetryingFetch } from "./retrying-fetch.js";
import { resolveBaseUrl } from "./server-url.js";
import { chooseBodyEncoding } from "./start-request.js";
import { isNotFoundWord, mapStatusWord, quoteNumericKey } from "./status-words.js";

export interface BaseClientOptions {
  apiKey: string;
  /** The fetch to send requests with; defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Per attempt, covering the response body too. Default 30 000. */
  timeoutMs?: number;
  /** Retries of idempotent requests (never POST). Default 2. */
  maxRetries?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  logger?: Logger;
  /** Overrides of the vendor status word → job state mapping (case-insensitive keys). */
  statusMap?: StatusMap;
}

type Variables<D> = D extends { readonly server: { readonly variables: infer V } } ? V : Record<never, never>;
type RequiredVariableOptions<D> = {
  [K in keyof Variables<D> as Variables<D>[K] extends { readonly required: true; readonly option: infer O extends string }
    ? O
    : never]: string;
};
type OptionalVariableOptions<D> = {
  [K in keyof Variables<D> as Variables<D>[K] extends { readonly option: infer O extends string } ? O : never]?: string;
};

/**
 * The options of a vendor's client: the base options, `baseUrl`, and one option per server variable
 * (`clusterId` for `{cluster-id}`). A variable without a real default must be given, or `baseUrl`.
 */
export type VendorClientOptions<D = undefined> = BaseClientOptions &
  (keyof RequiredVariableOptions<D> extends never
    ? { /** Overrides the vendor's documented host (a proxy, a sandbox, a mock server). */ baseUrl?: string } & OptionalVariableOptions<D>
    : (RequiredVariableOptions<D> & { baseUrl?: string }) | ({ baseUrl: string } & OptionalVariableOptions<D>));

type StartOf<D> = D extends { readonly job: { readonly starts: readonly (infer S)[] } } ? S : never;
// Distributive over S, so a vendor with no start (S = never) has no start path, not every path.
type PathOf<S> = S extends { readonly path: infer P extends string } ? P : never;
type MethodOf<S> = S extends { readonly method: infer M extends string } ? M : never;
/** The paths of the operations that start a job (their success response links to the status operation). */
export type StartPath<D> = PathOf<StartOf<D>>;
type StartMethod<D, P> = MethodOf<Extract<StartOf<D>, { readonly path: P }>>;
/** The init of a start request, typed like openapi-fetch's init for that operation (params, body). */
export type StartInit<Paths, D, P extends keyof Paths> = MaybeOptionalInit<Paths[P], StartMethod<D, P> & keyof Paths[P]>;

export interface JobsApi<J extends Job, Paths = unknown, D = unknown> {
  /** One status request, normalized. */
  get(id: string | number, options?: { signal?: AbortSignal }): Promise<J>;
  /** Polls until the job ends; resolves with the final job whatever its state. */
  wait(id: string | number, options?: WaitOptions<J>): Promise<J>;
  /**
   * Sends a start operation (one whose response links to the status operation) and returns the job
   * it started, its id read where the link says. Never retried: a start is not idempotent.
   * `raw` is the start response's body.
   */
  start<P extends StartPath<D> & keyof Paths>(path: P, init: StartInit<Paths, D, P>): Promise<Job<unknown, J["vendor"]>>;
  /** `start`, then `wait`. */
  run<P extends StartPath<D> & keyof Paths>(path: P, init: StartInit<Paths, D, P>, options?: WaitOptions<J>): Promise<J>;
}

export type VendorClient<Paths extends {}, Raw, V extends string, D = unknown> = Client<Paths> & { jobs: JobsApi<Job<Raw, V>, Paths, D> };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

/** The header and query parameter that carry the key, per the spec's security scheme. */
function authOf(descriptor: VendorDescriptor, apiKey: string): { headers: Record<string, string>; query?: [string, string] } {
  const { auth } = descriptor;
  if (auth.type === "bearer") return { headers: { Authorization: `Bearer ${apiKey}` } };
  if (auth.type === "apiKey" && auth.in === "header") return { headers: { [auth.name]: apiKey } };
  if (auth.type === "apiKey" && auth.in === "query") return { headers: {}, query: [auth.name, apiKey] };
  return { headers: {} };
}

export function createVendorClient<Paths extends {}, Raw, V extends string, D extends VendorDescriptor = VendorDescriptor>(
  descriptor: D,
  options: VendorClientOptions<D>,
): VendorClient<Paths, Raw, V, D> {
  const vendor = descriptor.vendor as VendorName;
  requireOption(vendor, "apiKey", options?.apiKey);
  const { apiKey } = options;
  const baseUrl = resolveBaseUrl(descriptor, options as Record<string, unknown>);
  const auth = authOf(descriptor, apiKey);
  const userFetch = options.fetch;
  const send = userFetch
    ? (request: Request, init?: RequestInit) => userFetch(new Request(request, init))
    : (request: Request, init?: RequestInit) => globalThis.fetch(request, init);
  const job = descriptor.job;
  const idKey = job?.preserveIdDigits && job.id ? job.id.split("/").pop() : undefined;
  const client = createClient<Paths>({
    baseUrl,
    // Auth last, so a stray client-wide header cannot replace it.
    headers: { ...options.headers, ...auth.headers },
    fetch: createRetryingFetch({
      vendor,
      // A custom fetch gets one Request carrying the attempt's signal; the global one takes it as init.
      fetch: auth.query ? (request, init) => send(withQuery(request, auth.query as [string, string]), init) : send,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      logger: options.logger,
      reviveJsonText: idKey ? (text) => quoteNumericKey(text, idKey) : undefined,
    }),
  });
  // The descriptor names methods and paths at runtime; the typed surface is the public one.
  const request = client.request as unknown as (method: string, path: string, init: Record<string, unknown>) => Promise<LooseResult>;

  const requireJob = () => {
    if (!job) throw new TypeError(`${vendor}: its spec declares no job (x-vendorspec-job on a status operation)`);
    return job;
  };

  const parseBody = (data: string | undefined, response: Response): unknown => {
    try {
      return JSON.parse(data ?? "");
    } catch {
      throw new VendorApiError({
        status: response.status,
        vendor,
        body: redactDeep(data ?? "", apiKey),
        headers: response.headers,
        message: `${vendor}: HTTP ${response.status} with a body that is not valid JSON`,
      });
    }
  };

  const fetchJob = async (id: string, signal: AbortSignal) => {
    const declared = requireJob();
    const { name, in: where, type } = declared.idParameter;
    let value: string | number = id;
    if (type === "integer") {
      value = Number(id);
      if (!/^-?\d+$/.test(id) || !Number.isSafeInteger(value)) {
        throw new TypeError(`${vendor}: job ids are integers for ${declared.statusOperation}, got "${id}"`);
      }
    }
    const { data, error, response } = await request(declared.method, declared.path, {
      params: { [where]: { [name]: value } },
      parseAs: "text",
      signal,
    });
    if (!response.ok) throw createApiError({ status: response.status, vendor, body: redactDeep(error, apiKey), headers: response.headers });
    const raw = parseBody(data as string | undefined, response) as Raw;
    const word = readStatusWord(declared, raw);
    if (isNotFoundWord(declared, word)) {
      throw new NotFoundError({
        status: response.status,
        vendor,
        body: raw,
        headers: response.headers,
        message: `${vendor}: job ${id} not found (status ${word})`,
      });
    }
    return { job: readJob(descriptor.vendor as V, declared, raw, { id, statusMap: options.statusMap }), response };
  };

  const findStart = (path: string): StartDescriptor => {
    const start = requireJob().starts.find((s) => s.path === path);
    if (!start) {
      const known = requireJob().starts.map((s) => s.path);
      throw new TypeError(
        `${vendor}: ${path} does not start a job (no link from its response to the status operation); ${known.length > 0 ? `start paths: ${known.join(", ")}` : "no operation of this vendor returns a job id to follow"}`,
      );
    }
    return start;
  };

  const jobs: JobsApi<Job<Raw, V>, Paths, D> = {
    async get(id, getOptions) {
      const signal = getOptions?.signal ?? new AbortController().signal;
      return (await fetchJob(String(id), signal)).job;
    },
    wait(id, waitOptions = {}) {
      const declared = requireJob();
      return waitForJob(
        { vendor, id: String(id), fetchJob: (signal) => fetchJob(String(id), signal) },
        {
          ...waitOptions,
          intervalMs: waitOptions.intervalMs ?? declared.poll.intervalMs,
          timeoutMs: waitOptions.timeoutMs ?? declared.poll.timeoutMs,
        },
      );
    },
    async start(path, init) {
      const declared = requireJob();
      const start = findStart(path as string);
      const sent = { ...((init ?? {}) as Record<string, unknown>) };
      const headers = (sent.headers ?? {}) as Record<string, string>;
      const contentTypeKey = Object.keys(headers).find((h) => h.toLowerCase() === "content-type");
      const mediaTypes = descriptor.operations[start.operationId]?.requestMediaTypes ?? [];
      const encoding = chooseBodyEncoding(
        vendor,
        start.operationId,
        mediaTypes,
        sent.body,
        contentTypeKey ? headers[contentTypeKey] : undefined,
      );
      if (encoding.bodySerializer) sent.bodySerializer = encoding.bodySerializer;
      if (encoding.contentType) sent.headers = { ...headers, "Content-Type": encoding.contentType };
      const { data, error, response } = await request(start.method, start.path, {
        ...sent,
        parseAs: "text",
      });
      if (!response.ok)
        throw createApiError({ status: response.status, vendor, body: redactDeep(error, apiKey), headers: response.headers });
      const body = parseBody(data as string | undefined, response);
      const id = readPointer(body, start.id);
      if (typeof id !== "string" && typeof id !== "number") {
        throw new VendorApiError({
          status: response.status,
          vendor,
          body: redactDeep(body, apiKey),
          headers: response.headers,
          message: `${vendor}: ${start.operationId} answered ${response.status} without a job id at ${start.id}`,
        });
      }
      // The start response often tells the first status (Apptus' 200 even the last one).
      const word = readStatusWord(declared, body);
      const state = word === "" ? "queued" : mapStatusWord(declared, word, options.statusMap);
      return { vendor: descriptor.vendor as V, id: String(id), state, vendorStatus: word, terminal: TERMINAL_STATES.has(state), raw: body };
    },
    async run(path, init, waitOptions) {
      const started = await jobs.start(path, init);
      return jobs.wait(started.id, waitOptions);
    },
  };
  return Object.assign(client, { jobs });
}

type LooseResult = { data?: unknown; error?: unknown; response: Response };

function withQuery(request: Request, [name, value]: [string, string]): Request {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  return new Request(url, request);
}

/** Throws at creation when a required option is missing, naming it. */
export function requireOption(vendor: string, name: string, value: unknown): void {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${vendor}: the \`${name}\` option is required and must be a non-empty string`);
  }
}
