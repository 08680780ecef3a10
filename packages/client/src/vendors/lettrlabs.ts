// LettrLabs: `X-API-KEY` auth, every body wrapped in an envelope, integer conversion ids, and an
// unpublished status vocabulary mapped by common words from `payload.status`.
import type { ConversionStatusEnvelope, paths } from "@vendorspec/lettrlabs";
import {
  createVendorClient,
  requireOption,
  type VendorClient,
  type VendorClientOptions,
  type VendorDefinition,
} from "../core/create-vendor-client.js";
import { COMMON_WORDS, mapCommonStatusWord } from "../core/status-words.js";

export const LETTRLABS_BASE_URL = "https://app.lettrlabs.com/api";

export const lettrlabs: VendorDefinition<paths, ConversionStatusEnvelope, "lettrlabs"> = {
  name: "lettrlabs",
  statusVocabulary: { field: "payload.status", words: COMMON_WORDS, published: false },
  authHeaders: (apiKey) => ({ "X-API-KEY": apiKey }),
  poll: { intervalMs: 5_000, timeoutMs: 30 * 60_000 },
  requestStatus: (client, id, signal) => {
    const numericId = Number(id);
    if (!Number.isSafeInteger(numericId)) throw new TypeError(`lettrlabs: conversion ids are integers, got "${id}"`);
    return client.GET("/v1/conversions/{id}/status", { params: { path: { id: numericId } }, parseAs: "text", signal });
  },
  mapStatus: (raw, { id, statusMap }) => {
    const word = String(raw.payload?.status ?? "");
    const state = mapCommonStatusWord(word, statusMap);
    const errors = raw.errors ?? [];
    return {
      id: String(raw.payload?.id ?? id),
      state,
      vendorStatus: word,
      ...(errors.length > 0 ? { message: errors.join("; ") } : {}),
      raw,
    };
  },
};

export type LettrLabsClient = VendorClient<paths, ConversionStatusEnvelope, "lettrlabs">;

export function createLettrLabsClient(options: VendorClientOptions): LettrLabsClient {
  requireOption("lettrlabs", "apiKey", options?.apiKey);
  return createVendorClient(lettrlabs, options, options.baseUrl ?? LETTRLABS_BASE_URL);
}
