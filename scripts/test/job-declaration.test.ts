// The job-declaration lint rule (vendorspec/job-declaration), table-driven on mutated copies of the
// real Docutray spec: each mistake fails `pnpm lint:specs` with a located error that names the
// thing to fix, and the unchanged spec is clean.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { makeTempRoot, removeRoot, repoRoot, runCli } from "./temp-root.js";

const docutray = await readFile(path.join(repoRoot, "specs/docutray/openapi.yaml"), "utf8");
const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));

/** Replaces exactly one occurrence, so a case cannot silently stop applying. */
function edit(source: string, from: string, to: string): string {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

const STATES = "          SUCCESS: succeeded\n";
const ENUM_END = "        - SUCCESS\n        - ERROR\n";

const CASES: Array<[name: string, mutate: (spec: string) => string, message: RegExp]> = [
  [
    "a word added to the status enum only",
    (s) => edit(s, ENUM_END, `${ENUM_END}        - REVIEW\n`),
    /status word "REVIEW" of the status enum is not mapped/,
  ],
  [
    "a mapped word the enum does not have",
    (s) => edit(s, STATES, `${STATES}          DONE: succeeded\n`),
    /mapped status word "DONE" is not in the status enum/,
  ],
  [
    "a state that is not a job state",
    (s) => edit(s, "          PROCESSING: running\n", "          PROCESSING: busy\n"),
    /states\.PROCESSING must be equal to one of the allowed values/,
  ],
  [
    "a pointer that does not resolve",
    (s) => edit(s, "        result: /data\n", "        result: /payload/data\n"),
    /result pointer `\/payload\/data` does not resolve in the 200 response schema of getConversionStatus/,
  ],
  [
    "an unknown key",
    (s) => edit(s, "        match: exact\n", "        match: exact\n        matching: loose\n"),
    /must NOT have additional properties \(`matching`\)/,
  ],
  [
    "an id parameter the operation lacks",
    (s) => edit(s, "        idParameter: conversion_id\n", "        idParameter: id\n"),
    /idParameter `id` is not a path or query parameter of getConversionStatus/,
  ],
  [
    "no word meaning success",
    (s) => edit(s, STATES, ""),
    /status word "SUCCESS" of the status enum is not mapped|maps no word to `succeeded`/,
  ],
  [
    "a link to an operation that does not exist",
    (s) => edit(s, "              operationId: getConversionStatus\n", "              operationId: getConversion\n"),
    /link `jobStatus` names operation `getConversion`, which does not exist/,
  ],
  [
    "a link passing an unknown parameter",
    (s) =>
      edit(
        s,
        "                conversion_id: $response.body#/conversion_id\n",
        "                conversionId: $response.body#/conversion_id\n",
      ),
    /passes `conversionId`, which is not a parameter of getConversionStatus/,
  ],
  [
    "a link whose id is not in the response",
    (s) => edit(s, "$response.body#/conversion_id", "$response.body#/id"),
    /`\/id` does not resolve in the 200 response schema of startConversion/,
  ],
  [
    "a link that does not pass the id from the body",
    (s) => edit(s, "$response.body#/conversion_id", "$request.path.id"),
    /must pass `conversion_id` as `\$response\.body#\/<pointer to the job id>`/,
  ],
];

describe("vendorspec/job-declaration", () => {
  test("the real spec is clean", async () => {
    const root = await makeTempRoot({ docutray });
    roots.push(root);
    const result = await runCli("lint-specs-cli.mjs", ["docutray"], root);
    expect(result.code, result.stdout).toBe(0);
  });

  test.each(CASES)("%s fails lint with a located error", async (_, mutate, message) => {
    const root = await makeTempRoot({ docutray: mutate(docutray) });
    roots.push(root);
    const result = await runCli("lint-specs-cli.mjs", ["docutray"], root);
    expect(result.code).toBe(1);
    const line = result.stdout.split("\n").find((l) => message.test(l));
    expect(line, result.stdout).toMatch(/^specs\/docutray\/openapi\.yaml:\d+:\d+ {2}error {2}vendorspec\/job-declaration {2}/);
    // The location points into the spec, not at its first line.
    expect(Number(line?.split(":")[1])).toBeGreaterThan(1);
  });
});
