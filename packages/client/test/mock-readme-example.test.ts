// The example in @vendorspec/mock-server's README, run as written, so the docs cannot rot.
import { type MockServer, startMockServer } from "@vendorspec/mock-server";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createDocutrayClient } from "../src/index.js";

let mock: MockServer;
beforeEach(async () => {
  mock = await startMockServer({ vendor: "docutray", apiKey: "test-key" });
});
afterEach(() => mock.close());

test("our import waits for the conversion and reports its failure", async () => {
  mock.jobs.create({ id: "cv_1", steps: ["ENQUEUED", "PROCESSING"], outcome: "ERROR", message: "Unreadable document" });
  mock.faults.inject("getConversionStatus", { type: "rate-limit", status: 429, retryAfter: 0 }); // one hiccup

  const client = createDocutrayClient({ apiKey: "test-key", baseUrl: mock.url });
  const job = await client.jobs.wait("cv_1", { intervalMs: 10 });

  expect(job.state).toBe("failed");
  expect(job.message).toBe("Unreadable document");
  expect(mock.requests.count("getConversionStatus")).toBe(4); // 429, ENQUEUED, PROCESSING, ERROR
  expect(mock.errors).toEqual([]); // every body the mock sent matched the contract
});
