// Maps a vendor's status word to a job state by its declared `states`: exactly as published, or
// case-insensitively for vendors that publish no vocabulary. A word nobody declared maps to
// "unknown": the poller keeps polling, slower, rather than guessing an end.
import type { JobState, StatusMap } from "./job.js";

/** "In_Progress", "in-progress" and " IN PROGRESS " are all "in progress". */
export const normalizeWord = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

export interface StatusVocabulary {
  readonly match: string;
  readonly states: Readonly<Record<string, JobState>>;
}

/** The caller's `statusMap` (always case-insensitive) wins over the declared words. */
export function mapStatusWord(vocabulary: StatusVocabulary, word: string, overrides?: StatusMap): JobState {
  const key = normalizeWord(word);
  if (overrides) {
    for (const [custom, state] of Object.entries(overrides)) if (normalizeWord(custom) === key) return state;
  }
  if (vocabulary.match !== "case-insensitive")
    return Object.hasOwn(vocabulary.states, word) ? (vocabulary.states[word] as JobState) : "unknown";
  for (const [declared, state] of Object.entries(vocabulary.states)) if (normalizeWord(declared) === key) return state;
  return "unknown";
}

/** Whether `word` is one of the declared "no such job" words, matched the way `states` are. */
export function isNotFoundWord(vocabulary: { readonly match: string; readonly notFound: readonly string[] }, word: string): boolean {
  return vocabulary.match === "case-insensitive"
    ? vocabulary.notFound.some((w) => normalizeWord(w) === normalizeWord(word))
    : vocabulary.notFound.includes(word);
}

/**
 * Quotes every bare-number value of `key` in a JSON text before it is parsed, so
 * `{"id": 5537431447739019570}` keeps all its digits; JSON.parse would round it to a double.
 */
export function quoteNumericKey(text: string, key: string): string {
  const escaped = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(${escaped}\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, "g"), '$1"$2"');
}
