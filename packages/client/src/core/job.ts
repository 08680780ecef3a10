// The one job shape every vendor's status maps to, so an integration awaits any vendor the same way.

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "unknown";

export const TERMINAL_STATES: ReadonlySet<JobState> = new Set(["succeeded", "failed", "cancelled"]);

export interface JobProgress {
  processed: number;
  total: number;
  failed?: number;
}

export interface Job<Raw = unknown, Vendor extends string = string> {
  vendor: Vendor;
  /** Always a string: Apptus ids exceed 2^53, LettrLabs ids are integers on the wire. */
  id: string;
  state: JobState;
  /** The vendor's own status word, as sent. */
  vendorStatus: string;
  terminal: boolean;
  progress?: JobProgress;
  /** The vendor's failure reason, when it gives one (failed or cancelled jobs only). */
  message?: string;
  /** The job's result, where the spec declares one (`x-vendorspec-job.result`), once it succeeded. */
  result?: unknown;
  /** The vendor's status body, typed by its spec. */
  raw: Raw;
}

/** Overrides of the word → state mapping, keyed case-insensitively by the vendor's word. */
export type StatusMap = Record<string, JobState>;
