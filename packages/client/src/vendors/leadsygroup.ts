// LeadsyGroup API V1: bearer (JWT) auth and an unpublished status vocabulary, mapped by common words
// from `status_name`; progress comes from the record counters.
import type { ImportFileResponse, paths } from "@vendorspec/leadsygroup";
import {
  createVendorClient,
  requireOption,
  type VendorClient,
  type VendorClientOptions,
  type VendorDefinition,
} from "../core/create-vendor-client.js";
import { COMMON_WORDS, mapCommonStatusWord } from "../core/status-words.js";

/** From the spec's servers; no production host is public (x-unverified): pass `baseUrl`. */
export const LEADSYGROUP_BASE_URL = "https://api.leadsygroup.com";

export const leadsygroup: VendorDefinition<paths, ImportFileResponse, "leadsygroup"> = {
  name: "leadsygroup",
  statusVocabulary: { field: "import_file.status_name", words: COMMON_WORDS, published: false },
  authHeaders: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  poll: { intervalMs: 5_000, timeoutMs: 30 * 60_000 },
  requestStatus: (client, id, signal) =>
    client.GET("/api/v1/import/{import_code}", { params: { path: { import_code: id } }, parseAs: "text", signal }),
  mapStatus: (raw, { id, statusMap }) => {
    const file = raw.import_file ?? {};
    const word = String(file.status_name ?? file.status ?? "");
    const state = mapCommonStatusWord(word, statusMap);
    const total = file.total_records;
    return {
      id: String(file.import_code ?? id),
      state,
      vendorStatus: word,
      ...(typeof total === "number"
        ? {
            progress: {
              processed: file.processed_records ?? 0,
              total,
              ...(typeof file.failed_records === "number" ? { failed: file.failed_records } : {}),
            },
          }
        : {}),
      ...(state === "failed" && file.error_file ? { message: `import failed; error file: ${file.error_file}` } : {}),
      raw,
    };
  },
};

export type LeadsyGroupClient = VendorClient<paths, ImportFileResponse, "leadsygroup">;

export function createLeadsyGroupClient(options: VendorClientOptions): LeadsyGroupClient {
  requireOption("leadsygroup", "apiKey", options?.apiKey);
  return createVendorClient(leadsygroup, options, options.baseUrl ?? LEADSYGROUP_BASE_URL);
}
