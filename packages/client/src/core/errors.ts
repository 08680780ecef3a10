// One error hierarchy for every vendor: a base API error carrying what the server said, one subclass
// per status family, and connection/timeout/size errors apart from it. No error ever carries the API
// key: whoever builds one passes bodies, headers and causes through the redaction in redact.ts, and
// messages never include request headers.
import type { VendorName } from "../vendors/index.js";
import type { Job } from "./job.js";
import { redactHeaders, redactSecret } from "./redact.js";

export type { VendorName };

export class VendorApiError extends Error {
  override name = "VendorApiError";
  readonly status: number;
  readonly vendor: VendorName;
  /** The parsed JSON body, or the raw text when the body is not JSON (HTML error pages, free text). */
  readonly body: unknown;
  readonly headers: Record<string, string>;
  /** The vendor's request id header (`x-request-id` and friends), when it sent one. */
  readonly requestId: string | undefined;

  /** `body` must already be redacted (redactDeep); `secret` redacts the headers. */
  constructor(init: { status: number; vendor: VendorName; body: unknown; headers: Headers; message?: string; secret?: string }) {
    super(init.message ?? `${init.vendor}: HTTP ${init.status}${describeBody(init.body)}`);
    this.status = init.status;
    this.vendor = init.vendor;
    this.body = init.body;
    this.headers = redactHeaders(init.headers, init.secret ?? "");
    this.requestId = this.headers["x-request-id"] ?? this.headers["request-id"] ?? this.headers["x-correlation-id"] ?? undefined;
  }
}

export class AuthenticationError extends VendorApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends VendorApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends VendorApiError {
  override name = "NotFoundError";
}
export class RateLimitError extends VendorApiError {
  override name = "RateLimitError";
}
export class ServerError extends VendorApiError {
  override name = "ServerError";
}

/** The request never got a whole HTTP response: DNS, refused or reset connection, TLS, a body cut off. */
export class ConnectionError extends Error {
  override name = "ConnectionError";
  constructor(
    readonly vendor: VendorName,
    options: { cause: unknown; secret?: string },
  ) {
    const cause = sanitizeCause(options.cause, options.secret ?? "");
    super(`${vendor}: connection failed: ${causeMessage(cause)}`, { cause });
  }
}

/** A response body larger than `maxBodyBytes`: not read further. */
export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
  constructor(
    readonly vendor: VendorName,
    readonly limitBytes: number,
    readonly declaredBytes?: number,
  ) {
    super(
      `${vendor}: response body ${declaredBytes !== undefined ? `of ${declaredBytes} bytes ` : ""}exceeds the ${limitBytes}-byte limit (maxBodyBytes); not read further`,
    );
  }
}

/** One attempt (headers and body) took longer than `timeoutMs`. */
export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
  constructor(
    readonly vendor: VendorName,
    readonly timeoutMs: number,
  ) {
    super(`${vendor}: request timed out after ${timeoutMs} ms`);
  }
}

/**
 * `jobs.wait()` reached its deadline before the job ended. `lastJob` is the last state seen; `cause`
 * is the last error (a vendor down for good, rate limits) when polls were failing at the end.
 */
export class JobTimeoutError<J extends Job = Job> extends Error {
  override name = "JobTimeoutError";
  constructor(
    readonly vendor: VendorName,
    readonly jobId: string,
    readonly timeoutMs: number,
    readonly lastJob: J | undefined,
    options: { cause?: unknown } = {},
  ) {
    super(
      `${vendor}: job ${jobId} did not finish within ${timeoutMs} ms${options.cause instanceof Error ? ` (last error: ${options.cause.message})` : ""}`,
      options,
    );
  }
}

/** Picks the subclass for a status code. */
export function createApiError(init: {
  status: number;
  vendor: VendorName;
  body: unknown;
  headers: Headers;
  secret?: string;
}): VendorApiError {
  if (init.status === 401) return new AuthenticationError(init);
  if (init.status === 403) return new PermissionDeniedError(init);
  if (init.status === 404) return new NotFoundError(init);
  if (init.status === 429) return new RateLimitError(init);
  if (init.status >= 500) return new ServerError(init);
  return new VendorApiError(init);
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === "") return "";
  if (typeof body === "string") return `: ${body.slice(0, 200)}`;
  if (typeof body === "object") {
    const record = body as Record<string, unknown>;
    const text = record.message ?? record.error ?? record.reason;
    if (typeof text === "string") return `: ${text.slice(0, 200)}`;
  }
  return "";
}

function causeMessage(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause.cause as { code?: string } | undefined)?.code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}

/** A copy of a low-level cause (undici's TypeError and its socket error) with the key taken out. */
function sanitizeCause(cause: unknown, secret: string): unknown {
  if (!(cause instanceof Error) || secret === "") return cause;
  const inner = cause.cause as { code?: string; message?: string } | undefined;
  const copy = new Error(
    redactSecret(cause.message, secret),
    inner ? { cause: { code: inner.code, message: redactSecret(String(inner.message ?? ""), secret) } } : {},
  );
  copy.name = cause.name;
  return copy;
}
