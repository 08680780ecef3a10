// One HTTP attempt: a fresh AbortController per attempt linked to the caller's signal, and a timeout
// that covers reading the body too, so a server that stalls after the headers cannot hang the client.
import { ConnectionError, RequestTimeoutError, type VendorName } from "./errors.js";

export type FetchFunction = (request: Request, init?: RequestInit) => Promise<Response>;

export interface AttemptOptions {
  vendor: VendorName;
  fetch: FetchFunction;
  timeoutMs: number;
}

/**
 * Sends `request` and reads its whole body within `timeoutMs`. Resolves with a Response whose body is
 * already in memory; rejects with RequestTimeoutError, ConnectionError, or the caller's abort reason.
 */
export async function attemptRequest(request: Request, options: AttemptOptions): Promise<Response> {
  const callerSignal = request.signal;
  if (callerSignal.aborted) throw callerSignal.reason;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing as well as aborting: a custom `fetch` that ignores the signal still cannot outlive the timeout.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new RequestTimeoutError(options.vendor, options.timeoutMs);
      controller.abort(error);
      reject(error);
    }, options.timeoutMs);
  });
  try {
    const response = await Promise.race([options.fetch(request, { signal: controller.signal }), deadline]);
    // Buffering keeps the timeout in force until the last byte; vendor status bodies are small.
    const body = await Promise.race([response.arrayBuffer(), deadline]);
    return new Response(nullBodyStatus(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (error instanceof RequestTimeoutError) throw error;
    if (controller.signal.reason instanceof RequestTimeoutError) throw controller.signal.reason;
    if (callerSignal.aborted) throw callerSignal.reason;
    throw new ConnectionError(options.vendor, { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onCallerAbort);
    // The deadline promise may reject after the race is over; nobody awaits it then.
    deadline.catch(() => undefined);
  }
}

const nullBodyStatus = (status: number) => status === 101 || status === 204 || status === 205 || status === 304;
