// @ts-check
// `pnpm docs`: builds the static docs site (git-ignored `site/`): an index of every vendor and one API
// reference page per vendor rendered by redocly's build-docs from the bundled contract.
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as client from "@vendorspec/client";
import { renderDocsIndex } from "./render-docs-index.mjs";
import { readVendors } from "./vendors.mjs";

const run = promisify(execFile);
const redoclyBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../node_modules/.bin/redocly");

/** The client's vendor definitions by name: the lifecycle drawn is the mapping the client uses. */
const CLIENT_DEFINITIONS = new Map([client.docutray, client.apptusEsales, client.leadsygroup, client.lettrlabs].map((d) => [d.name, d]));

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
    const definition = CLIENT_DEFINITIONS.get(/** @type {any} */ (vendor.name));
    docsVendors.push({
      name: vendor.name,
      packageName: vendor.packageName,
      document,
      ...(definition ? { vocabulary: definition.statusVocabulary } : {}),
    });
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
