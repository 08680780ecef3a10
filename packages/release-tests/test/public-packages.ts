// The workspace's publishable packages: every packages/* manifest without `private: true`.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface PublicPackage {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

export async function listPublicPackages(): Promise<PublicPackage[]> {
  const found: PublicPackage[] = [];
  for (const entry of await readdir(path.join(repoRoot, "packages"), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(repoRoot, "packages", entry.name);
    const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8").catch(() => "{}"));
    if (manifest.name && manifest.private !== true) found.push({ name: manifest.name, dir, manifest });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
