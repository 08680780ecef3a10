// `client.jobs`: start, read and await a vendor's jobs, by the job declaration in its descriptor.
import type { MaybeOptionalInit } from "openapi-fetch";
import type { VendorName } from "../vendors/index.js";
import type { JobDescriptor, StartDescriptor, VendorDescriptor } from "./descriptor.js";
import { createApiError, NotFoundError, VendorApiError } from "./errors.js";
import type { Job, StatusMap } from "./job.js";
import { TERMINAL_STATES } from "./job.js";
import { type WaitOptions, waitForJob } from "./job-poller.js";
import { readPointer } from "./json-pointer.js";
import { readJob, readStatusWord } from "./read-job.js";
import { redactDeep } from "./redact.js";
import { chooseBodyEncoding } from "./start-request.js";
import { isNotFoundWord, mapStatusWord } from "./status-words.js";

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
  /**
   * Polls until the job ends; resolves with the final job whatever its state. Transient failures
   * (5xx, 429, connection errors, timeouts) do not end it; 4xx and "no such job" do.
   */
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

/** A call of the wrapped openapi-fetch client, by method name and path as the descriptor has them. */
export type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export interface JobsContext {
  descriptor: VendorDescriptor;
  request: LooseRequest;
  apiKey: string;
  statusMap: StatusMap | undefined;
}

export function createJobsApi<Raw, V extends string, Paths, D>(context: JobsContext): JobsApi<Job<Raw, V>, Paths, D> {
  const { descriptor, request, apiKey } = context;
  const vendor = descriptor.vendor as VendorName;
  const job = descriptor.job;

  const requireJob = (): JobDescriptor => {
    if (!job) throw new TypeError(`${vendor}: its spec declares no job (x-vendorspec-job on a status operation)`);
    return job;
  };

  const apiError = (status: number, body: unknown, headers: Headers) =>
    createApiError({ status, vendor, body: redactDeep(body, apiKey), headers, secret: apiKey });

  const parseBody = (data: unknown, response: Response): unknown => {
    const text = typeof data === "string" ? data : "";
    try {
      // Ids that must keep their digits were quoted by the guarded fetch already.
      return JSON.parse(text);
    } catch {
      throw new VendorApiError({
        status: response.status,
        vendor,
        body: redactDeep(text, apiKey),
        headers: response.headers,
        secret: apiKey,
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
        throw new TypeError(`${vendor}: job ids are integers for ${declared.statusOperation}, got "${id.slice(0, 100)}"`);
      }
    }
    const { data, error, response } = await request(declared.method, declared.path, {
      params: { [where]: { [name]: value } },
      parseAs: "text",
      signal,
    });
    if (!response.ok) throw apiError(response.status, error, response.headers);
    const raw = parseBody(data, response) as Raw;
    const word = readStatusWord(declared, raw);
    if (isNotFoundWord(declared, word)) {
      throw new NotFoundError({
        status: response.status,
        vendor,
        body: redactDeep(raw, apiKey),
        headers: response.headers,
        secret: apiKey,
        message: `${vendor}: job ${id.slice(0, 100)} not found (status ${word.slice(0, 100)})`,
      });
    }
    return { job: readJob(descriptor.vendor as V, declared, raw, { id, statusMap: context.statusMap }), response };
  };

  const findStart = (path: string): StartDescriptor => {
    const starts = requireJob().starts;
    const start = starts.find((s) => s.path === path);
    if (!start) {
      throw new TypeError(
        `${vendor}: ${path} does not start a job (no link from its response to the status operation); ${starts.length > 0 ? `start paths: ${starts.map((s) => s.path).join(", ")}` : "no operation of this vendor returns a job id to follow"}`,
      );
    }
    return start;
  };

  const jobs: JobsApi<Job<Raw, V>, Paths, D> = {
    async get(id, options) {
      return (await fetchJob(String(id), options?.signal ?? new AbortController().signal)).job;
    },
    wait(id, options = {}) {
      const declared = requireJob();
      return waitForJob(
        { vendor, id: String(id), fetchJob: (signal) => fetchJob(String(id), signal) },
        { ...options, intervalMs: options.intervalMs ?? declared.poll.intervalMs, timeoutMs: options.timeoutMs ?? declared.poll.timeoutMs },
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
      const { data, error, response } = await request(start.method, start.path, { ...sent, parseAs: "text" });
      if (!response.ok) throw apiError(response.status, error, response.headers);
      const body = parseBody(data, response);
      const id = readPointer(body, start.id);
      if (typeof id !== "string" && typeof id !== "number") {
        throw new VendorApiError({
          status: response.status,
          vendor,
          body: redactDeep(body, apiKey),
          headers: response.headers,
          secret: apiKey,
          message: `${vendor}: ${start.operationId} answered ${response.status} without a job id at ${start.id}`,
        });
      }
      // The start response often tells the first status (Apptus' 200 even the last one).
      const word = readStatusWord(declared, body);
      const state = word === "" ? "queued" : mapStatusWord(declared, word, context.statusMap);
      return { vendor: descriptor.vendor as V, id: String(id), state, vendorStatus: word, terminal: TERMINAL_STATES.has(state), raw: body };
    },
    async run(path, init, options) {
      const started = await jobs.start(path, init);
      return jobs.wait(started.id, options);
    },
  };
  return jobs;
}
