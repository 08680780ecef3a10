// @ts-check
// `pnpm docs`: builds the static docs site (git-ignored `site/`): an index of every vendor and one API
// reference page per vendor rendered by redocly's build-docs from the bundled contract. Each job
// lifecycle is drawn from the vendor's generated descriptor, the same data the client and the mock
// server run on.
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { readVendors } from "@vendorspec/scripts/vendors";
import { renderDocsIndex } from "./render-docs-index.mjs";

const run = promisify(execFile);
const redoclyBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../node_modules/.bin/redocly");

/**
 * @param {{ rootDir: string, outDir: string }} options
 * @returns {Promise<string[]>} files written, relative to outDir
 */
export async function buildDocsSite({ rootDir, outDir }) {
  const vendors = await readVendors(rootDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const docsVendors = [];
  for (const vendor of vendors) {
    const document = JSON.parse(await readFile(path.join(vendor.packageDir, "openapi.json"), "utf8"));
    // The package as built in this checkout (or the root VENDORSPEC_ROOT names), not a copy in node_modules.
    const { descriptor } = await import(pathToFileURL(path.join(vendor.packageDir, "index.js")).href);
    docsVendors.push({ name: vendor.name, packageName: vendor.packageName, document, job: descriptor?.job ?? null });
  }
  // Two at a time: each build-docs is a Node process; the machine has two cores.
  const queue = [...vendors];
  const worker = async () => {
    for (let vendor = queue.shift(); vendor; vendor = queue.shift()) {
      await run(redoclyBin, ["build-docs", path.join(vendor.packageDir, "openapi.json"), "-o", path.join(outDir, `${vendor.name}.html`)], {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      });
    }
  };
  await Promise.all([worker(), worker()]);
  await writeFile(path.join(outDir, "index.html"), renderDocsIndex(docsVendors));
  return ["index.html", ...vendors.map((v) => `${v.name}.html`)];
}
