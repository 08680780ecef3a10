// What each simulated vendor provides to the server: how it authenticates, how it rejects invalid
// requests, its job lifecycle, and handlers for the operations that touch jobs. Operations without a
// handler answer their documented success example.
import type { IncomingHttpHeaders } from "node:http";
import type { JobStore, MockJob } from "../job-store.js";
import type { OpenApiDocument, OperationInfo } from "../spec-document.js";

export type VendorName = "docutray" | "apptus-esales" | "leadsygroup" | "lettrlabs";

export interface MockRequest {
  info: OperationInfo;
  params: Record<string, unknown>;
  json?: unknown;
}

/** A reply; `body: undefined` means "the documented body for this status". */
export interface MockReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface VendorMock {
  name: VendorName;
  document: OpenApiDocument;
  /** The credential the request carries, or undefined. */
  readCredential(headers: IncomingHttpHeaders): string | undefined;
  /** Status of the vendor's documented answer to a missing or wrong key. */
  authFailureStatus: number;
  /** The vendor's answer to a request that breaks the spec, or undefined when it documents none. */
  validationFailure(info: OperationInfo, problems: string[]): MockReply | undefined;
  lifecycle: { steps: string[]; outcome: string };
  newJobId(counter: number): string;
  /** The operation that reports a job's status (polls are counted on it). */
  statusOperationId: string;
  /** The status field's path in a status body, for the unknown-status fault. */
  replaceStatusWord(body: unknown, word: string): unknown;
  handlers: Record<string, (request: MockRequest, jobs: JobStore) => MockReply>;
}

export const isoTime = (ms: number) => new Date(ms).toISOString();

/** Jobs a vendor handler reads: the job and the word it shows now (counting the poll). */
export function pollJob(jobs: JobStore, job: MockJob) {
  const { word, index } = jobs.currentStatus(job, true);
  return { word, index, terminal: !job.forcedStatus && index >= job.steps.length };
}
