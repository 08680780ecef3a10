// The fetch openapi-fetch calls: sends the request it built with the attempt's signal (carried as a
// plain property, so that the Request is not built twice with a signal: each costs ~12 µs of signal
// linking in Node 20), follows redirects itself so that no credential of the vendor's security scheme
// crosses to another origin, and refuses a body larger than the cap, before the first byte when the
// server declares its length, else while the body streams.
import { ResponseTooLargeError, VendorApiError, type VendorName } from "./errors.js";

export type FetchFunction = (request: Request) => Promise<Response>;
/** Sends a request under the attempt's signal. */
export type SendFunction = (request: Request, signal: AbortSignal | undefined) => Promise<Response>;

/** The init key (and so the Request property, as openapi-fetch copies unknown keys) for the attempt's signal. */
export const ATTEMPT_SIGNAL = "vendorspecAttemptSignal";

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface GuardOptions {
  vendor: VendorName;
  send: SendFunction;
  maxBodyBytes: number;
  /** Header names (any case) that carry credentials: the scheme's own and the usual ones. */
  credentialHeaders: readonly string[];
  /** An API key sent as a query parameter: [name, value]. */
  authQuery?: [string, string];
  /** Rewrites a JSON text before anyone parses it (ids that must keep their digits). */
  reviveJsonText?: (text: string) => string;
}

export function createGuardedFetch(options: GuardOptions): FetchFunction {
  return async (request) => {
    const signal = (request as unknown as Record<string, AbortSignal | undefined>)[ATTEMPT_SIGNAL];
    let current = options.authQuery ? withQuery(request, options.authQuery) : request;
    for (let hops = 0; ; hops++) {
      const response = await options.send(current, signal);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null || current.redirect !== "manual") {
        return limitBody(response, options);
      }
      await response.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) {
        throw new VendorApiError({
          status: response.status,
          vendor: options.vendor,
          body: "",
          headers: response.headers,
          message: `${options.vendor}: more than ${MAX_REDIRECTS} redirects`,
        });
      }
      current = redirected(current, response.status, new URL(location, current.url), options);
    }
  };
}

/** The next request of a redirect: credentials dropped on a change of origin, as fetch does for Authorization only. */
function redirected(request: Request, status: number, target: URL, options: GuardOptions): Request {
  const sameOrigin = target.origin === new URL(request.url).origin;
  const headers = new Headers(request.headers);
  if (!sameOrigin) for (const name of options.credentialHeaders) headers.delete(name);
  if (!sameOrigin && options.authQuery) target.searchParams.delete(options.authQuery[0]);
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === "POST");
  if (!toGet && request.body !== null) {
    // The body was sent with the first request and cannot be sent again.
    throw new VendorApiError({
      status,
      vendor: options.vendor,
      body: "",
      headers: new Headers({ location: target.href }),
      message: `${options.vendor}: a ${status} redirect of ${request.method} would resend its body; not followed`,
    });
  }
  if (toGet) {
    headers.delete("content-type");
    headers.delete("content-length");
  }
  return new Request(target, { method: toGet ? "GET" : request.method, headers, signal: request.signal, redirect: "manual" });
}

function limitBody(response: Response, options: GuardOptions): Response | Promise<Response> {
  const { maxBodyBytes: max, vendor } = options;
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > max) {
    void response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(vendor, max, Number(declared));
  }
  const revive =
    options.reviveJsonText && /\bjson\b/i.test(response.headers.get("content-type") ?? "") ? options.reviveJsonText : undefined;
  // A declared, acceptable length needs no watching (the common case costs nothing); an undeclared
  // one is counted as it streams.
  if (response.body === null || (declared !== null && !revive)) return response;
  let seen = 0;
  const counted =
    declared !== null
      ? response.body
      : response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              seen += chunk.byteLength;
              if (seen > max) controller.error(new ResponseTooLargeError(vendor, max));
              else controller.enqueue(chunk);
            },
          }),
        );
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (!revive) return new Response(counted, init);
  return new Response(counted, init).text().then((text) => new Response(revive(text), init));
}

function withQuery(request: Request, [name, value]: [string, string]): Request {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  return new Request(url, request);
}
