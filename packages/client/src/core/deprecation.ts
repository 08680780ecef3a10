// Tells a consumer, once, that they call something the vendor is retiring: the API as a whole
// (`info.x-sunset`) or one operation (`deprecated`, `x-sunset`). The types say it at compile time;
// this says it at run time, where a service's logs are read. Once per process and subject by
// default, because a warning on every call would drown the logs it is meant to show up in.
import type { VendorDescriptor } from "./descriptor.js";
import type { Logger } from "./logger.js";

export interface DeprecationNotice {
  vendor: string;
  /** The operation called, when it is deprecated itself; absent for an API-wide sunset. */
  operationId?: string;
  /** The date after which the vendor may stop answering (YYYY-MM-DD), when known. */
  sunset?: string;
  message: string;
}

/** `false` silences; a function receives each notice once per client. Default: `logger.warn`, else console.warn, once per process. */
export type DeprecationOption = false | ((notice: DeprecationNotice) => void);

const warnedInProcess = new Set<string>();

/**
 * @returns a function to call before each request, by method and path template
 */
export function createDeprecationNotifier(
  descriptor: VendorDescriptor,
  option: DeprecationOption | undefined,
  logger: Logger | undefined,
): (method: string, path: string) => void {
  if (option === false) return () => {};
  const byRoute = new Map(
    Object.entries(descriptor.operations).map(([operationId, op]) => [`${op.method.toUpperCase()} ${op.path}`, { operationId, ...op }]),
  );
  const seen = option ? new Set<string>() : warnedInProcess;
  const report =
    option ??
    ((notice: DeprecationNotice) => (logger?.warn ? logger.warn(notice.message) : console.warn(`@vendorspec/client: ${notice.message}`)));
  const notify = (key: string, notice: DeprecationNotice) => {
    if (seen.has(key)) return;
    seen.add(key);
    report(notice);
  };
  return (method, path) => {
    const vendor = descriptor.vendor;
    const op = byRoute.get(`${method.toUpperCase()} ${path}`);
    if (op && (op.deprecated || op.sunset)) {
      const when = op.sunset ? `; the vendor retires it on ${op.sunset}` : "";
      notify(`${vendor} ${op.operationId}`, {
        vendor,
        operationId: op.operationId,
        ...(op.sunset ? { sunset: op.sunset } : {}),
        message: `${vendor}: ${op.operationId} (${method.toUpperCase()} ${path}) is deprecated${when}`,
      });
    }
    if (descriptor.sunset)
      notify(vendor, {
        vendor,
        sunset: descriptor.sunset,
        message: `${vendor}: the ${descriptor.title} is deprecated; the vendor retires it on ${descriptor.sunset}`,
      });
  };
}
