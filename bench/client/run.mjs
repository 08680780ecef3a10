#!/usr/bin/env node
// @ts-check
// Benchmark (not a test): one Docutray status GET over loopback, issued by raw fetch, plain
// openapi-fetch and @vendorspec/client against the same server in the same run, reported as
// requests/s, p50/p99 latency and ratios; plus the minified+gzipped size of each vendor entry point's
// own code (openapi-fetch kept external). Usage: node bench/client/run.mjs [--requests 20000] [--concurrency 32]
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createDocutrayClient } from "@vendorspec/client/docutray";
import { build } from "esbuild";
import createClient from "openapi-fetch";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const total = option("requests", 20_000);
const concurrency = option("concurrency", 32);
const ID = "cm5vm9hx30001m5cgh0p9v8qa";

const server = fork(path.join(here, "status-server.mjs"));
const port = await new Promise((resolve) => server.once("message", (m) => resolve(/** @type {{port: number}} */ (m).port)));
const baseUrl = `http://127.0.0.1:${port}`;

/** @type {Record<string, () => Promise<unknown>>} */
const contenders = {
  "raw fetch": async () => {
    const response = await fetch(`${baseUrl}/api/convert-async/status/${ID}`, { headers: { Authorization: "Bearer k" } });
    return response.json();
  },
  "openapi-fetch": (() => {
    /** @type {import("openapi-fetch").Client<import("@vendorspec/docutray").paths>} */
    const client = createClient({ baseUrl, headers: { Authorization: "Bearer k" } });
    return () => client.GET("/api/convert-async/status/{conversion_id}", { params: { path: { conversion_id: ID } } });
  })(),
  "@vendorspec/client": (() => {
    const client = createDocutrayClient({ apiKey: "k", baseUrl });
    return () => client.GET("/api/convert-async/status/{conversion_id}", { params: { path: { conversion_id: ID } } });
  })(),
};

async function measure(/** @type {() => Promise<unknown>} */ send) {
  const latencies = new Float64Array(total);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await send();
        latencies[i] = performance.now() - t;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort();
  const at = (/** @type {number} */ q) => latencies[Math.min(total - 1, Math.floor(q * total))] ?? 0;
  return { rps: total / seconds, p50: at(0.5), p99: at(0.99) };
}

// Warm up every contender (JIT, keep-alive sockets), then measure them in alternating rounds so that
// drift in machine load hits all three alike.
for (const send of Object.values(contenders)) for (let i = 0; i < 2_000; i++) await send();
/** @type {Record<string, {rps: number[], p50: number[], p99: number[]}>} */
const results = {};
for (let round = 0; round < 3; round++) {
  for (const [name, send] of Object.entries(contenders)) {
    const r = await measure(send);
    results[name] ??= { rps: [], p50: [], p99: [] };
    results[name].rps.push(r.rps);
    results[name].p50.push(r.p50);
    results[name].p99.push(r.p99);
  }
}
server.disconnect();
server.kill();

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const rawRps = median(results["raw fetch"]?.rps ?? []);
const ofRps = median(results["openapi-fetch"]?.rps ?? []);
console.log(`node ${process.version}; ${total} requests x 3 rounds, concurrency ${concurrency}; medians of the rounds`);
console.log("| contender | requests/s | p50 | p99 | vs raw fetch | vs openapi-fetch |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [name, r] of Object.entries(results)) {
  const rps = median(r.rps);
  console.log(
    `| ${name} | ${Math.round(rps)} | ${median(r.p50).toFixed(2)} ms | ${median(r.p99).toFixed(2)} ms | ${(rps / rawRps).toFixed(2)}x | ${(rps / ofRps).toFixed(2)}x |`,
  );
}

// Bundle size of each vendor entry point: the client's own code (openapi-fetch and the vendor's
// generated package external), and with the vendor's descriptor (its generated package) inlined.
const clientDist = path.resolve(here, "../../packages/client/dist/vendors");
/** @param {string} vendor @param {string[]} external */
async function bundled(vendor, external) {
  const result = await build({
    entryPoints: [path.join(clientDist, `${vendor}.js`)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external,
    write: false,
    treeShaking: true,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.length / 1024, gz: gzipSync(code).length / 1024 };
}
console.log("\n| entry point | own code, minified | own code, min + gzip | with the vendor's descriptor, min + gzip |");
console.log("| --- | ---: | ---: | ---: |");
for (const vendor of ["docutray", "apptus-esales", "leadsygroup", "lettrlabs"]) {
  const own = await bundled(vendor, ["openapi-fetch", "@vendorspec/*"]);
  const whole = await bundled(vendor, ["openapi-fetch"]);
  console.log(`| @vendorspec/client/${vendor} | ${own.min.toFixed(2)} kB | ${own.gz.toFixed(2)} kB | ${whole.gz.toFixed(2)} kB |`);
}
