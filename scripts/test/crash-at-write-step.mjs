// @ts-check
// Preloaded (`node --import`) into a generator child process by atomic-packages.test.ts: appends
// every write step to $VENDORSPEC_STEP_LOG, and at step number $VENDORSPEC_CRASH_AT (0-based) ends
// the process on the spot, as a kill would: no finally block, no cleanup, exit code 86.
import { appendFileSync } from "node:fs";
import { observeWriteSteps } from "../src/generate/interrupted-writes.mjs";

export const CRASH_EXIT_CODE = 86;
const crashAt = process.env.VENDORSPEC_CRASH_AT === undefined ? -1 : Number(process.env.VENDORSPEC_CRASH_AT);
const log = process.env.VENDORSPEC_STEP_LOG;
let count = 0;
observeWriteSteps((step, target) => {
  if (count++ === crashAt) process.exit(CRASH_EXIT_CODE);
  if (log) appendFileSync(log, `${JSON.stringify({ step, target })}\n`);
});
