// @ts-check
// Operations where the rules and the compiler disagree about whether a change breaks consumers:
// each signal checks the other, and a disagreement is where a rule is missing or too strict.
import { escapeSegment } from "../model/json-pointer.mjs";
import { createSpecModel } from "../model/spec-model.mjs";

/**
 * @param {any} after
 * @param {Array<{ class: string, rule: string, pointer: string }>} changes
 * @param {import("./type-compatibility.mjs").TypeBreak[]} typeBreaks
 */
export function findDisagreements(after, changes, typeBreaks) {
  const disagreements = [];
  for (const { operationId, method, path: route } of createSpecModel(after).operations) {
    const prefix = `/paths/${escapeSegment(route)}/${method}`;
    const byRules = changes.filter((c) => c.class === "breaking" && (c.pointer === prefix || c.pointer.startsWith(`${prefix}/`)));
    const byTypes = typeBreaks.filter((t) => t.operationId === operationId);
    if (byRules.length > 0 && byTypes.length === 0) {
      disagreements.push(
        `${operationId}: the rules say breaking (${[...new Set(byRules.map((c) => c.rule))].join(", ")}), the generated types stay compatible`,
      );
    } else if (byTypes.length > 0 && byRules.length === 0) {
      disagreements.push(`${operationId}: the generated types break (${byTypes[0]?.diagnostic}), no rule fired`);
    }
  }
  return disagreements;
}
