// Reads a normalized Job out of a vendor's status body, by the pointers of its job declaration.
import type { JobDescriptor } from "./descriptor.js";
import type { Job, JobProgress, StatusMap } from "./job.js";
import { TERMINAL_STATES } from "./job.js";
import { readPointer } from "./json-pointer.js";
import { mapStatusWord } from "./status-words.js";

const asText = (value: unknown): string | undefined => {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) {
    const parts = value.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).filter((item) => item.trim() !== "");
    return parts.length > 0 ? parts.join("; ") : undefined;
  }
  return undefined;
};

function readProgress(job: JobDescriptor, raw: unknown): JobProgress | undefined {
  if (!job.progress) return undefined;
  const total = readPointer(raw, job.progress.total);
  if (typeof total !== "number") return undefined;
  const processed = readPointer(raw, job.progress.processed);
  const failed = job.progress.failed ? readPointer(raw, job.progress.failed) : undefined;
  return { processed: typeof processed === "number" ? processed : 0, total, ...(typeof failed === "number" ? { failed } : {}) };
}

/** The status word at the declared pointer ("" when absent, which maps to `unknown`). */
export const readStatusWord = (job: JobDescriptor, raw: unknown): string => {
  const word = readPointer(raw, job.status);
  return word === undefined || word === null ? "" : String(word);
};

export function readJob<Raw, V extends string>(
  vendor: V,
  job: JobDescriptor,
  raw: Raw,
  context: { id: string; statusMap: StatusMap | undefined },
): Job<Raw, V> {
  const vendorStatus = readStatusWord(job, raw);
  const state = mapStatusWord(job, vendorStatus, context.statusMap);
  const id = job.id ? readPointer(raw, job.id) : undefined;
  const progress = readProgress(job, raw);
  // A vendor may send a message field on every poll (Apptus' doc example does); it is the reason
  // only when the job failed or was cancelled.
  const message = job.message && (state === "failed" || state === "cancelled") ? asText(readPointer(raw, job.message)) : undefined;
  const result = job.result && state === "succeeded" ? readPointer(raw, job.result) : undefined;
  return {
    vendor,
    id: typeof id === "string" || typeof id === "number" ? String(id) : context.id,
    state,
    vendorStatus,
    terminal: TERMINAL_STATES.has(state),
    ...(progress ? { progress } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(result !== undefined && result !== null ? { result } : {}),
    raw,
  };
}
