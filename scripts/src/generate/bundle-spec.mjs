// @ts-check
// Bundles a multi-file spec into one document with redocly, resolving every external $ref, so the
// published openapi.json is self-contained and moving a schema behind a $ref changes nothing.
import { bundle } from "@redocly/openapi-core";

/**
 * @param {string} specPath absolute path
 * @param {import("@redocly/openapi-core").Config} config
 * @param {import("@redocly/openapi-core").BaseResolver} [resolver] the one the lint step used
 * @returns {Promise<OpenApiDocument>}
 */
export async function bundleSpec(specPath, config, resolver) {
  const result = await bundle({ ref: specPath, config, ...(resolver ? { externalRefResolver: resolver } : {}) });
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
