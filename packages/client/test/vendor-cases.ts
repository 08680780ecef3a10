// The four vendors as test cases: how to build each client against a mock server, its auth header,
// its auth-failure error, a valid job id, and its status words.
import { type MockServer, type OperationId, startMockServer } from "@vendorspec/mock-server";
import { afterEach } from "vitest";
import {
  AuthenticationError,
  createApptusEsalesClient,
  createDocutrayClient,
  createLeadsyGroupClient,
  createLettrLabsClient,
  type Job,
  type JobState,
  PermissionDeniedError,
  type VendorClientOptions,
  type VendorName,
} from "../src/index.js";

export const API_KEY = "vs_test_SECRET_KEY_0123456789";

export interface AnyJobsClient {
  jobs: {
    get(id: string | number, options?: { signal?: AbortSignal }): Promise<Job>;
    wait(
      id: string,
      options?: { intervalMs?: number; timeoutMs?: number; maxIntervalMs?: number; signal?: AbortSignal; onProgress?: (job: Job) => void },
    ): Promise<Job>;
  };
}

export interface VendorCase {
  vendor: VendorName;
  create(options: VendorClientOptions): AnyJobsClient;
  authHeader: string;
  authError: typeof AuthenticationError | typeof PermissionDeniedError;
  statusOperation: OperationId<VendorName>;
  jobId: string;
  /** Vendor word → state, covering every word the client maps. */
  words: Array<[string, JobState]>;
  /** Terminal vendor words and the state each ends in. */
  terminals: Array<[string, JobState]>;
  running: string;
}

const COMMON_WORDS: Array<[string, JobState]> = [
  ["pending", "queued"],
  ["queued", "queued"],
  ["waiting", "queued"],
  ["processing", "running"],
  ["in progress", "running"],
  ["running", "running"],
  ["completed", "succeeded"],
  ["done", "succeeded"],
  ["finished", "succeeded"],
  ["success", "succeeded"],
  ["failed", "failed"],
  ["error", "failed"],
  ["cancelled", "cancelled"],
  ["canceled", "cancelled"],
  ["aborted", "cancelled"],
  ["Validating", "unknown"],
];

export const VENDOR_CASES: VendorCase[] = [
  {
    vendor: "docutray",
    create: (o) => createDocutrayClient(o),
    authHeader: "authorization",
    authError: AuthenticationError,
    statusOperation: "getConversionStatus",
    jobId: "cm5vm9hx30001m5cgh0p9v8qa",
    words: [
      ["ENQUEUED", "queued"],
      ["PROCESSING", "running"],
      ["SUCCESS", "succeeded"],
      ["ERROR", "failed"],
    ],
    terminals: [
      ["SUCCESS", "succeeded"],
      ["ERROR", "failed"],
    ],
    running: "PROCESSING",
  },
  {
    vendor: "apptus-esales",
    create: (o) => createApptusEsalesClient({ ...o, baseUrl: o.baseUrl ?? "http://unused.test" }),
    authHeader: "api-key",
    authError: PermissionDeniedError,
    statusOperation: "getImportStatus",
    jobId: "5537431447739019570",
    words: [
      ["WAITING", "queued"],
      ["BLOCKED", "queued"],
      ["IN_PROGRESS", "running"],
      ["SUCCESS", "succeeded"],
      ["FAILURE", "failed"],
      ["ABORTED", "cancelled"],
    ],
    terminals: [
      ["SUCCESS", "succeeded"],
      ["FAILURE", "failed"],
      ["ABORTED", "cancelled"],
    ],
    running: "IN_PROGRESS",
  },
  {
    vendor: "leadsygroup",
    create: (o) => createLeadsyGroupClient(o),
    authHeader: "authorization",
    authError: AuthenticationError,
    statusOperation: "getImportStatus",
    jobId: "imp_7f3a9c",
    words: COMMON_WORDS,
    terminals: [
      ["completed", "succeeded"],
      ["failed", "failed"],
      ["cancelled", "cancelled"],
    ],
    running: "processing",
  },
  {
    vendor: "lettrlabs",
    create: (o) => createLettrLabsClient(o),
    authHeader: "x-api-key",
    authError: AuthenticationError,
    statusOperation: "getConversionStatus",
    jobId: "4242",
    words: COMMON_WORDS,
    terminals: [
      ["completed", "succeeded"],
      ["failed", "failed"],
      ["cancelled", "cancelled"],
    ],
    running: "processing",
  },
];

export const caseFor = (vendor: VendorName) => VENDOR_CASES.find((c) => c.vendor === vendor) as VendorCase;

const openMocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(openMocks.splice(0).map((mock) => mock.close()));
});

/** Starts a mock for `vendor` (closed after the test) and a client pointed at it. */
export async function startVendor(vendor: VendorName, options: Partial<VendorClientOptions> = {}) {
  const mock: MockServer = await startMockServer({ vendor, apiKey: API_KEY });
  openMocks.push(mock);
  const client = caseFor(vendor).create({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0, ...options });
  return { mock, client, close: () => mock.close() };
}
