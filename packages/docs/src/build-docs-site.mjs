// @ts-check
// `pnpm docs:build`: builds the static docs site (git-ignored `site/`): an index of every vendor and
// one API reference page per vendor, rendered by the redoc bundle shipped in the site, so every page
// works opened from disk with no network. Each job lifecycle and deprecation is drawn from the
// vendor's generated descriptor, the same data the client and the mock server run on.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readVendors } from "@vendorspec/scripts/vendors";
import { claimOutDir, OutDirRefusedError, refuseOutDir } from "./out-dir.mjs";
import { renderDocsIndex } from "./render-docs-index.mjs";
import { renderReferencePage } from "./render-reference-page.mjs";
import { readRedocAssets } from "./ship-redoc.mjs";

/**
 * Throws OutDirRefusedError, having touched nothing, when outDir is not the builder's to empty.
 * @param {{ rootDir: string, outDir: string }} options absolute paths
 * @returns {Promise<string[]>} files written, relative to outDir
 */
export async function buildDocsSite({ rootDir, outDir }) {
  const refusal = await refuseOutDir({ rootDir, outDir });
  if (refusal) throw new OutDirRefusedError(refusal);
  // Everything is read and rendered first: a missing package or a changed redoc leaves the old site be.
  /** @type {Map<string, string>} */
  const files = new Map();
  const docsVendors = [];
  for (const vendor of await readVendors(rootDir)) {
    const document = JSON.parse(await readFile(path.join(vendor.packageDir, "openapi.json"), "utf8"));
    // The package as built in this checkout (or the root VENDORSPEC_ROOT names), not a copy in node_modules.
    const { descriptor } = await import(pathToFileURL(path.join(vendor.packageDir, "index.js")).href);
    docsVendors.push({
      name: vendor.name,
      packageName: vendor.packageName,
      document,
      job: descriptor?.job ?? null,
      sunset: descriptor?.sunset,
      operations: descriptor?.operations ?? {},
    });
    files.set(`${vendor.name}.html`, renderReferencePage({ name: vendor.name, document }));
  }
  files.set("index.html", renderDocsIndex(docsVendors));
  for (const [file, content] of await readRedocAssets()) files.set(file, content);
  await claimOutDir(outDir);
  for (const [file, content] of files) await writeFile(path.join(outDir, file), content);
  return [...files.keys()];
}
