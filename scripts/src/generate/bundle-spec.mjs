// @ts-check
// Bundles a multi-file spec into one document with redocly, resolving every external $ref, so the
// published openapi.json is self-contained and moving a schema behind a $ref changes nothing.
import { bundle } from "@redocly/openapi-core";
import { formatLimit, MAX_BUNDLE_BYTES, SpecLimitError } from "../model/spec-limits.mjs";
import { createSpecResolver } from "../model/spec-resolver.mjs";

/**
 * @param {string} specPath absolute path
 * @param {import("@redocly/openapi-core").Config} config
 * @param {import("@redocly/openapi-core").BaseResolver} [resolver] the one the lint step used; by
 *   default a fresh confined one, never redocly's own (which would follow any URL)
 * @returns {Promise<OpenApiDocument>}
 */
export async function bundleSpec(specPath, config, resolver = createSpecResolver(config)) {
  const result = await bundle({ ref: specPath, config, externalRefResolver: resolver });
  // Files under the per-file cap can still add up; openapi.json is published and loaded by clients.
  const bytes = Buffer.byteLength(JSON.stringify(result.bundle.parsed));
  if (bytes > MAX_BUNDLE_BYTES)
    throw new SpecLimitError(
      `the bundled document is ${bytes} bytes of JSON, over the ${formatLimit(MAX_BUNDLE_BYTES)} limit; split the contract or trim what clients do not need`,
      { file: specPath, ruleId: "bundle-too-large" },
    );
  return /** @type {OpenApiDocument} */ (result.bundle.parsed);
}

/**
 * The parts of an OpenAPI 3.1 document the generator reads; everything else passes through.
 * @typedef {{
 *   openapi: string,
 *   info: { title: string, version: string, description?: string, "x-vendor-docs-url"?: string, [key: string]: unknown },
 *   servers?: Array<{ url: string, description?: string, variables?: Record<string, { default: string, description?: string, enum?: string[] }> }>,
 *   paths?: Record<string, Record<string, unknown>>,
 *   components?: { schemas?: Record<string, unknown>, [key: string]: unknown },
 *   [key: string]: unknown,
 * }} OpenApiDocument
 */
