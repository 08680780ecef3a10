// Starts mocks for a test file and closes them after each test.
import { afterEach } from "vitest";
import { type MockServer, type MockServerOptions, startMockServer } from "../src/start-mock-server.js";
import type { VendorName } from "../src/vendor-list.js";
import { API_KEY, AUTH_HEADERS } from "./spec-requests.js";

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((mock) => mock.close()));
});

/** The mock's faults are typed by `vendor`'s operationIds. */
export async function startVendor<V extends VendorName>(
  vendor: V,
  options: Partial<Omit<MockServerOptions<V>, "vendor" | "definition">> = {},
) {
  const mock = await startMockServer({ vendor, apiKey: API_KEY, ...options });
  open.push(mock);
  const auth = AUTH_HEADERS[vendor](API_KEY);
  /** fetch with the vendor's auth header. */
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${mock.url}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  return { mock, call };
}
