// The `fetch` openapi-fetch calls: runs each attempt under its timeout, and
// retries what is safe to retry. Only idempotent methods are retried: a POST that timed out may have
// started a vendor job, and sending it again could start a second one.
import { abortableSleep } from "./abortable-sleep.js";
import { backoffDelayMs, retryAfterMs } from "./backoff.js";
import { ConnectionError, RequestTimeoutError, type VendorName } from "./errors.js";
import type { Logger } from "./logger.js";
import { attemptRequest, type FetchFunction } from "./request-attempt.js";

export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
export const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export interface RetryingFetchOptions {
  vendor: VendorName;
  fetch: FetchFunction;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger | undefined;
  /** Rewrites a JSON response text before anyone parses it (apptus: ids as strings). */
  reviveJsonText: ((text: string) => string) | undefined;
  random?: () => number;
}

export function createRetryingFetch(options: RetryingFetchOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const retries = IDEMPOTENT_METHODS.has(request.method) ? options.maxRetries : 0;
    const where = () => `${request.method} ${new URL(request.url).pathname}`;
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < retries;
      let response: Response;
      try {
        // A body can be sent once; a request without one is reused as it is.
        response = await attemptRequest(canRetry && request.body !== null ? request.clone() : request, options);
      } catch (error) {
        if (!canRetry || !(error instanceof ConnectionError || error instanceof RequestTimeoutError)) throw error;
        const delay = backoffDelayMs(attempt, options.random);
        options.logger?.warn?.(
          `${options.vendor} ${where()}: ${error.message}; retry ${attempt + 1}/${retries} in ${Math.round(delay)} ms`,
        );
        await abortableSleep(delay, request.signal);
        continue;
      }
      if (canRetry && RETRYABLE_STATUSES.has(response.status)) {
        const delay = retryAfterMs(response.headers.get("retry-after")) ?? backoffDelayMs(attempt, options.random);
        options.logger?.warn?.(
          `${options.vendor} ${where()}: HTTP ${response.status}; retry ${attempt + 1}/${retries} in ${Math.round(delay)} ms`,
        );
        await abortableSleep(delay, request.signal);
        continue;
      }
      options.logger?.debug?.(`${options.vendor} ${where()}: HTTP ${response.status}`);
      return options.reviveJsonText ? reviveJson(response, options.reviveJsonText) : response;
    }
  };
}

async function reviveJson(response: Response, revive: (text: string) => string): Promise<Response> {
  if (!/\bjson\b/i.test(response.headers.get("content-type") ?? "") || response.body === null) return response;
  const text = revive(await response.text());
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
