#!/usr/bin/env node
// @ts-check
// Per-request CPU overhead of the client over plain openapi-fetch, in one process with an in-memory
// fetch (no network, no server): what the client itself costs, without loopback noise. This is the
// path of a client given a custom `fetch` (the attempt's signal is handed over in a rebuilt Request);
// with the global fetch the signal goes in fetch's init instead, which bench/client/run.mjs measures.
// Usage: node bench/client/overhead.mjs [--requests 200000]
import { createDocutrayClient } from "@vendorspec/client/docutray";
import createClient from "openapi-fetch";

const args = process.argv.slice(2);
const i = args.indexOf("--requests");
const total = i >= 0 ? Number(args[i + 1]) : 200_000;
const body = JSON.stringify({
  conversion_id: "c1",
  status: "PROCESSING",
  request_timestamp: "2026-01-15T10:30:00.000Z",
  document_type_code: "invoice",
  original_filename: "a.pdf",
});
const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
const fakeFetch = async (/** @type {Request} */ _request) => new Response(body, { status: 200, headers });
const baseUrl = "http://vendor.test";
const params = { params: { path: { conversion_id: "c1" } } };

/** @type {import("openapi-fetch").Client<import("@vendorspec/docutray").paths>} */
const plain = createClient({ baseUrl, headers: { Authorization: "Bearer k" }, fetch: fakeFetch });
const client = createDocutrayClient({ apiKey: "k", baseUrl, fetch: fakeFetch });
const contenders = {
  "openapi-fetch": () => plain.GET("/api/convert-async/status/{conversion_id}", params),
  "@vendorspec/client": () => client.GET("/api/convert-async/status/{conversion_id}", params),
};

async function microsPerRequest(/** @type {() => Promise<unknown>} */ send) {
  const start = process.cpuUsage();
  for (let n = 0; n < total; n += 16) await Promise.all(Array.from({ length: 16 }, send));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / total;
}

for (const send of Object.values(contenders)) for (let n = 0; n < 20_000; n++) await send();
/** @type {Record<string, number[]>} */
const runs = {};
for (let round = 0; round < 5; round++) {
  for (const [name, send] of Object.entries(contenders)) {
    runs[name] ??= [];
    runs[name].push(await microsPerRequest(send));
  }
}
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const base = median(runs["openapi-fetch"] ?? []);
console.log(`node ${process.version}; ${total} requests x 5 rounds, in-memory fetch; CPU µs per request (median)`);
for (const [name, xs] of Object.entries(runs)) console.log(`${name}: ${median(xs).toFixed(1)} µs (+${(median(xs) - base).toFixed(1)} µs)`);
