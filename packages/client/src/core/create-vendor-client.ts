// Builds a vendor client from its descriptor: an openapi-fetch client (typed by the vendor's
// `paths`) whose every operation call runs under a timeout that covers the body, with safe retries,
// a concurrency cap and the vendor's rate limit shared by all calls, plus `jobs` to start, read and
// await the vendor's async jobs. Everything vendor-specific comes from the descriptor generated from
// the spec.
import createClient, { type Client } from "openapi-fetch";
import type { VendorName } from "../vendors/index.js";
import { createDeprecationNotifier, type DeprecationOption } from "./deprecation.js";
import type { VendorDescriptor } from "./descriptor.js";
import { ATTEMPT_SIGNAL, createGuardedFetch, DEFAULT_MAX_BODY_BYTES, type SendFunction } from "./guarded-fetch.js";
import type { Job, StatusMap } from "./job.js";
import { createJobsApi, type JobsApi, type LooseRequest } from "./jobs-api.js";
import { ConcurrencyLimiter, DEFAULT_MAX_CONCURRENCY, RateGate } from "./limits.js";
import type { Logger } from "./logger.js";
import { type CallPolicy, callWithRetries } from "./operation-call.js";
import { resolveBaseUrl } from "./server-url.js";
import { quoteNumericKey } from "./status-words.js";

export type { DeprecationNotice, DeprecationOption } from "./deprecation.js";
export type { JobsApi, StartInit, StartPath } from "./jobs-api.js";

export interface BaseClientOptions {
  apiKey: string;
  /** The fetch to send requests with; defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Per attempt, covering the whole response body too. Default 30 000. */
  timeoutMs?: number;
  /** Retries of idempotent requests (never POST). Default 2. */
  maxRetries?: number;
  /** Requests of this client in flight at once (and so sockets); more wait their turn. Default 50. */
  maxConcurrency?: number;
  /** A response body larger than this is not read (ResponseTooLargeError). Default 8 MiB. */
  maxBodyBytes?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  logger?: Logger;
  /** Overrides of the vendor status word → job state mapping (case-insensitive keys). */
  statusMap?: StatusMap;
  /**
   * Calling an operation the vendor retires (the spec's `deprecated`, `x-sunset`) warns once per
   * process through `logger.warn` (else console.warn). A function receives each notice once per
   * client instead; `false` silences.
   */
  onDeprecation?: DeprecationOption;
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

export type VendorClient<Paths extends {}, Raw, V extends string, D = unknown> = Client<Paths> & { jobs: JobsApi<Job<Raw, V>, Paths, D> };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const COMMON_CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

/** The header and query parameter that carry the key, per the spec's security scheme. */
function authOf(descriptor: VendorDescriptor, apiKey: string): { headers: Record<string, string>; query?: [string, string] } {
  const { auth } = descriptor;
  if (auth.type === "bearer") return { headers: { Authorization: `Bearer ${apiKey}` } };
  if (auth.type === "apiKey" && auth.in === "header") return { headers: { [auth.name]: apiKey } };
  if (auth.type === "apiKey" && auth.in === "query") return { headers: {}, query: [auth.name, apiKey] };
  return { headers: {} };
}

type Init = Record<string, unknown> & { signal?: AbortSignal | null };

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
  // The global fetch takes the signal as init (one Request built with it); a custom fetch, whose
  // signature takes a Request only, gets one carrying it.
  const send: SendFunction = userFetch
    ? (request, signal) => userFetch(signal ? new Request(request, { signal }) : request)
    : (request, signal) => globalThis.fetch(request, signal ? { signal } : undefined);
  const idKey = descriptor.job?.preserveIdDigits && descriptor.job.id ? descriptor.job.id.split("/").pop() : undefined;
  const base = createClient<Paths>({
    baseUrl,
    // Auth last, so a stray client-wide header cannot replace it.
    headers: { ...options.headers, ...auth.headers },
    fetch: createGuardedFetch({
      vendor,
      send,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      credentialHeaders: [...COMMON_CREDENTIAL_HEADERS, ...Object.keys(auth.headers)],
      ...(auth.query ? { authQuery: auth.query } : {}),
      ...(idKey ? { reviveJsonText: (text: string) => quoteNumericKey(text, idKey) } : {}),
    }),
  });
  const policy: CallPolicy = {
    vendor,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logger: options.logger,
    limiter: new ConcurrencyLimiter(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
    gate: new RateGate(),
    secret: apiKey,
    // The global fetch honours the signal through the body; a custom one might not, so it is raced.
    raceTimeout: userFetch !== undefined,
  };

  // Every operation call (openapi-fetch builds the request, sends it and reads the body) is one
  // attempt under the policy. Redirects are followed by the guarded fetch, which knows the credentials.
  const loose = base as unknown as Record<string, (path: string, init?: Init) => Promise<{ response: Response }>>;
  const originals = new Map(METHODS.map((method) => [method, loose[method]?.bind(base)] as const));
  const noticeDeprecation = createDeprecationNotifier(descriptor, options.onDeprecation, options.logger);
  const request: LooseRequest = (method, path, init) => {
    const upper = method.toUpperCase();
    noticeDeprecation(upper, path);
    const send = originals.get(upper as (typeof METHODS)[number]);
    if (!send) throw new TypeError(`${vendor}: no HTTP method ${method}`);
    const callerSignal = (init.signal as AbortSignal | null | undefined) ?? undefined;
    return callWithRetries(
      upper,
      path,
      callerSignal,
      (signal) => send(path, { ...init, [ATTEMPT_SIGNAL]: signal, redirect: "manual" }),
      policy,
    ) as ReturnType<LooseRequest>;
  };
  const client = base as unknown as Record<string, unknown>;
  for (const method of METHODS) client[method] = (path: string, init: Init = {}) => request(method, path, init);
  client.request = (method: string, path: string, init: Init = {}) => request(method, path, init);
  const jobs = createJobsApi<Raw, V, Paths, D>({ descriptor, request, apiKey, statusMap: options.statusMap });
  return Object.assign(base, { jobs });
}

/** Throws at creation when a required option is missing, naming it. */
export function requireOption(vendor: string, name: string, value: unknown): void {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${vendor}: the \`${name}\` option is required and must be a non-empty string`);
  }
}
