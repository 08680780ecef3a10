// @ts-check
// Rule `vendorspec/ref-confined`: every $ref (and example `externalValue`) must name a file inside
// the spec's own folder. The resolver refuses the same refs with the same words
// (model/ref-confinement.mjs); this rule is what puts them at the line of the offending $ref.
import path from "node:path";
import { refusedRefReason } from "../model/ref-confinement.mjs";

export function RefConfined() {
  /** @type {string | undefined} */
  let specDir;
  /**
   * @param {unknown} value @param {any} ctx @param {string} key
   */
  const check = (value, ctx, key) => {
    if (typeof value !== "string" || specDir === undefined) return;
    const reason = refusedRefReason(value, ctx.location.source.absoluteRef, specDir);
    if (reason) ctx.report({ message: reason, location: ctx.location.child([key]) });
  };
  return {
    Root: {
      /** @param {unknown} _ @param {any} ctx */
      enter(_, ctx) {
        specDir = path.dirname(ctx.location.source.absoluteRef);
      },
    },
    ref: {
      /** @param {any} node @param {any} ctx */
      enter(node, ctx) {
        check(node.$ref, ctx, "$ref");
      },
    },
    Example: {
      /** @param {any} node @param {any} ctx */
      enter(node, ctx) {
        check(node.externalValue, ctx, "externalValue");
      },
    },
  };
}
