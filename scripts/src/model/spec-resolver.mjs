// @ts-check
// The one resolver every reading of a spec goes through (lint, bundle, generate), so they can never
// disagree about which files a spec may pull in.
import { BaseResolver } from "@redocly/openapi-core";

/**
 * @param {import("@redocly/openapi-core").Config} config
 * @returns {BaseResolver}
 */
export function createSpecResolver(config) {
  return new BaseResolver(config.resolve);
}
