// One HTTP attempt: a fresh AbortController per attempt linked to the caller's signal, and a timeout
// that covers reading the body too, so a server that stalls after the headers cannot hang the client.
import { ConnectionError, RequestTimeoutError, type VendorName } from "./errors.js";

export interface AttemptOptions {
  vendor: VendorName;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
}

/**
 * Sends `request` and reads its whole body within `timeoutMs`. Resolves with a Response whose body is
 * already in memory; rejects with RequestTimeoutError, ConnectionError, or the caller's abort reason.
 */
export async function attemptRequest(request: Request, options: AttemptOptions): Promise<Response> {
  const controller = new AbortController();
  const callerSignal = request.signal;
  const timedOut = Symbol("timeout");
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  if (callerSignal.aborted) throw callerSignal.reason;
  callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(timedOut), options.timeoutMs);
  try {
    const response = await options.fetch(new Request(request, { signal: controller.signal }));
    // Buffering keeps the timeout in force until the last byte; vendor status bodies are small.
    const body = await response.arrayBuffer();
    return new Response(nullBodyStatus(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason === timedOut)
      throw new RequestTimeoutError(options.vendor, options.timeoutMs);
    if (callerSignal.aborted) throw callerSignal.reason;
    throw new ConnectionError(options.vendor, { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onCallerAbort);
  }
}

const nullBodyStatus = (status: number) => status === 101 || status === 204 || status === 205 || status === 304;
