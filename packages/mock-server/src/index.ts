// @vendorspec/mock-server: stateful fake vendors generated from the vendorspec contracts.
export type { Fault, FaultTargets } from "./fault-queue.js";
export { FaultQueue } from "./fault-queue.js";
export type { Advance, JobScript, MockJob } from "./job-store.js";
export { JobStore } from "./job-store.js";
export type { LoggedRequest } from "./request-log.js";
export { RequestLog } from "./request-log.js";
export { createSpecValidator, describeErrors, type SpecValidator } from "./spec-validator.js";
export { type MockDefinition, type MockServer, type MockServerOptions, startMockServer } from "./start-mock-server.js";
export { VENDOR_DESCRIPTORS, type VendorName } from "./vendor-list.js";
export { loadVendorMock, type OperationId, type VendorMock, type VendorOverride } from "./vendor-mock.js";
