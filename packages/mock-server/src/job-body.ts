// Writes a mock job into a vendor body at the places its job declaration names (id, status word,
// failure message, progress, result, timestamps), shaped by the schema at each place: an id the
// schema types as an integer is sent as a number, a field with nothing to say yet is null where the
// schema allows null, an empty list where it is a list, and absent otherwise.
import type { JobDescriptor } from "./descriptor.js";
import { deref, type OpenApiDocument, type SchemaObject } from "./spec-document.js";

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** What a body says about a job at one moment. */
export interface JobView {
  id: string;
  word: string;
  state: JobState | undefined;
  terminal: boolean;
  /** The step the job is at (0-based; steps.length = the outcome). */
  index: number;
  steps: number;
  message?: string;
  data?: Record<string, unknown>;
  total: number;
  createdAt: number;
}

const segmentsOf = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));

/** The schema of the value at `pointer` in a value of `schema` (properties, items, compositions). */
export function schemaAt(document: OpenApiDocument, schema: SchemaObject | undefined, pointer: string): SchemaObject | undefined {
  const walk = (node: SchemaObject | undefined, segments: string[], depth: number): SchemaObject | undefined => {
    const current = deref(document, node);
    if (!current || depth > 64) return undefined;
    if (segments.length === 0) return current;
    const [head, ...rest] = segments as [string, ...string[]];
    if (current.properties?.[head]) return walk(current.properties[head], rest, depth + 1);
    if (/^\d+$/.test(head) && current.items) return walk(current.items, rest, depth + 1);
    for (const branch of [...(current.allOf ?? []), ...(current.oneOf ?? []), ...(current.anyOf ?? [])]) {
      const found = walk(branch, segments, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(schema, segmentsOf(pointer), 0);
}

const typesOf = (schema: SchemaObject | undefined): string[] =>
  Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : [];

function write(body: unknown, pointer: string, value: unknown): void {
  const segments = segmentsOf(pointer);
  let node = body as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) {
    if (!node[segment] || typeof node[segment] !== "object") node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  const last = segments.at(-1);
  if (last === undefined) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** What a field says when there is nothing to say yet, by its schema. */
function nothing(schema: SchemaObject | undefined): unknown {
  const types = typesOf(schema);
  if (types.includes("null")) return null;
  if (types.includes("array")) return [];
  return undefined;
}

const isoTime = (ms: number) => new Date(ms).toISOString();

/**
 * Writes `view` into `body` at every pointer of the declaration that exists in `schema` (a start
 * response may have only some of them). Returns the body.
 */
export function writeJob(
  document: OpenApiDocument,
  schema: SchemaObject | undefined,
  job: JobDescriptor,
  body: unknown,
  view: JobView,
): unknown {
  const at = (pointer: string | undefined) => (pointer ? schemaAt(document, schema, pointer) : undefined);
  const put = (pointer: string | undefined, value: unknown) => {
    const target = at(pointer);
    if (!pointer || !target) return;
    write(body, pointer, value === undefined ? nothing(target) : value);
  };
  const idSchema = at(job.id);
  put(job.id, typesOf(idSchema).some((t) => t === "integer" || t === "number") ? Number(view.id) : view.id);
  put(job.status, view.word);
  const messageSchema = at(job.message);
  const failed = view.state === "failed";
  const message = view.message ?? "Job failed";
  put(job.message, failed ? (typesOf(messageSchema).includes("array") ? [message] : message) : undefined);
  put(job.result, view.state === "succeeded" ? (view.data ?? {}) : undefined);
  if (job.progress) {
    const fraction = view.state === "succeeded" ? 1 : Math.min(1, view.index / (view.steps + 1));
    const processed = Math.round(view.total * fraction);
    put(job.progress.total, view.total);
    put(job.progress.processed, processed);
    put(job.progress.failed, Math.floor(processed / 20));
  }
  if (job.timestamps) {
    put(job.timestamps.created, isoTime(view.createdAt));
    put(job.timestamps.started, view.index > 0 || view.terminal ? isoTime(view.createdAt) : undefined);
    put(job.timestamps.finished, view.terminal ? isoTime(Date.now()) : undefined);
  }
  return body;
}

/** Replaces the status word in a body (the unknown-status fault). */
export const replaceWord = (job: JobDescriptor, body: unknown, word: string) => {
  const copy = structuredClone(body);
  write(copy, job.status, word);
  return copy;
};
