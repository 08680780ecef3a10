// @ts-check
// vendorspec's redocly plugin (registered in redocly.yaml): rules a generic OpenAPI linter cannot
// know. `vendorspec/job-declaration` checks `x-vendorspec-job` and the links to it with the same code
// the generator builds the descriptor with, so a spec that lints clean always generates.
// `vendorspec/ref-confined` reports the $refs the shared resolver refuses (./ref-confined.mjs).

import { checkJobDeclaration } from "../model/job-declaration.mjs";
import { parsePointer } from "../model/json-pointer.mjs";
import { createSpecModel } from "../model/spec-model.mjs";
import { RefConfined } from "./ref-confined.mjs";

/**
 * The longest prefix of `segments` that exists in the root file as written, so a problem inside a
 * $ref'd node is reported at the $ref (a location the editor can open) rather than nowhere.
 * @param {any} root
 * @param {string[]} segments
 */
function existingPath(root, segments) {
  const found = [];
  let node = root;
  for (const segment of segments) {
    if (!node || typeof node !== "object" || !(segment in node)) break;
    found.push(segment);
    node = node[segment];
  }
  return found;
}

function JobDeclaration() {
  return {
    Root: {
      /** @param {any} root @param {any} ctx */
      leave(root, ctx) {
        const resolve = (/** @type {any} */ node) => (node && typeof node === "object" && "$ref" in node ? ctx.resolve(node).node : node);
        for (const problem of checkJobDeclaration(createSpecModel(root, resolve))) {
          ctx.report({ message: problem.message, location: ctx.location.child(existingPath(root, parsePointer(problem.pointer))) });
        }
      },
    },
  };
}

export default function vendorspecPlugin() {
  return {
    id: "vendorspec",
    rules: { oas3: { "job-declaration": JobDeclaration, "ref-confined": RefConfined } },
  };
}
