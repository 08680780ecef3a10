// @vendorspec/client: one typed client per vendor, the same errors and the same job API for all.
// Each vendor is also its own entry point (`@vendorspec/client/docutray`, ...) for tree-shaking.
export type { JobsApi, VendorClient, VendorClientOptions, VendorDefinition } from "./core/create-vendor-client.js";
export {
  AuthenticationError,
  ConnectionError,
  JobTimeoutError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  VendorApiError,
  type VendorName,
} from "./core/errors.js";
export type { Job, JobProgress, JobState, StatusMap } from "./core/job.js";
export type { WaitOptions } from "./core/job-poller.js";
export type { Logger } from "./core/logger.js";
export {
  type ApptusEsalesClient,
  type ApptusEsalesClientOptions,
  apptusEsales,
  createApptusEsalesClient,
} from "./vendors/apptus-esales.js";
export { createDocutrayClient, type DocutrayClient, docutray } from "./vendors/docutray.js";
export { createLeadsyGroupClient, type LeadsyGroupClient, leadsygroup } from "./vendors/leadsygroup.js";
export { createLettrLabsClient, type LettrLabsClient, lettrlabs } from "./vendors/lettrlabs.js";
