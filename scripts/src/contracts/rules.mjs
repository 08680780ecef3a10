// @ts-check
// Every kind of contract change the gate knows, with its class: what it does to a consumer's
// TypeScript build or runtime. "breaking" needs a major bump (minor below 1.0.0).

/** @typedef {"breaking" | "non-breaking" | "docs-only"} ChangeClass */

/** @type {Record<string, { class: ChangeClass, title: string }>} */
export const RULES = {
  "operation-removed": { class: "breaking", title: "operation or path removed" },
  "operation-id-changed": { class: "breaking", title: "operationId changed (it keys `operations[...]`)" },
  "success-status-removed": { class: "breaking", title: "success status removed" },
  "media-type-removed": { class: "breaking", title: "media type removed" },
  "required-parameter-added": { class: "breaking", title: "required request parameter added" },
  "parameter-became-required": { class: "breaking", title: "parameter became required" },
  "request-parameter-removed": { class: "breaking", title: "request parameter removed" },
  "required-property-added": { class: "breaking", title: "required request property added" },
  "property-became-required": { class: "breaking", title: "request property became required" },
  "request-property-removed": { class: "breaking", title: "request property removed" },
  "type-changed": { class: "breaking", title: "request or response type changed" },
  "request-enum-value-removed": { class: "breaking", title: "request enum value removed" },
  "response-property-removed": { class: "breaking", title: "response property removed" },
  "response-property-became-optional": { class: "breaking", title: "response property became optional" },
  "response-property-became-nullable": { class: "breaking", title: "response property became nullable" },
  "response-enum-value-added": { class: "breaking", title: "response enum value added (breaks an exhaustive switch)" },
  "request-constraint-tightened": { class: "breaking", title: "request max length decreased, pattern added or changed, or range narrowed" },
  "security-changed": { class: "breaking", title: "security requirement changed" },
  "request-body-became-required": { class: "breaking", title: "request body became required" },
  "operation-added": { class: "non-breaking", title: "operation added" },
  "optional-parameter-added": { class: "non-breaking", title: "optional parameter added" },
  "optional-property-added": { class: "non-breaking", title: "optional request property added" },
  "response-property-added": { class: "non-breaking", title: "response property added" },
  "response-status-added": { class: "non-breaking", title: "response status added" },
  "media-type-added": { class: "non-breaking", title: "media type added" },
  "request-enum-value-added": { class: "non-breaking", title: "request enum value added" },
  "response-enum-value-removed": { class: "non-breaking", title: "response enum value removed" },
  "request-type-widened": { class: "non-breaking", title: "request type widened (e.g. now nullable)" },
  "request-constraint-relaxed": { class: "non-breaking", title: "request constraint relaxed" },
  "parameter-became-optional": { class: "non-breaking", title: "parameter became optional" },
  "job-declaration-removed": { class: "breaking", title: "job declaration removed or moved to another operation" },
  "job-word-remapped": { class: "breaking", title: "status word mapped to a different job state" },
  "job-word-removed": { class: "breaking", title: "status word (or no-such-job word) removed from the job declaration" },
  "job-pointer-changed": { class: "breaking", title: "job declaration reads the status, id, message, progress or result elsewhere" },
  "job-match-changed": { class: "breaking", title: "status words matched differently (exact / case-insensitive)" },
  "job-start-removed": { class: "breaking", title: "start operation no longer links to the status operation" },
  "job-declaration-added": { class: "non-breaking", title: "job declared" },
  "job-word-added": { class: "non-breaking", title: "status word mapped" },
  "job-start-added": { class: "non-breaking", title: "start operation links to the status operation" },
  "job-poll-changed": { class: "non-breaking", title: "documented poll interval or longest duration changed" },
  "docs-changed": { class: "docs-only", title: "summary, description or example changed" },
};

/** @type {Record<ChangeClass, number>} */
export const CLASS_RANK = { "docs-only": 0, "non-breaking": 1, breaking: 2 };

/**
 * A list of changes and the one way to add to it: by rule id, whose class comes from RULES.
 * @returns {{ changes: import("./diff-specs.mjs").Change[], add: (rule: string, pointer: string, message: string) => void }}
 */
export function createChangeList() {
  /** @type {import("./diff-specs.mjs").Change[]} */
  const changes = [];
  const add = (/** @type {string} */ rule, /** @type {string} */ pointer, /** @type {string} */ message) => {
    const known = RULES[rule];
    if (!known) throw new Error(`unknown rule ${rule}`);
    changes.push({ rule, class: known.class, pointer, message });
  };
  return { changes, add };
}
