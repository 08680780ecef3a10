// @ts-check
// The state one diff shares across its comparators: both documents with their $ref resolvers, the
// change list every rule adds to, and the "where" of each change (a JSON pointer for machines and a
// place such as "POST /jobs request body (application/json)" for people).
import { localResolver } from "../../model/spec-model.mjs";
import { RULES } from "./rules.mjs";

/** @typedef {import("./rule-table.mjs").ChangeClass} ChangeClass */
/** @typedef {{ rule: string, class: ChangeClass, pointer: string, message: string }} Change */

/** Fields that only document; a change there is docs-only. */
const DOC_KEYS = ["description", "summary", "example", "examples", "title", "externalDocs", "tags"];

/**
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @param {{ now?: number }} [options] `now` decides whether a sunset date has passed
 */
export function createWalkContext(before, after, options = {}) {
  /** @type {Change[]} */
  const changes = [];
  /** @param {string} rule @param {string} pointer @param {string} message */
  const add = (rule, pointer, message) => {
    const known = RULES[rule];
    if (!known) throw new Error(`unknown contract rule ${rule}`);
    changes.push({ rule, class: known.class, pointer, message });
  };
  /** Adds one docs-only change when any documenting field differs. @param {any} a @param {any} b @param {string} pointer @param {string} place */
  const docs = (a, b, pointer, place) => {
    for (const key of DOC_KEYS) {
      if (JSON.stringify(a?.[key]) !== JSON.stringify(b?.[key])) {
        add("docs-changed", `${pointer}/${key}`, `${place}: ${key} changed`);
        return;
      }
    }
  };
  return {
    before,
    after,
    changes,
    add,
    docs,
    /** Resolves a local $ref of the base document. */
    A: localResolver(before),
    /** Resolves a local $ref of the revision document. */
    B: localResolver(after),
    now: options.now ?? Date.now(),
  };
}

/** @typedef {ReturnType<typeof createWalkContext>} WalkContext */
