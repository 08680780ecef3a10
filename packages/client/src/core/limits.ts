// Per-client politeness: a cap on concurrent requests (so 10,000 waits share a few dozen sockets,
// as the AWS SDK's default of 50 does) and one rate-limit gate (a 429 seen by any request pauses
// every request of the client to that vendor until its Retry-After).
import { abortableSleep } from "./abortable-sleep.js";

export const DEFAULT_MAX_CONCURRENCY = 50;

export class ConcurrencyLimiter {
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new TypeError(`maxConcurrency must be a positive integer, got ${max}`);
  }

  /** Takes a slot if one is free, without waiting. */
  tryAcquire(): boolean {
    if (this.#active >= this.max || this.#waiting.length > 0) return false;
    this.#active++;
    return true;
  }

  /** Resolves when a slot is free; rejects with the abort reason if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.max) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        this.#active++;
        resolve();
      };
      const onAbort = () => {
        const at = this.#waiting.indexOf(grant);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(signal?.reason);
      };
      this.#waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  release(): void {
    this.#active--;
    this.#waiting.shift()?.();
  }

  get active(): number {
    return this.#active;
  }
}

export class RateGate {
  #openAt = 0;
  constructor(private readonly now: () => number = Date.now) {}

  /** Nobody sends before `ms` from now (the longest pause wins). */
  pause(ms: number): void {
    this.#openAt = Math.max(this.#openAt, this.now() + ms);
  }

  /** Waits until the gate is open. */
  async pass(signal?: AbortSignal): Promise<void> {
    for (let wait = this.#openAt - this.now(); wait > 0; wait = this.#openAt - this.now()) await abortableSleep(wait, signal);
  }

  /** Milliseconds until the gate opens (0 when open). */
  get closedFor(): number {
    return Math.max(0, this.#openAt - this.now());
  }
}
