// @ts-check
// Names the generated types a regeneration changed, by comparing the bundled specs before and after:
// component schemas (the exported root types) and operations (keys of `operations`).
import { createSpecModel } from "../model/spec-model.mjs";

/**
 * @param {any} before bundled spec, or undefined for a first generation
 * @param {any} after
 * @returns {string[]} e.g. ["JobStatus (changed)", "ImportFile (added)", "operations.getJob (removed)"]
 */
export function diffTypeNames(before, after) {
  /** @param {any} doc */
  const schemas = (doc) => new Map(Object.entries(doc?.components?.schemas ?? {}).map(([k, v]) => [k, JSON.stringify(v)]));
  /** @param {any} doc */
  const operations = (doc) =>
    new Map(doc ? createSpecModel(doc).operations.map((o) => [`operations.${o.operationId}`, JSON.stringify(o.operation)]) : []);
  /** @type {string[]} */
  const changes = [];
  /** @param {Map<string, string>} left @param {Map<string, string>} right */
  const compare = (left, right) => {
    for (const [name, value] of right) {
      if (!left.has(name)) changes.push(`${name} (added)`);
      else if (left.get(name) !== value) changes.push(`${name} (changed)`);
    }
    for (const name of left.keys()) if (!right.has(name)) changes.push(`${name} (removed)`);
  };
  compare(schemas(before), schemas(after));
  compare(operations(before), operations(after));
  return changes;
}
