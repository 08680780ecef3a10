// @ts-check
// The repo root is where redocly.yaml lives. VENDORSPEC_ROOT lets tests point the CLIs at a
// temporary copy of the repo without touching the real one.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function findRepoRoot() {
  if (process.env.VENDORSPEC_ROOT) return path.resolve(process.env.VENDORSPEC_ROOT);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "redocly.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("no redocly.yaml found above scripts/src");
    dir = parent;
  }
  return dir;
}
