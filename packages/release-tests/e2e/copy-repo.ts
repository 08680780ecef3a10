// The repo as a fresh clone would have it, plus built dist folders: what the end-to-end tests work on.
import { execFile } from "node:child_process";
import { cp, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { listPublicPackages, repoRoot } from "../test/public-packages.js";

const run = promisify(execFile);
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Copies tracked files and new ones not yet committed (a vendor just scaffolded), as they are on disk. */
export async function copyRepo(target: string, options: { withDist?: boolean } = {}) {
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
  for (const file of stdout.split("\0").filter(Boolean)) {
    const from = path.join(repoRoot, file);
    if (!(await exists(from))) continue;
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await cp(from, path.join(target, file));
  }
  if (options.withDist === false) return;
  for (const pkg of await listPublicPackages()) {
    const dist = path.join(pkg.dir, "dist");
    if (await exists(dist)) await cp(dist, path.join(target, path.relative(repoRoot, dist)), { recursive: true });
  }
}
