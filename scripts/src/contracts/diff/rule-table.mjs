// @ts-check
// What a rule is: a stable id, the class of change it reports (what it does to a consumer's
// TypeScript build or runtime) and a one-line title. Each comparator owns a table of these.

/** @typedef {"breaking" | "non-breaking" | "docs-only"} ChangeClass */
/** @typedef {{ class: ChangeClass, title: string }} Rule */
/** @typedef {Record<string, Rule>} RuleTable */
/** @typedef {"request" | "response"} Direction */

/** @type {Record<ChangeClass, number>} */
export const CLASS_RANK = { "docs-only": 0, "non-breaking": 1, breaking: 2 };

/**
 * A rule for each direction of a schema change. What a request may carry and what a response may
 * hold move in opposite directions: a request that accepts more is safe, a response that may
 * hold more breaks the reader, so "relaxed" breaks responses and "tightened" breaks requests.
 * @param {string} aspect e.g. "max-length"
 * @param {string} what   e.g. "maxLength"
 * @returns {RuleTable}
 */
export function directionalRules(aspect, what) {
  return {
    [`request-${aspect}-tightened`]: { class: "breaking", title: `request ${what} tightened (rejects values it accepted)` },
    [`request-${aspect}-relaxed`]: { class: "non-breaking", title: `request ${what} relaxed` },
    [`response-${aspect}-tightened`]: { class: "non-breaking", title: `response ${what} tightened (returns a subset)` },
    [`response-${aspect}-relaxed`]: { class: "breaking", title: `response ${what} relaxed (may return values a reader never saw)` },
  };
}
