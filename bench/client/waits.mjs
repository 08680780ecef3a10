#!/usr/bin/env node
// @ts-check
// Benchmark (not a test): N concurrent waits (default 10,000) against a loopback fake vendor whose jobs
// succeed on their 5th poll, polling every second, by @vendorspec/client's jobs.wait,
// @smithy/util-waiter's waiter and a naive while loop on openapi-fetch. Each runs in a fresh process;
// the fake vendor in its own. Reports wall time, peak RSS, CPU seconds, requests against the minimum
// (N × 5) and sockets. Usage: node bench/client/waits.mjs [--waits 10000]
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf("--waits");
const waits = at >= 0 ? Number(args[at + 1]) : 10_000;
const POLLS = 5;

const server = fork(path.join(here, "waits-server.mjs"), { env: { ...process.env, POLLS: String(POLLS) } });
/** @returns {Promise<any>} */
const next = (/** @type {import("node:child_process").ChildProcess} */ child) => new Promise((resolve) => child.once("message", resolve));
const { port } = await next(server);
const baseUrl = `http://127.0.0.1:${port}`;

console.log(
  `node ${process.version}; ${waits} concurrent waits, jobs succeed on poll ${POLLS}, 1 s between polls; minimum ${waits * POLLS} requests`,
);
console.log("| contender | wall | peak RSS | CPU | requests | vs minimum | connections opened | peak open sockets | failed |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const contender of ["@vendorspec/client jobs.wait", "@smithy/util-waiter", "naive while loop (openapi-fetch)"]) {
  const worker = fork(path.join(here, "waits-worker.mjs"), [contender, String(waits), baseUrl]);
  const result = await next(worker);
  await new Promise((resolve) => worker.once("exit", resolve));
  server.send("stats");
  const stats = await next(server);
  console.log(
    `| ${contender} | ${result.wall.toFixed(1)} s | ${Math.round(result.maxRssMb)} MB | ${result.cpu.toFixed(1)} s | ${stats.requests} | ${((stats.requests / (waits * POLLS) - 1) * 100).toFixed(2)}% | ${stats.connections} | ${stats.peakOpen} | ${result.failed} |`,
  );
}
server.disconnect();
server.kill();
