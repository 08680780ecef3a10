// @ts-check
// The one resolver every reading of a spec goes through (lint, bundle, generate), so they can never
// disagree about which files a spec may pull in: only files inside the root file's folder, each
// within the size and YAML-alias bounds, together within the bundle's size bound, and never
// anything over the network.
import path from "node:path";
import { BaseResolver } from "@redocly/openapi-core";
import { refusedRefReason } from "./ref-confinement.mjs";
import { checkSpecFileLimits, formatLimit, MAX_BUNDLE_BYTES, MAX_SPEC_FILE_BYTES, SpecLimitError } from "./spec-limits.mjs";

/** A $ref the resolver would not follow; its message is the one the lint rule reports. */
export class RefusedRefError extends Error {}

class ConfinedSpecResolver extends BaseResolver {
  /** @type {string | undefined} folder of the root file; set by the first root read */
  specDir;
  /** Bytes of every file read so far (root and $refs): the size of what a bundle inlines. */
  bytesRead = 0;

  /**
   * @param {import("@redocly/openapi-core").Config["resolve"]} resolve
   * @param {number} maxFileBytes
   */
  constructor(resolve, maxFileBytes) {
    super(resolve);
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * redocly reads the root with `base` null, then each external $ref with the file holding it.
   * @override
   * @template [T=unknown]
   * @param {string | null} base @param {string} ref @param {boolean} [isRoot]
   * @returns {Promise<import("@redocly/openapi-core").Document<T> | import("@redocly/openapi-core").ResolveError | import("@redocly/openapi-core").YamlParseError>}
   */
  async resolveDocument(base, ref, isRoot = false) {
    if (base === null) this.specDir = path.dirname(path.resolve(ref));
    else {
      const reason = refusedRefReason(ref, base, this.specDir ?? path.dirname(base));
      if (reason) throw new RefusedRefError(reason);
    }
    return /** @type {any} */ (super.resolveDocument(base, ref, isRoot));
  }

  /** @override @param {string} absoluteRef */
  async loadExternalRef(absoluteRef) {
    // Defence in depth: resolveDocument already refused URLs; nothing here may fetch.
    if (!path.isAbsolute(absoluteRef)) throw new RefusedRefError(`$ref "${absoluteRef}" is a URL and is never fetched`);
    // The files of one spec add up to its bundle: refused here, lint and generate agree on it
    // (bundle-spec.mjs still measures the JSON it writes). The resolver reads each file once.
    this.bytesRead += await checkSpecFileLimits(absoluteRef, this.maxFileBytes);
    if (this.bytesRead > MAX_BUNDLE_BYTES)
      throw new SpecLimitError(
        `the spec's files add up to ${this.bytesRead} bytes with ${path.basename(absoluteRef)}, over the ${formatLimit(MAX_BUNDLE_BYTES)} limit for the bundled document; split the contract or trim what clients do not need`,
        { file: absoluteRef, ruleId: "bundle-too-large" },
      );
    return super.loadExternalRef(absoluteRef);
  }
}

/**
 * One resolver per spec: it remembers the spec's folder and caches the files it read.
 * @param {import("@redocly/openapi-core").Config} config
 * @param {{ maxFileBytes?: number }} [options] per-file cap, MAX_SPEC_FILE_BYTES by default
 * @returns {BaseResolver}
 */
export function createSpecResolver(config, { maxFileBytes = MAX_SPEC_FILE_BYTES } = {}) {
  return new ConfinedSpecResolver(config.resolve, maxFileBytes);
}
