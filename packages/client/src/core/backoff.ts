// When to try again: exponential backoff with jitter, and the server's own `Retry-After`.

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 8_000;
export const RETRY_AFTER_CAP_MS = 60_000;

/**
 * Delay before retry number `attempt` (0 = first retry): 0.5 s x 2^attempt, capped at 8 s, with
 * "equal jitter" (half fixed, half random) so many clients do not retry in lockstep.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Parses `Retry-After` (delay-seconds or an HTTP date) into milliseconds, capped at 60 s.
 * Returns undefined when absent or unparsable, so the caller falls back to backoff.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(RETRY_AFTER_CAP_MS, Number(value) * 1000);
  // An HTTP date always spells its month ("Wed, 21 Oct 2015 07:28:00 GMT"); without that check
  // Date.parse would read "-5" as a year.
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, date - now));
}
