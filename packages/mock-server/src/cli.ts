#!/usr/bin/env node
// `vendorspec-mock <vendor> [--port 4010] [--host 127.0.0.1] [--api-key KEY]`: runs a mock vendor,
// prints its URL and one line per request (credentials masked); SIGINT (Ctrl-C) or SIGTERM closes it.
import { type CliCommand, parseCliArgs, USAGE, UsageError } from "./cli-args.js";
import { startMockServer } from "./start-mock-server.js";

function commandOrExit(): Extract<CliCommand, { help: false }> {
  let command: CliCommand;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`vendorspec-mock: ${error.message}\n\n${USAGE}`);
    return process.exit(2);
  }
  if (command.help) {
    console.log(USAGE);
    return process.exit(0);
  }
  return command;
}

const { help: _, ...options } = commandOrExit();

const mock = await startMockServer({
  ...options,
  onRequest: (r) =>
    console.log(
      `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ""} → ${r.status} (${r.operationId ?? "no route"})`,
    ),
}).catch((error: unknown) => {
  console.error(
    `vendorspec-mock: cannot listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`,
  );
  return process.exit(1);
});
console.log(`vendorspec-mock: ${options.vendor} listening on ${mock.url}`);

const shutdown = (signal: NodeJS.Signals) => {
  // A second signal while closing gets Node's default handling: the process ends at once.
  process.removeListener("SIGINT", shutdown);
  process.removeListener("SIGTERM", shutdown);
  void mock.close().then(() => {
    console.log(`vendorspec-mock: closed (${signal})`);
    process.exit(0);
  });
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
