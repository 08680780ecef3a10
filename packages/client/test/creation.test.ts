// Creating a client fails fast, naming the missing option; defaults point at each vendor's host.
// (Pure logic: the injected fetch only records the URL it is given.)
import { describe, expect, test } from "vitest";
import { createApptusEsalesClient, createDocutrayClient, createLeadsyGroupClient, createLettrLabsClient } from "../src/index.js";

const recordUrl = () => {
  const urls: string[] = [];
  const fetch = async (request: Request) => {
    urls.push(request.url);
    return new Response('{"error":"stop"}', { status: 418, headers: { "content-type": "application/json" } });
  };
  return { urls, fetch };
};

describe("creation", () => {
  test.each([
    ["docutray", () => createDocutrayClient({ apiKey: "" })],
    ["leadsygroup", () => createLeadsyGroupClient({ apiKey: "   " })],
    ["lettrlabs", () => createLettrLabsClient(undefined as never)],
    ["apptus-esales", () => createApptusEsalesClient({ clusterId: "c" } as never)],
  ])("%s without an apiKey throws naming `apiKey`", (vendor, create) => {
    expect(create).toThrow(new RegExp(`${vendor}: the \`apiKey\` option is required`));
  });

  test("apptus without clusterId or baseUrl throws naming `clusterId`", () => {
    expect(() => createApptusEsalesClient({ apiKey: "k" } as never)).toThrow(/`clusterId` option \(or `baseUrl`\) is required/);
  });

  test.each([
    [
      "docutray",
      (f: ReturnType<typeof recordUrl>["fetch"]) => createDocutrayClient({ apiKey: "k", fetch: f }),
      "https://app.docutray.com/api/convert-async/status/c1",
    ],
    [
      "apptus-esales",
      (f: ReturnType<typeof recordUrl>["fetch"]) => createApptusEsalesClient({ apiKey: "k", clusterId: "acme", fetch: f }),
      "https://acme.elevate-api.cloud/api/admin/v3/import/status?id=c1",
    ],
    [
      "leadsygroup",
      (f: ReturnType<typeof recordUrl>["fetch"]) => createLeadsyGroupClient({ apiKey: "k", fetch: f }),
      "https://api.leadsygroup.com/api/v1/import/c1",
    ],
    [
      "lettrlabs",
      (f: ReturnType<typeof recordUrl>["fetch"]) => createLettrLabsClient({ apiKey: "k", fetch: f }),
      "https://app.lettrlabs.com/api/v1/conversions/1/status",
    ],
  ])("%s defaults to the vendor's documented host", async (_, create, want) => {
    const recorder = recordUrl();
    await create(recorder.fetch)
      .jobs.get(want.includes("lettrlabs") ? "1" : "c1")
      .catch(() => undefined);
    expect(recorder.urls).toEqual([want]);
  });
});
