// Docutray (document OCR): bearer auth, the published status set ENQUEUED → PROCESSING →
// SUCCESS | ERROR, and its documented polling limits (every 2-3 s, conversions end within 60 min).
import type { ConversionStatusResponse, paths } from "@vendorspec/docutray";
import {
  createVendorClient,
  requireOption,
  type VendorClient,
  type VendorClientOptions,
  type VendorDefinition,
} from "../core/create-vendor-client.js";
import type { JobState } from "../core/job.js";
import { mapPublishedStatusWord } from "../core/status-words.js";

export const DOCUTRAY_BASE_URL = "https://app.docutray.com";

const DOCUTRAY_STATES: Record<string, JobState> = {
  ENQUEUED: "queued",
  PROCESSING: "running",
  SUCCESS: "succeeded",
  ERROR: "failed",
};

export const docutray: VendorDefinition<paths, ConversionStatusResponse, "docutray"> = {
  name: "docutray",
  statusVocabulary: { field: "status", words: DOCUTRAY_STATES, published: true },
  authHeaders: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  poll: { intervalMs: 2_500, timeoutMs: 60 * 60_000 },
  requestStatus: (client, id, signal) =>
    client.GET("/api/convert-async/status/{conversion_id}", { params: { path: { conversion_id: id } }, parseAs: "text", signal }),
  mapStatus: (raw, { id, statusMap }) => ({
    id: String(raw.conversion_id ?? id),
    state: mapPublishedStatusWord(DOCUTRAY_STATES, String(raw.status), statusMap),
    vendorStatus: String(raw.status),
    ...(raw.status === "ERROR" && raw.error ? { message: raw.error } : {}),
    raw,
  }),
};

export type DocutrayClient = VendorClient<paths, ConversionStatusResponse, "docutray">;

export function createDocutrayClient(options: VendorClientOptions): DocutrayClient {
  requireOption("docutray", "apiKey", options?.apiKey);
  return createVendorClient(docutray, options, options.baseUrl ?? DOCUTRAY_BASE_URL);
}
