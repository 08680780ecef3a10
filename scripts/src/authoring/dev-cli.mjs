#!/usr/bin/env node
import { formatProblem } from "../lint/format-problems.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
// @ts-check
// `pnpm dev`: watches specs/ and regenerates the touched vendor after each save.
import { watchSpecs } from "./dev.mjs";

const rootDir = findRepoRoot();
const watcher = await watchSpecs({
  rootDir,
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
const stop = async () => {
  await watcher.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
