// @ts-check
// One contender of the scale benchmark, in a fresh process: N concurrent waits, each until its job
// succeeds, polling every second. Reports wall time, peak RSS and CPU seconds to the parent.
import { setTimeout as sleep } from "node:timers/promises";
import { createWaiter, WaiterState } from "@smithy/util-waiter";
import { createDocutrayClient } from "@vendorspec/client/docutray";
import createClient from "openapi-fetch";

const [contender = "", count = "10000", baseUrl = ""] = process.argv.slice(2);
const n = Number(count);
const STATUS = "/api/convert-async/status/{conversion_id}";
const ids = Array.from({ length: n }, (_, i) => `job-${i}`);

/** @type {import("openapi-fetch").Client<import("@vendorspec/docutray").paths>} */
const plain = createClient({ baseUrl, headers: { Authorization: "Bearer k" } });
const poll = (/** @type {string} */ id) => plain.GET(STATUS, { params: { path: { conversion_id: id } } });

/** @type {Record<string, (id: string) => Promise<unknown>>} */
const waits = {
  "@vendorspec/client jobs.wait": (() => {
    const client = createDocutrayClient({ apiKey: "k", baseUrl });
    return (id) => client.jobs.wait(id, { intervalMs: 1_000, timeoutMs: 600_000 });
  })(),
  "@smithy/util-waiter": (id) =>
    createWaiter({ client: plain, maxWaitTime: 600, minDelay: 1, maxDelay: 1 }, id, async (_, input) => {
      const { data } = await poll(input);
      return { state: data?.status === "SUCCESS" ? WaiterState.SUCCESS : WaiterState.RETRY };
    }),
  "naive while loop (openapi-fetch)": async (id) => {
    for (;;) {
      const { data } = await poll(id);
      if (data?.status === "SUCCESS") return;
      await sleep(1_000);
    }
  },
};
const wait = waits[contender];
if (!wait) throw new Error(`unknown contender ${contender}`);
const cpu = process.cpuUsage();
const started = performance.now();
const settled = await Promise.allSettled(ids.map((id) => wait(id)));
const wall = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
process.send?.({
  wall,
  cpu: (used.user + used.system) / 1e6,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  failed: settled.filter((s) => s.status === "rejected").length,
});
process.disconnect?.();
