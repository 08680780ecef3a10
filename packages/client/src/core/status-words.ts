// Maps status words of vendors that publish no vocabulary (LeadsyGroup, LettrLabs) by common words.
// Unknown words map to "unknown": the poller keeps polling, slower, rather than guessing an end.
import type { JobState, StatusMap } from "./job.js";

export const COMMON_WORDS: Readonly<Record<string, JobState>> = {
  pending: "queued",
  queued: "queued",
  waiting: "queued",
  processing: "running",
  "in progress": "running",
  running: "running",
  completed: "succeeded",
  done: "succeeded",
  finished: "succeeded",
  success: "succeeded",
  failed: "failed",
  error: "failed",
  cancelled: "cancelled",
  canceled: "cancelled",
  aborted: "cancelled",
};

/** "In_Progress", "in-progress" and " IN PROGRESS " are all "in progress". */
export const normalizeWord = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

export function mapCommonStatusWord(word: string, overrides?: StatusMap): JobState {
  const key = normalizeWord(word);
  if (overrides) {
    for (const [custom, state] of Object.entries(overrides)) if (normalizeWord(custom) === key) return state;
  }
  return COMMON_WORDS[key] ?? "unknown";
}

/** Builds a mapper for a vendor that publishes its whole vocabulary (exact, case-sensitive words). */
export function mapPublishedStatusWord(table: Record<string, JobState>, word: string, overrides?: StatusMap): JobState {
  if (overrides) {
    for (const [custom, state] of Object.entries(overrides)) if (normalizeWord(custom) === normalizeWord(word)) return state;
  }
  return table[word] ?? "unknown";
}
