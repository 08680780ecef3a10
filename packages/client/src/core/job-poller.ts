// `jobs.wait()`: polls a job until it ends, as a small state machine with one deadline (relative, or
// absolute so a restarted process resumes with the time that is left). Transient failures (5xx, 429,
// lost connections, timeouts, a gateway's unparseable body) do not end a wait: it backs off and polls
// again until the deadline, which then reports the last error as `cause`. Permanent ones (4xx, "no
// such job") end it at once. Every pause is jittered (±25%) so that many waits do not poll in
// lockstep, honours the server's Retry-After, grows while the vendor reports a word nobody knows,
// and never runs past the deadline.

import type { VendorName } from "../vendors/index.js";
import { abortableSleep } from "./abortable-sleep.js";
import { retryAfterMs } from "./backoff.js";
import { ConnectionError, JobTimeoutError, NotFoundError, RequestTimeoutError, VendorApiError } from "./errors.js";
import type { Job } from "./job.js";

export interface WaitOptions<J extends Job = Job> {
  /** Time between polls; defaults to the spec's `x-vendorspec-job.poll` advice, else 5000 ms. */
  intervalMs?: number;
  /** Overall deadline from now; defaults to the spec's `x-vendorspec-job.poll` advice, else 30 min. */
  timeoutMs?: number;
  /** An absolute deadline (a Date or epoch ms) instead of `timeoutMs`: resume a wait after a restart. */
  deadline?: Date | number;
  /** The longest pause between polls while backing off (unknown words, failing polls). Default 60 000. */
  maxIntervalMs?: number;
  signal?: AbortSignal;
  /** Called once per change of state, vendor status or progress, including the first poll. */
  onProgress?: (job: J) => void;
}

/** Unknown statuses and failing polls back off from the interval by this factor per poll, up to the cap. */
export const BACKOFF_GROWTH = 2;
export const UNKNOWN_STATUS_MIN_MS = 100;
/** A failing poll waits at least this, doubling per failure in a row (never less than the interval). */
export const FAILURE_BACKOFF_BASE_MS = 500;
export const DEFAULT_MAX_INTERVAL_MS = 60_000;
/** Every pause is drawn from [1 - JITTER, 1 + JITTER] × its nominal value. */
export const JITTER = 0.25;

export interface PollTarget<J extends Job> {
  vendor: VendorName;
  id: string;
  fetchJob(signal: AbortSignal): Promise<{ job: J; response: Response }>;
}

export interface PollerEnvironment {
  random: () => number;
}

/** A failure the next poll may not see: the wait goes on. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof RequestTimeoutError) return true;
  // "No such job" (a 404, or a vendor's not-found word in a 200) and auth failures are final.
  if (!(error instanceof VendorApiError) || error instanceof NotFoundError) return false;
  // 5xx, 408, 429, and a 2xx whose body was a gateway's page rather than the vendor's JSON.
  return error.status >= 500 || error.status === 408 || error.status === 429 || (error.status >= 200 && error.status < 300);
}

export const jittered = (ms: number, random: () => number) => ms * (1 - JITTER + 2 * JITTER * random());

export async function waitForJob<J extends Job>(
  target: PollTarget<J>,
  options: Required<Pick<WaitOptions, "intervalMs" | "timeoutMs">> & WaitOptions<J>,
  environment: PollerEnvironment = { random: Math.random },
): Promise<J> {
  const startedAt = Date.now();
  const deadlineAt = options.deadline !== undefined ? Number(options.deadline) : startedAt + options.timeoutMs;
  if (!Number.isFinite(deadlineAt)) throw new TypeError(`${target.vendor}: wait deadline is not a date: ${String(options.deadline)}`);
  const maxInterval = Math.max(options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS, options.intervalMs);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), Math.max(0, deadlineAt - startedAt));
  // One controller for the wait, aborted by the deadline or by the caller's signal. Linked by hand:
  // many waits often share one long-lived caller signal, and AbortSignal.any keeps each derived
  // signal registered on it in Node 20.
  const stop = new AbortController();
  const onDeadline = () => stop.abort(deadline.signal.reason);
  const onCallerAbort = () => stop.abort(options.signal?.reason);
  deadline.signal.addEventListener("abort", onDeadline, { once: true });
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  if (options.signal?.aborted) onCallerAbort();
  const signal = stop.signal;
  let lastJob: J | undefined;
  let lastError: unknown;
  let lastFingerprint = "";
  let unknownStreak = 0;
  let failureStreak = 0;
  const timedOut = () =>
    new JobTimeoutError<J>(target.vendor, target.id, deadlineAt - startedAt, lastJob, lastError === undefined ? {} : { cause: lastError });
  try {
    for (;;) {
      let pause: number;
      try {
        const { job, response } = await target.fetchJob(signal);
        lastJob = job;
        lastError = undefined;
        failureStreak = 0;
        const fingerprint = JSON.stringify([job.state, job.vendorStatus, job.progress ?? null]);
        if (fingerprint !== lastFingerprint) {
          lastFingerprint = fingerprint;
          options.onProgress?.(job);
        }
        if (job.terminal) return job;
        unknownStreak = job.state === "unknown" ? unknownStreak + 1 : 0;
        pause =
          retryAfterMs(response.headers.get("retry-after")) ??
          jittered(
            unknownStreak > 0
              ? Math.min(maxInterval, Math.max(options.intervalMs, UNKNOWN_STATUS_MIN_MS) * BACKOFF_GROWTH ** unknownStreak)
              : options.intervalMs,
            environment.random,
          );
      } catch (error) {
        if (deadline.signal.aborted && !options.signal?.aborted) throw timedOut();
        if (options.signal?.aborted || !isTransient(error)) throw error;
        lastError = error;
        failureStreak++;
        const advised = error instanceof VendorApiError ? retryAfterMs(error.headers["retry-after"] ?? null) : undefined;
        pause =
          advised ??
          jittered(
            Math.min(maxInterval, Math.max(options.intervalMs, FAILURE_BACKOFF_BASE_MS * BACKOFF_GROWTH ** (failureStreak - 1))),
            environment.random,
          );
      }
      const left = deadlineAt - Date.now();
      if (left <= 0) throw timedOut();
      await abortableSleep(Math.min(pause, left), signal);
    }
  } catch (error) {
    if (deadline.signal.aborted && !options.signal?.aborted && !(error instanceof JobTimeoutError)) throw timedOut();
    throw error;
  } finally {
    clearTimeout(timer);
    deadline.signal.removeEventListener("abort", onDeadline);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}
