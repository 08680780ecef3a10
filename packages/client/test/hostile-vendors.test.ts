// Hostile vendors over real HTTP on 127.0.0.1: redirects to another origin never carry a
// credential, bodies are cut off at the cap, deep and odd bodies give typed errors, status words
// that name Object.prototype members are just unknown, and the key echoed anywhere (header names and
// values, property names, values, deep bodies) appears in no error, stringified or inspected.
import { createServer, type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { NotFoundError, ResponseTooLargeError, ServerError, type VendorName } from "../src/index.js";
import { API_KEY, caseFor, startVendor, VENDOR_CASES } from "./vendor-cases.js";

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}
const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

async function serve(handler: RequestListener) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ path: request.url ?? "", headers: request.headers });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url, seen };
}

const client = (vendor: VendorName, baseUrl: string, options = {}) =>
  caseFor(vendor).create({ apiKey: API_KEY, baseUrl, maxRetries: 0, ...options });
const leaks = (value: unknown) =>
  JSON.stringify(value).includes(API_KEY) || inspect(value, { depth: Number.POSITIVE_INFINITY }).includes(API_KEY);

describe("redirects", () => {
  test.each(VENDOR_CASES.map((c) => [c.vendor] as const))("%s: a redirect to another origin carries no credential", async (vendor) => {
    const other = await serve((_, response) => response.writeHead(404, { "content-type": "text/plain" }).end("gone"));
    const vendorHost = await serve((request, response) => response.writeHead(302, { location: `${other.url}${request.url}` }).end());
    await expect(client(vendor, vendorHost.url).jobs.get(caseFor(vendor).jobId)).rejects.toBeInstanceOf(NotFoundError);
    expect(vendorHost.seen[0]?.headers[caseFor(vendor).authHeader]).toContain(API_KEY);
    expect(other.seen).toHaveLength(1);
    expect(JSON.stringify(other.seen)).not.toContain(API_KEY);
  });

  test.each([301, 302, 303, 307, 308])("a %i on the same origin keeps the credential", async (status) => {
    const host = await serve((request, response) => {
      if (request.url?.startsWith("/moved")) response.writeHead(404, { "content-type": "text/plain" }).end("gone");
      else response.writeHead(status, { location: `/moved${request.url}` }).end();
    });
    await expect(client("lettrlabs", host.url).jobs.get("4242")).rejects.toBeInstanceOf(NotFoundError);
    expect(host.seen.map((s) => s.headers["x-api-key"])).toEqual([API_KEY, API_KEY]);
  });

  test("a redirect loop ends with a typed error after a few hops", async () => {
    const host = await serve((request, response) => response.writeHead(302, { location: request.url }).end());
    await expect(client("docutray", host.url).jobs.get("c1")).rejects.toMatchObject({
      name: "VendorApiError",
      message: /more than 5 redirects/,
    });
    expect(host.seen).toHaveLength(6);
  });
});

describe("bodies", () => {
  test("a body declared larger than the cap is refused before it is read", async () => {
    const host = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(1024 ** 3) });
      response.write("{");
    });
    const error = await client("docutray", host.url, { maxBodyBytes: 4096 })
      .jobs.get("c1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 4096, declaredBytes: 1024 ** 3 });
  });

  test("an endless body without a length is cut off at the default cap", async () => {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const host = await serve((_, response) => {
      let closed = false;
      let sent = 0;
      response.writeHead(200, { "content-type": "application/json" });
      response.on("close", () => (closed = true));
      const pump = () => {
        while (!closed && sent < 1024 ** 3) {
          sent += chunk.length;
          written = Math.max(written, sent);
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
      };
      pump();
    });
    const { createDocutrayClient } = await import("../src/vendors/docutray.js");
    const docutray = createDocutrayClient({ apiKey: API_KEY, baseUrl: host.url, maxRetries: 0 });
    await expect(docutray.jobs.get("c1")).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(
      docutray.GET("/api/convert-async/status/{conversion_id}", { params: { path: { conversion_id: "c1" } } }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
    // The client stopped reading near 8 MiB each time; the server did not get to send a gigabyte.
    expect(written).toBeLessThan(128 * 1024 ** 2);
  });

  test("an error body nested a million levels deep is a ServerError, not a stack overflow", async () => {
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    const host = await serve((_, response) => response.writeHead(500, { "content-type": "application/json" }).end(deep));
    await expect(client("docutray", host.url).jobs.get("c1")).rejects.toBeInstanceOf(ServerError);
  }, 120_000); // 2 MB of nesting takes seconds to refuse on a loaded 2-core machine

  test.each(VENDOR_CASES.map((c) => [c.vendor] as const))(
    "%s: status words that name Object.prototype members are unknown",
    async (vendor) => {
      const { mock, client: vendorClient } = await startVendor(vendor);
      mock.jobs.create({ id: caseFor(vendor).jobId, steps: [caseFor(vendor).running], outcome: caseFor(vendor).terminals[0]?.[0] });
      for (const word of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
        mock.faults.inject(caseFor(vendor).statusOperation, { type: "unknown-status", word });
        const job = await vendorClient.jobs.get(caseFor(vendor).jobId);
        expect(job).toMatchObject({ vendorStatus: word, state: "unknown", terminal: false });
      }
    },
  );
});

describe("the key is in no error, wherever a vendor echoes it", () => {
  // A seeded generator: the same cases on every run, so a failure can be replayed.
  let seed = 20261127;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
  const PLACES = ["header-value", "header-name", "property-name", "value", "deep-value", "text", "message"] as const;
  const cases = Array.from({ length: 48 }, (_, i) => {
    const vendor = VENDOR_CASES[i % VENDOR_CASES.length]?.vendor as VendorName;
    return [vendor, pick(STATUSES), pick(PLACES)] as const;
  });

  test.each(cases)("%s, HTTP %i, key in the %s", async (vendor, status, place) => {
    const host = await serve((_, response) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      let body: string;
      if (place === "header-value") headers["x-debug-echo"] = `got ${API_KEY}`;
      if (place === "header-name") headers[API_KEY.toLowerCase()] = "1";
      if (place === "property-name") body = JSON.stringify({ [API_KEY]: "unknown key" });
      else if (place === "deep-value") body = JSON.stringify({ a: [{ b: { c: [[{ d: `key=${API_KEY}` }]] } }] });
      else if (place === "text") {
        headers["content-type"] = "text/html";
        body = `<h1>Bad key ${API_KEY}</h1>`;
      } else if (place === "message") body = JSON.stringify({ message: `Invalid API key ${API_KEY}`, error: API_KEY });
      else body = JSON.stringify({ error: "Invalid API key", received: API_KEY });
      response.writeHead(status, headers).end(body);
    });
    const error = await client(vendor, host.url)
      .jobs.get(caseFor(vendor).jobId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(leaks(error), inspect(error)).toBe(false);
    expect(String((error as Error).message)).not.toContain(API_KEY);
  });

  test("a not-found word whose body echoes the key (Apptus NOT_FOUND)", async () => {
    const host = await serve((_, response) =>
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ id: "1", reason: `no import for ${API_KEY}`, status: "NOT_FOUND" })),
    );
    const error = await client("apptus-esales", host.url)
      .jobs.get("1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(leaks(error)).toBe(false);
  });

  test("a key sent as a query parameter is not in a connection error's cause", async () => {
    const host = await serve((request) => request.socket.destroy());
    const { createVendorClient } = await import("../src/core/create-vendor-client.js");
    const { descriptor } = await import("@vendorspec/docutray");
    const queryAuth = { ...descriptor, auth: { type: "apiKey", in: "query", name: "key" } } as const;
    const error = await createVendorClient(queryAuth, { apiKey: API_KEY, baseUrl: host.url, maxRetries: 0 })
      .jobs.get("c1")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError" });
    expect(host.seen[0]?.path).toContain(`key=${API_KEY}`);
    expect(leaks(error)).toBe(false);
  });
});
