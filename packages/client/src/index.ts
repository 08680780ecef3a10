// @vendorspec/client: one typed client per vendor, the same errors and the same job API for all.
// Each vendor is also its own entry point (`@vendorspec/client/docutray`, ...) for tree-shaking; the
// vendor entry points are generated from the specs (src/vendors/, `pnpm generate`).
export type {
  BaseClientOptions,
  DeprecationNotice,
  DeprecationOption,
  JobsApi,
  StartInit,
  StartPath,
  VendorClient,
  VendorClientOptions,
} from "./core/create-vendor-client.js";
export type { JobDescriptor, StartDescriptor, VendorDescriptor } from "./core/descriptor.js";
export {
  AuthenticationError,
  ConnectionError,
  JobTimeoutError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  ResponseTooLargeError,
  ServerError,
  VendorApiError,
} from "./core/errors.js";
export type { Job, JobProgress, JobState, StatusMap } from "./core/job.js";
export type { WaitOptions } from "./core/job-poller.js";
export type { Logger } from "./core/logger.js";
export * from "./vendors/index.js";
