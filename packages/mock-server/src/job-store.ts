// Jobs of the simulated vendor: each one a script of vendor status words shown one per status poll
// (or one per `everyMs`), ending in an outcome word that stays.

export interface JobScript {
  /** Defaults to a fresh vendor-style id. */
  id?: string;
  /** Vendor status words shown before the outcome, one per poll. */
  steps?: string[];
  /** The final vendor status word. */
  outcome?: string;
  /** Failure reason (Docutray `error`, Apptus `reason`, LettrLabs `errors[]`). */
  message?: string;
  /** Result data (Docutray `data` on SUCCESS). */
  data?: Record<string, unknown>;
  /** Records in the import (LeadsyGroup counters). */
  total?: number;
  /** Vendor-specific details a start request supplied (file name, document type...). */
  meta?: Record<string, unknown>;
}

export interface MockJob {
  id: string;
  steps: string[];
  outcome: string;
  message?: string;
  data?: Record<string, unknown>;
  total: number;
  meta: Record<string, unknown>;
  /** Status polls answered so far. */
  polls: number;
  createdAt: number;
  /** Set by a vendor's delete operation. */
  deleted: boolean;
  /** When set, shown instead of the script (jobs.set). */
  forcedStatus?: string;
}

export type Advance = "poll" | { everyMs: number };

export class JobStore {
  readonly #jobs = new Map<string, MockJob>();
  #counter = 0;

  constructor(
    private readonly defaults: { steps: string[]; outcome: string; newId: (n: number) => string },
    private readonly advance: Advance,
  ) {}

  create(script: JobScript = {}): MockJob {
    const id = script.id ?? this.defaults.newId(++this.#counter);
    const job: MockJob = {
      id,
      steps: [...(script.steps ?? this.defaults.steps)],
      outcome: script.outcome ?? this.defaults.outcome,
      total: script.total ?? 100,
      meta: { ...script.meta },
      polls: 0,
      createdAt: Date.now(),
      deleted: false,
      ...(script.message !== undefined ? { message: script.message } : {}),
      ...(script.data !== undefined ? { data: script.data } : {}),
    };
    this.#jobs.set(id, job);
    return job;
  }

  get(id: string): MockJob | undefined {
    return this.#jobs.get(id);
  }

  set(id: string, patch: Partial<Omit<MockJob, "id">> & { status?: string }): MockJob {
    const job = this.#jobs.get(id);
    if (!job) throw new Error(`no mock job with id "${id}"`);
    const { status, ...rest } = patch;
    Object.assign(job, rest);
    if (status !== undefined) job.forcedStatus = status;
    return job;
  }

  delete(id: string): boolean {
    return this.#jobs.delete(id);
  }

  list(): MockJob[] {
    return [...this.#jobs.values()];
  }

  /** The step the job is at now (0-based; steps.length = the outcome). */
  stepIndex(job: MockJob): number {
    const reached = this.advance === "poll" ? job.polls : Math.floor((Date.now() - job.createdAt) / this.advance.everyMs);
    return Math.min(reached, job.steps.length);
  }

  /** The status word to show now; `poll` counts a status poll and advances the script. */
  currentStatus(job: MockJob, poll: boolean): { word: string; index: number } {
    const index = this.stepIndex(job);
    if (poll) job.polls++;
    const word = job.forcedStatus ?? job.steps[index] ?? job.outcome;
    return { word, index };
  }
}
