// Faults a test injects per route: the next N requests (or all) to an operation misbehave the way
// real vendors and their proxies do. A fault is checked against the vendor's spec when it is
// injected, so a misspelled operationId or an undocumented status fails the test at that line.

export type Fault =
  /**
   * The vendor's documented response for this status (its example or a schema-built body). A status
   * the operation does not document is refused unless `undocumented: true`; it is then answered
   * with the status's reason phrase as plain text, since the spec gives it no body.
   */
  | { type: "status"; status: number; undocumented?: boolean }
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

/** What injected faults are checked against: the vendor's operations and the statuses each documents. */
export interface FaultTargets {
  vendor: string;
  /** Documented response statuses by operationId. */
  statuses: ReadonlyMap<string, readonly number[]>;
}

interface QueuedFault {
  route: string;
  fault: Fault;
  remaining: number;
}

/** `Route` is the vendor's operationId union, so an operation the vendor lacks does not compile. */
export class FaultQueue<Route extends string = string> {
  readonly #queue: QueuedFault[] = [];
  readonly #targets: FaultTargets;

  constructor(targets: FaultTargets) {
    this.#targets = targets;
  }

  /**
   * `route` is an operationId, or "*" for every route. `times` defaults to 1; Infinity = always.
   * Throws if the vendor has no such operation, or if a `status` fault's status is not documented
   * by the operation (by every operation, for "*") and the fault does not say `undocumented: true`.
   */
  inject(route: Route | "*", fault: Fault, options: { times?: number } = {}): void {
    const times = options.times ?? 1;
    if (times !== Number.POSITIVE_INFINITY && !(Number.isInteger(times) && times > 0)) {
      throw new Error(`faults.inject: times must be a positive integer or Infinity, got ${times}`);
    }
    const { vendor, statuses } = this.#targets;
    if (route !== "*" && !statuses.has(route)) {
      throw new Error(`faults.inject: ${vendor} has no operation "${route}"; its operationIds: ${[...statuses.keys()].join(", ")}`);
    }
    if (fault.type === "status") this.#checkStatus(route, fault.status, fault.undocumented === true);
    this.#queue.push({ route, fault, remaining: times });
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

  #checkStatus(route: string, status: number, undocumented: boolean): void {
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new Error(`faults.inject: a status fault needs a final HTTP status (200-599), got ${status}`);
    }
    if (undocumented) return;
    const { statuses } = this.#targets;
    const routes = route === "*" ? [...statuses.keys()] : [route];
    const lacking = routes.filter((r) => !statuses.get(r)?.includes(status));
    if (lacking.length === 0) return;
    const optIn = `{ type: "status", status: ${status}, undocumented: true }`;
    if (route === "*") {
      throw new Error(
        `faults.inject: "*" would send ${status} from operations that do not document it (${lacking.join(", ")}); ` +
          `inject it per operation, or pass ${optIn} to send it anyway`,
      );
    }
    throw new Error(
      `faults.inject: ${route} documents no ${status} response (it documents ${statuses.get(route)?.join(", ") || "none"}); ` +
        `pass ${optIn} to send it anyway, or use an html-error fault for a gateway's page`,
    );
  }
}
