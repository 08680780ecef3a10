// Builds a vendor client: an openapi-fetch client (typed by the vendor's `paths`) whose fetch adds
// auth, timeouts and safe retries, plus `jobs` to read and await the vendor's async jobs. Everything
// vendor-specific comes from one VendorDefinition in src/vendors/<vendor>.ts.
import createClient, { type Client } from "openapi-fetch";
import { createApiError, VendorApiError, type VendorName } from "./errors.js";
import type { Job, JobState, StatusMap } from "./job.js";
import { TERMINAL_STATES } from "./job.js";
import { type WaitOptions, waitForJob } from "./job-poller.js";
import type { Logger } from "./logger.js";
import { redactDeep } from "./redact.js";
import { createRetryingFetch } from "./retrying-fetch.js";

export interface VendorClientOptions {
  apiKey: string;
  /** Overrides the vendor's documented host (a proxy, a sandbox, a mock server). */
  baseUrl?: string;
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

/** What a vendor maps into a Job; the core adds `vendor` and `terminal`. */
export interface MappedStatus<Raw> {
  id: string;
  state: JobState;
  vendorStatus: string;
  progress?: Job["progress"];
  message?: string;
  raw: Raw;
}

export interface VendorDefinition<Paths extends {}, Raw, V extends VendorName> {
  name: V;
  /**
   * The vendor's status words and the state each maps to (for vendors without a published
   * vocabulary, the common words matched case-insensitively), and where the word is in the body.
   * The docs site draws each lifecycle from this, so it cannot drift from the mapping.
   */
  statusVocabulary: { field: string; words: Readonly<Record<string, JobState>>; published: boolean };
  /** Headers that authenticate a request with `apiKey`. */
  authHeaders(apiKey: string): Record<string, string>;
  poll: { intervalMs: number; timeoutMs: number };
  /** Sends the status request; must use `parseAs: "text"` so the core controls JSON parsing. */
  requestStatus(client: Client<Paths>, id: string, signal: AbortSignal): Promise<{ data?: string; error?: unknown; response: Response }>;
  /** Maps a parsed status body; may throw (Apptus NOT_FOUND is a NotFoundError). */
  mapStatus(raw: Raw, context: { id: string; statusMap: StatusMap | undefined; response: Response }): MappedStatus<Raw>;
  reviveJsonText?: (text: string) => string;
}

export interface JobsApi<J extends Job> {
  /** One status request, normalized. */
  get(id: string | number, options?: { signal?: AbortSignal }): Promise<J>;
  /** Polls until the job ends; resolves with the final job whatever its state. */
  wait(id: string | number, options?: WaitOptions<J>): Promise<J>;
}

export type VendorClient<Paths extends {}, Raw, V extends VendorName> = Client<Paths> & { jobs: JobsApi<Job<Raw, V>> };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

export function createVendorClient<Paths extends {}, Raw, V extends VendorName>(
  definition: VendorDefinition<Paths, Raw, V>,
  options: VendorClientOptions,
  baseUrl: string,
): VendorClient<Paths, Raw, V> {
  const { apiKey } = options;
  const userFetch = options.fetch;
  const client = createClient<Paths>({
    baseUrl,
    // Auth last, so a stray client-wide header cannot replace it.
    headers: { ...options.headers, ...definition.authHeaders(apiKey) },
    fetch: createRetryingFetch({
      vendor: definition.name,
      // A custom fetch gets one Request carrying the attempt's signal; the global one takes it as init.
      fetch: userFetch ? (request, init) => userFetch(new Request(request, init)) : (request, init) => globalThis.fetch(request, init),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      logger: options.logger,
      reviveJsonText: definition.reviveJsonText,
    }),
  });

  const fetchJob = async (id: string, signal: AbortSignal) => {
    const { data, error, response } = await definition.requestStatus(client, id, signal);
    if (!response.ok) {
      throw createApiError({
        status: response.status,
        vendor: definition.name,
        body: redactDeep(error, apiKey),
        headers: response.headers,
      });
    }
    let raw: Raw;
    try {
      raw = JSON.parse(data ?? "") as Raw;
    } catch {
      throw new VendorApiError({
        status: response.status,
        vendor: definition.name,
        body: redactDeep(data ?? "", apiKey),
        headers: response.headers,
        message: `${definition.name}: HTTP ${response.status} with a body that is not valid JSON`,
      });
    }
    const mapped = definition.mapStatus(raw, { id, statusMap: options.statusMap, response });
    const job: Job<Raw, V> = { vendor: definition.name, ...mapped, terminal: TERMINAL_STATES.has(mapped.state) };
    return { job, response };
  };

  const jobs: JobsApi<Job<Raw, V>> = {
    async get(id, getOptions) {
      const signal = getOptions?.signal ?? new AbortController().signal;
      return (await fetchJob(String(id), signal)).job;
    },
    wait(id, waitOptions = {}) {
      return waitForJob(
        { vendor: definition.name, id: String(id), fetchJob: (signal) => fetchJob(String(id), signal) },
        {
          ...waitOptions,
          intervalMs: waitOptions.intervalMs ?? definition.poll.intervalMs,
          timeoutMs: waitOptions.timeoutMs ?? definition.poll.timeoutMs,
        },
      );
    },
  };
  return Object.assign(client, { jobs });
}

/** Throws at creation when a required option is missing, naming it. */
export function requireOption(vendor: VendorName, name: string, value: unknown): void {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${vendor}: the \`${name}\` option is required and must be a non-empty string`);
  }
}
