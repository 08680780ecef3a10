// Through real HTTP against @vendorspec/mock-server: each vendor's auth header, and every mapping of a
// vendor status word to a normalized job state.
import { describe, expect, test } from "vitest";
import { API_KEY, startVendor, VENDOR_CASES } from "./vendor-cases.js";

describe.each(VENDOR_CASES.map((c) => [c.vendor, c] as const))("%s", (vendor, vc) => {
  test(`authenticates with the ${vc.authHeader} header`, async () => {
    const { mock, client } = await startVendor(vendor);
    mock.jobs.create({ id: vc.jobId, steps: [vc.running], outcome: vc.terminals[0]?.[0] });
    const job = await client.jobs.get(vc.jobId);
    expect(job.vendor).toBe(vendor);
    expect(job.id).toBe(vc.jobId);
    const sent = mock.requests.at(-1);
    expect(sent?.headers[vc.authHeader]).toBeDefined();
    expect(JSON.stringify(mock.requests)).not.toContain(API_KEY);
  });

  test("a wrong key is rejected with the vendor's auth error", async () => {
    const { mock } = await startVendor(vendor);
    mock.jobs.create({ id: vc.jobId, steps: [vc.running], outcome: vc.terminals[0]?.[0] });
    const wrong = vc.create({ apiKey: "wrong-key", baseUrl: mock.url, maxRetries: 0 });
    await expect(wrong.jobs.get(vc.jobId)).rejects.toBeInstanceOf(vc.authError);
  });

  test.each(vc.words)("status %j maps to %s", async (word, state) => {
    const { mock, client } = await startVendor(vendor);
    mock.jobs.create({ id: vc.jobId, steps: [word], outcome: vc.terminals[0]?.[0] });
    const job = await client.jobs.get(vc.jobId);
    expect(job.vendorStatus).toBe(word);
    expect(job.state).toBe(state);
    expect(job.terminal).toBe(["succeeded", "failed", "cancelled"].includes(state));
  });
});

describe("statusMap", () => {
  test("overrides the common-word mapping for vendors without a published vocabulary", async () => {
    const { mock } = await startVendor("leadsygroup");
    const vc = VENDOR_CASES.find((c) => c.vendor === "leadsygroup");
    mock.jobs.create({ id: "imp_1", steps: ["Validating"], outcome: "completed" });
    const client = vc?.create({ apiKey: API_KEY, baseUrl: mock.url, statusMap: { validating: "running" } });
    expect((await client?.jobs.get("imp_1"))?.state).toBe("running");
  });
});
