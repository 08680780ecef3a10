// @ts-check
// Classifies changes to a spec's job declaration (`x-vendorspec-job` and the links to it) as the
// client's users feel them: a word remapped to another end state or removed changes what `jobs.wait`
// resolves with (breaking); a pointer moved makes the client read another field (breaking); a start
// link removed takes a path from `jobs.start` (breaking); new words, new starts and new poll advice
// only add (non-breaking).

import { findIdParameter, findStartOperations, findStatusOperations, JOB_EXTENSION } from "../../model/job-declaration.mjs";
import { escapeSegment } from "../../model/json-pointer.mjs";
import { createSpecModel } from "../../model/spec-model.mjs";

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
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
};

/** @param {any} document */
function readJob(document) {
  const model = createSpecModel(document);
  const op = findStatusOperations(model)[0];
  if (!op) return undefined;
  const declaration = op.operation[JOB_EXTENSION] ?? {};
  const idParameter = findIdParameter(op, declaration);
  let starts = /** @type {string[]} */ ([]);
  try {
    starts = idParameter
      ? findStartOperations(model, op, /** @type {{ name: string, in: string }} */ (idParameter)).map((s) => s.op.operationId)
      : [];
  } catch {
    // Contradictory links are a lint error; the diff reports what it can.
  }
  return { op, declaration, at: `${op.pointer}/${JOB_EXTENSION}`, starts };
}

/** The fields whose value is a place the client reads. */
const POINTERS = ["status", "id", "message", "result", "progress", "timestamps", "idParameter"];

/**
 * @param {WalkContext} ctx
 */
export function compareJobDeclaration(ctx) {
  const { add } = ctx;
  const a = readJob(ctx.before);
  const b = readJob(ctx.after);
  if (!a && !b) return;
  if (!a && b) {
    add("job-declaration-added", b.at, `${b.op.operationId} now declares the job (the client can await it)`);
    return;
  }
  if (a && !b) {
    add("job-declaration-removed", a.at, `${a.op.operationId} no longer declares the job`);
    return;
  }
  if (!a || !b) return;
  if (a.op.operationId !== b.op.operationId) {
    add("job-declaration-removed", b.at, `the status operation changed from ${a.op.operationId} to ${b.op.operationId}`);
    return;
  }
  const wordsA = /** @type {Record<string, string>} */ (a.declaration.states ?? {});
  const wordsB = /** @type {Record<string, string>} */ (b.declaration.states ?? {});
  for (const [word, state] of Object.entries(wordsA)) {
    const pointer = `${b.at}/states/${escapeSegment(word)}`;
    if (!Object.hasOwn(wordsB, word)) add("job-word-removed", `${b.at}/states`, `status word "${word}" (${state}) is no longer mapped`);
    else if (wordsB[word] !== state) add("job-word-remapped", pointer, `status word "${word}" now means ${wordsB[word]}, not ${state}`);
  }
  for (const [word, state] of Object.entries(wordsB)) {
    if (!Object.hasOwn(wordsA, word))
      add("job-word-added", `${b.at}/states/${escapeSegment(word)}`, `status word "${word}" is mapped to ${state}`);
  }
  const notFoundA = /** @type {string[]} */ (a.declaration.notFound ?? []);
  const notFoundB = /** @type {string[]} */ (b.declaration.notFound ?? []);
  for (const word of notFoundA)
    if (!notFoundB.includes(word)) add("job-word-removed", `${b.at}/notFound`, `"${word}" no longer means no such job`);
  for (const word of notFoundB) if (!notFoundA.includes(word)) add("job-word-added", `${b.at}/notFound`, `"${word}" now means no such job`);
  if ((a.declaration.match ?? "exact") !== (b.declaration.match ?? "exact")) {
    add("job-match-changed", `${b.at}/match`, `words are matched ${b.declaration.match ?? "exact"}, not ${a.declaration.match ?? "exact"}`);
  }
  for (const key of POINTERS) {
    if (JSON.stringify(a.declaration[key]) !== JSON.stringify(b.declaration[key])) {
      add(
        "job-pointer-changed",
        `${b.at}/${key}`,
        `${key} changed (${JSON.stringify(a.declaration[key])} → ${JSON.stringify(b.declaration[key])})`,
      );
    }
  }
  if (Boolean(a.declaration.preserveIdDigits) !== Boolean(b.declaration.preserveIdDigits)) {
    add("job-pointer-changed", `${b.at}/preserveIdDigits`, `preserveIdDigits is now ${Boolean(b.declaration.preserveIdDigits)}`);
  }
  if (JSON.stringify(a.declaration.poll ?? {}) !== JSON.stringify(b.declaration.poll ?? {})) {
    add(
      "job-poll-changed",
      `${b.at}/poll`,
      `poll advice changed (${JSON.stringify(a.declaration.poll ?? {})} → ${JSON.stringify(b.declaration.poll ?? {})})`,
    );
  }
  for (const start of a.starts)
    if (!b.starts.includes(start))
      add("job-start-removed", b.op.pointer, `${start} no longer links to ${b.op.operationId}: jobs.start loses its path`);
  for (const start of b.starts)
    if (!a.starts.includes(start))
      add("job-start-added", b.op.pointer, `${start} now links to ${b.op.operationId}: jobs.start accepts its path`);
}
