// Starts mocks for a test file and closes them after each test.
import { afterEach } from "vitest";
import { type MockServer, type MockServerOptions, startMockServer } from "../src/start-mock-server.js";
import { API_KEY, AUTH_HEADERS } from "./spec-requests.js";

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((mock) => mock.close()));
});

export async function startVendor(vendor: MockServerOptions["vendor"], options: Partial<MockServerOptions> = {}) {
  const mock = await startMockServer({ vendor, apiKey: API_KEY, ...options });
  open.push(mock);
  const auth = AUTH_HEADERS[vendor](API_KEY);
  /** fetch with the vendor's auth header. */
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${mock.url}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  return { mock, call };
}
