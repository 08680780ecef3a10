#!/usr/bin/env node
// `vendorspec-mock <vendor> [--port 4010] [--host 127.0.0.1] [--api-key KEY]`: runs a mock vendor,
// prints its URL and one line per request (credentials masked); Ctrl-C closes it cleanly.
import { startMockServer } from "./start-mock-server.js";
import { VENDOR_DESCRIPTORS, type VendorName } from "./vendor-list.js";

const USAGE = `usage: vendorspec-mock <${Object.keys(VENDOR_DESCRIPTORS).join("|")}> [--port 4010] [--host 127.0.0.1] [--api-key KEY]`;

function parseArgs(argv: string[]) {
  const [vendor, ...rest] = argv;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i];
    const value = rest[i + 1];
    if (!name?.startsWith("--") || value === undefined) throw new Error(`unexpected argument "${name ?? ""}"`);
    flags[name.slice(2)] = value;
  }
  if (!vendor || !(vendor in VENDOR_DESCRIPTORS)) throw new Error(vendor ? `unknown vendor "${vendor}"` : "which vendor?");
  const port = Number(flags.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got "${flags.port}"`);
  return { vendor: vendor as VendorName, port, host: flags.host ?? "127.0.0.1", ...(flags["api-key"] ? { apiKey: flags["api-key"] } : {}) };
}

function parseOrExit() {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`vendorspec-mock: ${(error as Error).message}\n${USAGE}`);
    return process.exit(2);
  }
}

const args = parseOrExit();

const mock = await startMockServer({
  ...args,
  onRequest: (r) =>
    console.log(
      `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ""} → ${r.status} (${r.operationId ?? "no route"})`,
    ),
});
console.log(`vendorspec-mock: ${args.vendor} listening on ${mock.url}`);

const stop = async () => {
  await mock.close();
  console.log("vendorspec-mock: closed");
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
