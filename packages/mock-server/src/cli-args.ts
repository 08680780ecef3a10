// The `vendorspec-mock` command line, parsed strictly (node:util parseArgs): what to start, or help.
// It returns or throws; only the CLI entry (cli.ts) prints and exits.
import { parseArgs } from "node:util";
import { VENDOR_DESCRIPTORS, type VendorName } from "./vendor-list.js";

const vendors = Object.keys(VENDOR_DESCRIPTORS) as VendorName[];

export const USAGE = `usage: vendorspec-mock <vendor> [--port 4010] [--host 127.0.0.1] [--api-key KEY]

Serves a stateful mock of a vendor's API, from its vendorspec contract, and prints one line per
request (credentials masked). Ctrl-C (SIGINT) or SIGTERM closes it.

vendors: ${vendors.join(", ")}

options:
  --port <n>       port to listen on (default 4010; 0 picks a free port)
  --host <addr>    address to bind (default 127.0.0.1)
  --api-key <key>  accept only this key (default: any non-empty key)
  -h, --help       print this help

example:
  vendorspec-mock ${vendors[0]} --port 4010 --api-key test-key`;

/** A command line the CLI cannot run: it prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export type CliCommand = { help: true } | { help: false; vendor: VendorName; port: number; host: string; apiKey?: string };

export function parseCliArgs(args: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    // parseArgs' first sentence names the flag ("Unknown option '--prot'", "Option '--port <value>'
    // argument missing"); the rest is advice about "--" that does not apply to this command.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\.\s|\n/)[0] ?? message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [vendor, ...extra] = positionals;
  if (vendor === undefined) throw new UsageError(`which vendor? one of ${vendors.join(", ")}`);
  if (!(vendors as string[]).includes(vendor)) throw new UsageError(`unknown vendor "${vendor}"; known: ${vendors.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "4010") || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}"`);
  if (values.host === "") throw new UsageError("--host needs an address, e.g. 127.0.0.1");
  const apiKey = values["api-key"];
  if (apiKey === "") throw new UsageError("--api-key needs a key; leave the flag out to accept any key");
  return { help: false, vendor: vendor as VendorName, port, host: values.host ?? "127.0.0.1", ...(apiKey ? { apiKey } : {}) };
}

const parseOptions = (args: readonly string[]) =>
  parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
