// @ts-check
// Redoc's standalone bundle, shipped with the site so a reference page renders from the file system
// with no network. The one URL the bundle fetches on its own (the Redocly logo in the sidebar
// footer, from a CDN) is swapped for an empty data: URL; redoc hides the image when it fails to load.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const LOGO_URL = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';

/** Names in the site folder, shared with the page renderer so the two cannot disagree. */
export const REDOC_FILES = /** @type {const} */ ({ bundle: "redoc.standalone.js", start: "start-redoc.js" });

/**
 * The files to write beside the reference pages: redoc's bundle, its license notices and the script
 * that starts it. Read and checked before the build touches its output folder.
 * @returns {Promise<Map<string, string>>} file name in the site → content
 */
export async function readRedocAssets() {
  const bundlePath = require.resolve("redoc/bundles/redoc.standalone.js");
  const { version } = JSON.parse(await readFile(require.resolve("redoc/package.json"), "utf8"));
  const bundle = await readFile(bundlePath, "utf8");
  const found = bundle.split(LOGO_URL).length - 1;
  if (found !== 1) {
    // A redoc upgrade moved the logo: the pages would fetch it (or something else) from the network.
    throw new Error(
      `redoc ${version}: expected its bundle to name ${LOGO_URL} once, found ${found}; ` +
        "check what the new bundle loads from the network and update packages/docs/src/ship-redoc.mjs",
    );
  }
  // The bundle's first line points at this file for the licenses of what it contains.
  const licenses = `${REDOC_FILES.bundle}.LICENSE.txt`;
  return new Map([
    [REDOC_FILES.bundle, bundle.replace(LOGO_URL, '"data:,"')],
    [licenses, await readFile(path.join(path.dirname(bundlePath), licenses), "utf8")],
    [REDOC_FILES.start, await readFile(new URL("./start-redoc.browser.js", import.meta.url), "utf8")],
  ]);
}
