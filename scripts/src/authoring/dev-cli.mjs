#!/usr/bin/env node
// @ts-check
// `pnpm dev`: watches specs/ and regenerates the touched vendor after each save. SIGINT (Ctrl-C) and
// SIGTERM close the watchers, let a regeneration in flight finish (no package is left half written)
// and exit 0; a second signal exits at once.
import { readCliArgs } from "../cli/parse-cli-args.mjs";
import { formatProblem } from "../lint/format-problems.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { watchSpecs } from "./dev.mjs";

const USAGE = `usage: pnpm dev
  watches specs/<vendor>/ of every vendor in redocly.yaml; after each save it re-lints and
  regenerates that vendor, then prints the problems (file:line:col) or the types that changed.
  A spec that fails keeps its last good package. Ctrl-C stops it.

  --help    this text

example:
  pnpm dev
`;
readCliArgs({ name: "dev", usage: USAGE, options: {} });

/** @type {Awaited<ReturnType<typeof watchSpecs>> | undefined} */
let watcher;
let stopping = false;
/** @param {NodeJS.Signals} signal */
const stop = (signal) => {
  if (stopping) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  stopping = true;
  (watcher?.close() ?? Promise.resolve()).then(
    () => process.exit(0),
    (error) => {
      console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
};
// Listening before the watchers exist, so a signal during start-up ends the process cleanly too.
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// `pnpm dev` runs us under pnpm (and a shell): terminating pnpm does not reach us, so a watcher
// would outlive it. Whoever started us going away (we get re-parented) stops us like a signal.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop("SIGTERM");
}, 500).unref();

try {
  watcher = await watchSpecs({
    rootDir: findRepoRoot(),
    onEvent: ({ vendor, ms, problems, changed }) => {
      if (problems.length > 0) {
        for (const p of problems) console.log(formatProblem(p));
        console.log(`FAIL  ${vendor}: ${problems.length} problem(s); packages/${vendor} keeps its last good output (${Math.round(ms)} ms)`);
      } else {
        console.log(
          `ok    ${vendor}: regenerated in ${Math.round(ms)} ms; ${changed.length ? `types changed: ${changed.join(", ")}` : "no type changed"}`,
        );
      }
    },
    onError: (error) => console.error(`dev: ${error instanceof Error ? error.message : String(error)}`),
  });
  console.log(`dev: watching specs of ${watcher.vendors.join(", ")} (Ctrl-C to stop)`);
} catch (error) {
  console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
