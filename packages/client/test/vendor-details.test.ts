// Vendor-specific parts of the normalized job, through real HTTP: failure messages, LeadsyGroup
// progress, Apptus NOT_FOUND and 19-20 digit ids, LettrLabs errors[] and integer ids.
import { describe, expect, test } from "vitest";
import { NotFoundError } from "../src/index.js";
import { startVendor } from "./vendor-cases.js";

describe("docutray", () => {
  test("a failed conversion carries the vendor's error as message, and raw is the status body", async () => {
    const { mock, client } = await startVendor("docutray");
    mock.jobs.create({ id: "cm_failed", steps: [], outcome: "ERROR", message: "Unreadable document" });
    const job = await client.jobs.get("cm_failed");
    expect(job).toMatchObject({ state: "failed", vendorStatus: "ERROR", terminal: true, message: "Unreadable document" });
    expect(job.raw).toMatchObject({ conversion_id: "cm_failed", status: "ERROR", error: "Unreadable document" });
  });
});

describe("apptus-esales", () => {
  test("a failed import carries `reason` as message", async () => {
    const { mock, client } = await startVendor("apptus-esales");
    mock.jobs.create({ id: "5537431447739019570", steps: [], outcome: "FAILURE", message: "Invalid XML at line 12" });
    expect(await client.jobs.get("5537431447739019570")).toMatchObject({ state: "failed", message: "Invalid XML at line 12" });
  });

  test("NOT_FOUND for an unknown id rejects with NotFoundError", async () => {
    const { client } = await startVendor("apptus-esales");
    await expect(client.jobs.get("1234567890123456789")).rejects.toBeInstanceOf(NotFoundError);
  });

  test.each([["5537431447739019570"], ["18446744073709551615"]])(
    "id %s survives exactly as a string and as a bare JSON number",
    async (id) => {
      const { mock, client } = await startVendor("apptus-esales");
      mock.jobs.create({ id, steps: [], outcome: "SUCCESS" });
      const asString = await client.jobs.get(id);
      expect(asString.id).toBe(id);
      expect((asString.raw as { id: unknown }).id).toBe(id);

      mock.faults.inject("getImportStatus", { type: "numeric-id" });
      const asNumber = await client.jobs.get(id);
      expect(asNumber.id).toBe(id);
      expect((asNumber.raw as { id: unknown }).id).toBe(id);
      expect(asNumber.state).toBe("succeeded");
    },
  );
});

describe("leadsygroup", () => {
  test("progress comes from the record counters and ends at the total", async () => {
    const { mock, client } = await startVendor("leadsygroup");
    mock.jobs.create({ id: "imp_progress", steps: ["processing", "processing"], outcome: "completed", total: 40 });
    const first = await client.jobs.get("imp_progress");
    expect(first.progress?.total).toBe(40);
    expect(first.progress?.processed).toBeLessThan(40);
    const last = await client.jobs.wait("imp_progress", { intervalMs: 5 });
    expect(last.state).toBe("succeeded");
    expect(last.progress?.processed).toBe(40);
    expect(last.progress?.total).toBe(40);
    expect(typeof last.progress?.failed).toBe("number");
  });
});

describe("lettrlabs", () => {
  test("integer ids in the path come back as string ids; errors[] becomes the message", async () => {
    const { mock, client } = await startVendor("lettrlabs");
    mock.jobs.create({ id: "77", steps: [], outcome: "failed", message: "Record 2: revenue is required" });
    const job = await client.jobs.get(77);
    expect(job.id).toBe("77");
    expect(job.state).toBe("failed");
    expect(job.message).toContain("Record 2: revenue is required");
    expect(mock.requests.at(-1)?.path).toBe("/v1/conversions/77/status");
  });

  test("a non-integer id is refused before any request", async () => {
    const { mock, client } = await startVendor("lettrlabs");
    await expect(client.jobs.get("abc")).rejects.toThrow(/integers/);
    expect(mock.requests.length).toBe(0);
  });
});
