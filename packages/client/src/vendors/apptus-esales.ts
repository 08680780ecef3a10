// Apptus eSales / Voyado Elevate Admin API v3: `Api-Key` auth, a cluster-specific host, the published
// status set, and import ids that exceed 2^53 (kept as strings even when a server sends a number).
import type { paths, StatusResponse } from "@vendorspec/apptus-esales";
import {
  createVendorClient,
  requireOption,
  type VendorClient,
  type VendorClientOptions,
  type VendorDefinition,
} from "../core/create-vendor-client.js";
import { NotFoundError } from "../core/errors.js";
import type { JobState } from "../core/job.js";
import { mapPublishedStatusWord } from "../core/status-words.js";

const APPTUS_STATES: Record<string, JobState> = {
  WAITING: "queued",
  BLOCKED: "queued",
  IN_PROGRESS: "running",
  SUCCESS: "succeeded",
  FAILURE: "failed",
  ABORTED: "cancelled",
};

/**
 * Quotes every bare-number `"id"` in a JSON text before it is parsed, so
 * `{"id": 5537431447739019570}` keeps all its digits. JSON.parse would round it to a double.
 */
export const quoteNumericIds = (text: string) => text.replace(/("id"\s*:\s*)(-?\d+)(?=\s*[,}\]])/g, '$1"$2"');

export const apptusEsales: VendorDefinition<paths, StatusResponse, "apptus-esales"> = {
  name: "apptus-esales",
  // NOT_FOUND is not a state: it rejects with NotFoundError.
  statusVocabulary: { field: "status", words: APPTUS_STATES, published: true },
  authHeaders: (apiKey) => ({ "Api-Key": apiKey }),
  poll: { intervalMs: 5_000, timeoutMs: 30 * 60_000 },
  requestStatus: (client, id, signal) => client.GET("/api/admin/v3/import/status", { params: { query: { id } }, parseAs: "text", signal }),
  reviveJsonText: quoteNumericIds,
  mapStatus: (raw, { id, statusMap, response }) => {
    if (raw.status === "NOT_FOUND") {
      throw new NotFoundError({
        status: response.status,
        vendor: "apptus-esales",
        body: raw,
        headers: response.headers,
        message: `apptus-esales: import ${id} not found (status NOT_FOUND)`,
      });
    }
    return {
      id: String(raw.id ?? id),
      state: mapPublishedStatusWord(APPTUS_STATES, String(raw.status), statusMap),
      vendorStatus: String(raw.status),
      ...(raw.reason && raw.status === "FAILURE" ? { message: raw.reason } : {}),
      raw,
    };
  },
};

export type ApptusEsalesClientOptions = VendorClientOptions &
  ({ clusterId: string; baseUrl?: string } | { baseUrl: string; clusterId?: string });

export type ApptusEsalesClient = VendorClient<paths, StatusResponse, "apptus-esales">;

export function createApptusEsalesClient(options: ApptusEsalesClientOptions): ApptusEsalesClient {
  requireOption("apptus-esales", "apiKey", options?.apiKey);
  if (!options.baseUrl && !options.clusterId) {
    throw new TypeError(
      "apptus-esales: the `clusterId` option (or `baseUrl`) is required: the API is served per cluster at https://{cluster-id}.elevate-api.cloud",
    );
  }
  const baseUrl = options.baseUrl ?? `https://${encodeURIComponent(options.clusterId ?? "")}.elevate-api.cloud`;
  return createVendorClient(apptusEsales, options, baseUrl);
}
