// Pure logic of when to retry: backoff growth, cap and jitter; Retry-After in both HTTP forms.
import { describe, expect, test } from "vitest";
import { BACKOFF_CAP_MS, backoffDelayMs, RETRY_AFTER_CAP_MS, retryAfterMs } from "../src/core/backoff.js";

describe("backoffDelayMs", () => {
  test.each([
    [0, 250, 500],
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [3, 2_000, 4_000],
    [4, 4_000, 8_000],
    [9, 4_000, 8_000],
  ])("retry %i waits between %i and %i ms", (attempt, min, max) => {
    expect(backoffDelayMs(attempt, () => 0)).toBe(min);
    expect(backoffDelayMs(attempt, () => 0.999999)).toBeCloseTo(max, -1);
    expect(backoffDelayMs(attempt, () => 0.5)).toBeGreaterThan(min);
  });

  test("never exceeds the cap", () => {
    for (let attempt = 0; attempt < 40; attempt++) expect(backoffDelayMs(attempt)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  test.each([
    ["seconds", "3", 3_000],
    ["zero", "0", 0],
    ["fractional seconds", "1.5", 1_500],
    ["an HTTP date", "Mon, 23 Nov 2026 10:00:07 GMT", 7_000],
    ["a date in the past", "Mon, 23 Nov 2026 09:00:00 GMT", 0],
    ["seconds over the cap", "3600", RETRY_AFTER_CAP_MS],
    ["a date over the cap", "Tue, 24 Nov 2026 10:00:00 GMT", RETRY_AFTER_CAP_MS],
  ])("reads %s", (_, header, want) => {
    expect(retryAfterMs(header, now)).toBe(want);
  });

  test.each([[null], ["soon"], ["-5"], [""]])("ignores %j", (header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });
});
