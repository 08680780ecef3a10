// @ts-check
// The request body of one operation: whether there is one, whether it is required, its media types.
import { compareContent } from "./compare-content.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
  "request-body-added-required": { class: "breaking", title: "required request body added" },
  "request-body-added-optional": { class: "non-breaking", title: "optional request body added" },
  "request-body-removed": { class: "breaking", title: "request body removed (callers still sending one fail to compile)" },
  "request-body-became-required": { class: "breaking", title: "request body became required" },
  "request-body-became-optional": { class: "non-breaking", title: "request body became optional" },
};

/**
 * @param {WalkContext} ctx
 * @param {unknown} rawA requestBody of the base operation (may be a $ref)
 * @param {unknown} rawB requestBody of the revision operation
 * @param {{ pointer: string, place: string }} at the operation
 */
export function compareRequestBody(ctx, rawA, rawB, at) {
  const a = ctx.A(rawA);
  const b = ctx.B(rawB);
  const pointer = `${at.pointer}/requestBody`;
  const place = `${at.place} request body`;
  if (!a && !b) return;
  if (!a && b)
    return ctx.add(
      b.required === true ? "request-body-added-required" : "request-body-added-optional",
      pointer,
      `${place} added${b.required === true ? " as required" : ""}`,
    );
  if (a && !b) return ctx.add("request-body-removed", pointer, `${place} removed`);
  if (a.required !== true && b.required === true)
    ctx.add("request-body-became-required", `${pointer}/required`, `${place} became required`);
  if (a.required === true && b.required !== true)
    ctx.add("request-body-became-optional", `${pointer}/required`, `${place} became optional`);
  ctx.docs(a, b, pointer, place);
  compareContent(ctx, a, b, { pointer, direction: "request", place });
}
