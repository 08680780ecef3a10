// One operation call (openapi-fetch builds the request, fetches, reads and parses the body) is one
// attempt: one AbortController and one timer cover all of it, the body included, so a server that
// stalls mid-body cannot hang the client and nothing is buffered twice. Idempotent calls are retried
// on connection errors, timeouts and retryable statuses; a POST never is, since it may have started a
// vendor job. Every attempt waits for a concurrency slot and for the client's rate-limit gate.
import { abortableSleep } from "./abortable-sleep.js";
import { backoffDelayMs, retryAfterMs } from "./backoff.js";
import { ConnectionError, RequestTimeoutError, ResponseTooLargeError, VendorApiError, type VendorName } from "./errors.js";
import type { ConcurrencyLimiter, RateGate } from "./limits.js";
import type { Logger } from "./logger.js";

export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
export const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

export interface CallPolicy {
  vendor: VendorName;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger | undefined;
  limiter: ConcurrencyLimiter;
  gate: RateGate;
  /** The API key, kept out of every error built here. */
  secret: string;
  random?: () => number;
  /** Race the attempt against its timer too (a custom fetch may ignore the abort signal). */
  raceTimeout?: boolean;
}

export async function callWithRetries<T extends { response: Response }>(
  method: string,
  path: string,
  callerSignal: AbortSignal | undefined,
  attempt: (signal: AbortSignal) => Promise<T>,
  policy: CallPolicy,
): Promise<T> {
  const retries = IDEMPOTENT_METHODS.has(method) ? policy.maxRetries : 0;
  for (let n = 0; ; n++) {
    const canRetry = n < retries;
    let result: T;
    try {
      result = await attemptOnce(attempt, callerSignal, policy);
    } catch (error) {
      if (!canRetry || !(error instanceof ConnectionError || error instanceof RequestTimeoutError)) throw error;
      const delay = backoffDelayMs(n, policy.random);
      policy.logger?.warn?.(`${policy.vendor} ${method} ${path}: ${error.message}; retry ${n + 1}/${retries} in ${Math.round(delay)} ms`);
      await abortableSleep(delay, callerSignal);
      continue;
    }
    const { status } = result.response;
    const advised = retryAfterMs(result.response.headers.get("retry-after"));
    const delay = advised ?? backoffDelayMs(n, policy.random);
    // One vendor, one rate limit: a 429 (or a 503 that says when to come back) pauses every request
    // of this client, not only this one.
    if (status === 429 || (status === 503 && advised !== undefined)) policy.gate.pause(delay);
    if (canRetry && RETRYABLE_STATUSES.has(status)) {
      policy.logger?.warn?.(`${policy.vendor} ${method} ${path}: HTTP ${status}; retry ${n + 1}/${retries} in ${Math.round(delay)} ms`);
      await abortableSleep(delay, callerSignal);
      continue;
    }
    policy.logger?.debug?.(`${policy.vendor} ${method} ${path}: HTTP ${status}`);
    return result;
  }
}

async function attemptOnce<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  callerSignal: AbortSignal | undefined,
  policy: CallPolicy,
): Promise<T> {
  // Fast paths: no promise to await when the gate is open and a slot is free.
  if (policy.gate.closedFor > 0) await policy.gate.pass(callerSignal);
  if (!policy.limiter.tryAcquire()) await policy.limiter.acquire(callerSignal);
  const controller = new AbortController();
  let reject: ((error: RequestTimeoutError) => void) | undefined;
  const timer = setTimeout(() => {
    const error = new RequestTimeoutError(policy.vendor, policy.timeoutMs);
    controller.abort(error);
    reject?.(error);
  }, policy.timeoutMs);
  // Linked by hand, not AbortSignal.any: a wait's signal lives for the whole wait, and Node 20 keeps
  // every signal derived from it registered until it is collected (memory and CPU grow per attempt).
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  if (callerSignal?.aborted) onCallerAbort();
  const signal = controller.signal;
  try {
    if (!policy.raceTimeout) return await attempt(signal);
    const deadline = new Promise<never>((_, r) => {
      reject = r;
    });
    deadline.catch(() => undefined);
    return await Promise.race([attempt(signal), deadline]);
  } catch (error) {
    if (error instanceof RequestTimeoutError || error instanceof ResponseTooLargeError || error instanceof VendorApiError) throw error;
    if (controller.signal.reason instanceof RequestTimeoutError) throw controller.signal.reason;
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (error instanceof TypeError && isNetworkError(error))
      throw new ConnectionError(policy.vendor, { cause: error, secret: policy.secret });
    // Anything else (a SyntaxError from openapi-fetch parsing a broken body, a bug) is not ours to rename.
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
    policy.limiter.release();
  }
}

/** undici's failures are TypeErrors ("fetch failed", "terminated"); a TypeError of ours (a bad argument) is not one. */
const isNetworkError = (error: TypeError) =>
  error.message === "fetch failed" || error.message === "terminated" || error.cause !== undefined;
