// @ts-check
// The responses of one operation: statuses, then each kept response's headers and media types.
import { escapeSegment } from "../../model/json-pointer.mjs";
import { compareContent } from "./compare-content.mjs";
import { compareHeaders } from "./compare-headers.mjs";
import { isObject } from "./is-object.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
  "success-status-removed": { class: "breaking", title: "success status removed" },
  "non-success-status-removed": { class: "non-breaking", title: "error or default response no longer documented" },
  "response-status-added": { class: "non-breaking", title: "response status added" },
};

/** 2xx, 2XX: the outcomes a caller's success path reads. @param {string} status */
const isSuccess = (status) => /^2(\d\d|XX)$/i.test(status);

/**
 * @param {WalkContext} ctx
 * @param {unknown} rawA responses of the base operation
 * @param {unknown} rawB responses of the revision operation
 * @param {{ pointer: string, place: string }} at the operation
 */
export function compareResponses(ctx, rawA, rawB, at) {
  const ra = isObject(rawA) ? rawA : {};
  const rb = isObject(rawB) ? rawB : {};
  for (const status of Object.keys(ra)) {
    const pointer = `${at.pointer}/responses/${escapeSegment(status)}`;
    const place = `${at.place} response ${status}`;
    if (!Object.hasOwn(rb, status)) {
      ctx.add(isSuccess(status) ? "success-status-removed" : "non-success-status-removed", pointer, `${place} removed`);
      continue;
    }
    const [a, b] = [ctx.A(ra[status]) ?? {}, ctx.B(rb[status]) ?? {}];
    ctx.docs(a, b, pointer, place);
    compareHeaders(ctx, a, b, { pointer, place });
    compareContent(ctx, a, b, { pointer, direction: "response", place });
  }
  for (const status of Object.keys(rb))
    if (!Object.hasOwn(ra, status))
      ctx.add("response-status-added", `${at.pointer}/responses/${escapeSegment(status)}`, `${at.place} response ${status} added`);
}
