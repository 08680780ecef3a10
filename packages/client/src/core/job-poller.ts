// `jobs.wait()`: polls a job until it reaches a terminal state, as a small state machine with one
// deadline, an abortable sleep, the server's Retry-After honoured, and growing intervals while the
// vendor reports a status word nobody knows (never a hot loop).

import type { VendorName } from "../vendors/index.js";
import { abortableSleep } from "./abortable-sleep.js";
import { retryAfterMs } from "./backoff.js";
import { JobTimeoutError } from "./errors.js";
import type { Job } from "./job.js";

export interface WaitOptions<J extends Job = Job> {
  /** Time between polls; defaults to the spec's `x-vendorspec-job.poll` advice, else 5000 ms. */
  intervalMs?: number;
  /** Overall deadline; defaults to the spec's `x-vendorspec-job.poll` advice, else 30 min. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called once per change of state, vendor status or progress, including the first poll. */
  onProgress?: (job: J) => void;
}

/** Unknown statuses back off from the interval by this factor per poll, up to the cap. */
export const UNKNOWN_STATUS_GROWTH = 2;
export const UNKNOWN_STATUS_MIN_MS = 100;
export const UNKNOWN_STATUS_CAP_MS = 60_000;

export interface PollTarget<J extends Job> {
  vendor: VendorName;
  id: string;
  fetchJob(signal: AbortSignal): Promise<{ job: J; response: Response }>;
}

export async function waitForJob<J extends Job>(
  target: PollTarget<J>,
  options: Required<Pick<WaitOptions, "intervalMs" | "timeoutMs">> & WaitOptions<J>,
): Promise<J> {
  const deadline = new AbortController();
  const deadlineReason = new JobTimeoutError(target.vendor, target.id, options.timeoutMs, undefined);
  const timer = setTimeout(() => deadline.abort(deadlineReason), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let lastJob: J | undefined;
  let lastFingerprint = "";
  let unknownStreak = 0;
  try {
    for (;;) {
      const { job, response } = await target.fetchJob(signal);
      lastJob = job;
      const fingerprint = JSON.stringify([job.state, job.vendorStatus, job.progress ?? null]);
      if (fingerprint !== lastFingerprint) {
        lastFingerprint = fingerprint;
        options.onProgress?.(job);
      }
      if (job.terminal) return job;
      unknownStreak = job.state === "unknown" ? unknownStreak + 1 : 0;
      const pause =
        retryAfterMs(response.headers.get("retry-after")) ??
        (unknownStreak > 0
          ? Math.min(
              Math.max(UNKNOWN_STATUS_CAP_MS, options.intervalMs),
              Math.max(options.intervalMs, UNKNOWN_STATUS_MIN_MS) * UNKNOWN_STATUS_GROWTH ** unknownStreak,
            )
          : options.intervalMs);
      await abortableSleep(pause, signal);
    }
  } catch (error) {
    if (deadline.signal.aborted && !options.signal?.aborted) {
      throw new JobTimeoutError(target.vendor, target.id, options.timeoutMs, lastJob);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
