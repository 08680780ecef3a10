// @ts-check
// Every file of one vendor's package (and its client entry), rendered in memory from the bundled
// spec. The heavy half of the generator (redocly, openapi-typescript, TypeScript): generate.mjs
// loads it only when a vendor is not served from the generation cache.
import path from "node:path";
import { statusBodySchema } from "../model/job-declaration.mjs";
import { createSpecModel } from "../model/spec-model.mjs";
import { buildVendorDescriptor } from "../model/vendor-descriptor.mjs";
import { bundleSpec } from "./bundle-spec.mjs";
import { compileTypes } from "./compile-types.mjs";
import { readIfExists } from "./package-files.mjs";
import { ARAZZO_FILE, renderArazzo } from "./render-arazzo.mjs";
import { renderDescriptorDts, renderIndexJs } from "./render-descriptor.mjs";
import { renderPackageJson, renderTurboJson } from "./render-package-json.mjs";
import { renderReadme } from "./render-readme.mjs";
import { renderClientEntry } from "./render-workspace-files.mjs";

/** @typedef {import("../model/vendors.mjs").Vendor} Vendor */

/**
 * Every file of packages/<vendor>, rendered in memory.
 * @param {Vendor} vendor
 * @param {import("@redocly/openapi-core").Config} config
 * @param {string} license
 * @param {import("@redocly/openapi-core").BaseResolver} resolver
 */
export async function renderPackage(vendor, config, license, resolver) {
  const document = await bundleSpec(vendor.specPath, config, resolver);
  const existing = await readIfExists(path.join(vendor.packageDir, "package.json"));
  const existingVersion = existing ? JSON.parse(existing).version : undefined;
  const descriptor = buildVendorDescriptor(vendor, document);
  const model = createSpecModel(document);
  const statusOp = descriptor.job ? model.byId.get(descriptor.job.statusOperation) : undefined;
  const statusBody = statusOp ? statusBodySchema(model, statusOp) : undefined;
  const arazzo = renderArazzo(vendor, document, descriptor);
  return {
    descriptor,
    // specs/<vendor>/jobs.arazzo.yaml; no entry when no start links to the status operation.
    specFiles: new Map(arazzo.text === undefined ? [] : [[ARAZZO_FILE, arazzo.text]]),
    specNotes: arazzo.warnings,
    packageFiles: new Map([
      ["package.json", renderPackageJson(vendor, document, existingVersion)],
      ["turbo.json", renderTurboJson(vendor)],
      ["README.md", renderReadme(vendor, document)],
      ["LICENSE", license],
      ["index.d.ts", `${await compileTypes(document, vendor)}${renderDescriptorDts(descriptor)}`],
      ["index.js", renderIndexJs(vendor, descriptor)],
      ["openapi.json", `${JSON.stringify(document, null, 2)}\n`],
    ]),
    clientFiles: new Map([
      [
        `${vendor.name}.ts`,
        renderClientEntry(
          vendor,
          descriptor,
          statusBody?.mediaType ? { status: statusBody.status, mediaType: statusBody.mediaType } : undefined,
        ),
      ],
    ]),
  };
}
