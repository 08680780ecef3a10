// Faults a test injects per route: the next N requests (or all) to an operation misbehave the way
// real vendors and their proxies do.

export type Fault =
  /** The vendor's documented response for this status (its example or a schema-built body). */
  | { type: "status"; status: number }
  /** 429 or 503 with `Retry-After` (seconds or an HTTP date). */
  | { type: "rate-limit"; status: 429 | 503; retryAfter: number | string }
  /** Answers normally after a delay. */
  | { type: "latency"; ms: number }
  /** Sends the status line and headers, then never the body. */
  | { type: "stall-after-headers" }
  /** Sends part of the body, then resets the connection. */
  | { type: "reset-mid-body" }
  /** A 200 whose JSON is cut off. */
  | { type: "malformed-json" }
  /** An HTML error page, as gateways send. */
  | { type: "html-error"; status?: number }
  /** A valid status body except for the status word. */
  | { type: "unknown-status"; word?: string }
  /** The status body's `id` as a bare JSON number (digits exact), as one Apptus doc example prints it. */
  | { type: "numeric-id" };

interface QueuedFault {
  route: string;
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  readonly #queue: QueuedFault[] = [];

  /** `route` is an operationId, or "*" for every route. `times` defaults to 1; Infinity = always. */
  inject(route: string, fault: Fault, options: { times?: number } = {}): void {
    this.#queue.push({ route, fault, remaining: options.times ?? 1 });
  }

  clear(): void {
    this.#queue.length = 0;
  }

  /** Takes the fault that applies to this request, if any (first injected, first served). */
  take(operationId: string): Fault | undefined {
    const index = this.#queue.findIndex((q) => (q.route === operationId || q.route === "*") && q.remaining > 0);
    if (index < 0) return undefined;
    const queued = this.#queue[index] as QueuedFault;
    queued.remaining--;
    if (queued.remaining <= 0) this.#queue.splice(index, 1);
    return queued.fault;
  }
}
