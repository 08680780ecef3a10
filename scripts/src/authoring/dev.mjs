// @ts-check
// The spec author's watch loop: after a save under specs/<vendor>/, re-lint and regenerate only that
// vendor and report what happened (problems as file:line:col, or the types that changed). A spec
// saved half-written fails lint and keeps the last good package (generation is atomic).
import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "../generate/generate.mjs";
import { readVendors } from "../model/vendors.mjs";
import { diffTypeNames } from "./diff-type-names.mjs";

/**
 * @typedef {{ vendor: string, ms: number, problems: import("../lint/format-problems.mjs").SpecProblem[], changed: string[] }} DevEvent
 */

/** Editors save in bursts (temp file, rename, chmod); one regeneration per burst. */
const DEBOUNCE_MS = 40;

/**
 * @param {{ rootDir: string, onEvent: (event: DevEvent) => void, onError?: (error: unknown) => void }} options
 */
export async function watchSpecs({ rootDir, onEvent, onError = () => undefined }) {
  const vendors = await readVendors(rootDir);
  /** @type {Map<string, NodeJS.Timeout>} */
  const pending = new Map();
  let queue = Promise.resolve();

  /** @param {import("../model/vendors.mjs").Vendor} vendor */
  const regenerate = async (vendor) => {
    const started = performance.now();
    const jsonPath = path.join(vendor.packageDir, "openapi.json");
    const before = await readFile(jsonPath, "utf8").then(JSON.parse, () => undefined);
    const [outcome] = await generate({ rootDir, names: [vendor.name] });
    const after = await readFile(jsonPath, "utf8").then(JSON.parse, () => undefined);
    onEvent({
      vendor: vendor.name,
      ms: performance.now() - started,
      problems: outcome?.problems ?? [],
      changed: outcome && outcome.problems.length === 0 ? diffTypeNames(before, after) : [],
    });
  };

  // fs.watch (inotify/FSEvents) runs in this process: the watchers and the debounce timers are the
  // only handles the loop holds, and close() releases all of them; nothing is spawned.
  const watchers = vendors.map((vendor) =>
    watch(path.dirname(vendor.specPath), () => {
      clearTimeout(pending.get(vendor.name));
      pending.set(
        vendor.name,
        setTimeout(() => {
          pending.delete(vendor.name);
          // One regeneration at a time, so two quick saves never interleave their writes.
          queue = queue.then(() => regenerate(vendor)).catch(onError);
        }, DEBOUNCE_MS),
      );
    }).on("error", onError),
  );
  return {
    vendors: vendors.map((v) => v.name),
    /** Stops watching, drops saves not yet picked up, and resolves once a regeneration in flight has finished. */
    close: async () => {
      for (const w of watchers) w.close();
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      await queue;
    },
  };
}
