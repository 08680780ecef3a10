// Pure logic of status mapping by a declared vocabulary (exact, or case-insensitive for vendors that
// publish none), and of keeping ids exact when a server sends them as bare numbers.
import { descriptor as leadsygroup } from "@vendorspec/leadsygroup";
import { describe, expect, test } from "vitest";
import { isNotFoundWord, mapStatusWord, quoteNumericKey } from "../src/core/status-words.js";

describe("case-insensitive vocabulary (LeadsyGroup's declared common words)", () => {
  const vocabulary = leadsygroup.job;
  test.each([
    ["pending", "queued"],
    ["Queued", "queued"],
    ["WAITING", "queued"],
    ["processing", "running"],
    ["In Progress", "running"],
    ["in_progress", "running"],
    ["running", "running"],
    ["completed", "succeeded"],
    ["Done", "succeeded"],
    ["finished", "succeeded"],
    ["SUCCESS", "succeeded"],
    ["failed", "failed"],
    ["Error", "failed"],
    ["cancelled", "cancelled"],
    ["canceled", "cancelled"],
    ["ABORTED", "cancelled"],
    ["validating", "unknown"],
    ["", "unknown"],
  ] as const)("%j → %s", (word, state) => {
    expect(mapStatusWord(vocabulary, word)).toBe(state);
  });

  test("a statusMap overrides the declared words, case-insensitively", () => {
    expect(mapStatusWord(vocabulary, "Validating", { validating: "running" })).toBe("running");
    expect(mapStatusWord(vocabulary, "done", { DONE: "failed" })).toBe("failed");
    expect(mapStatusWord(vocabulary, "completed", { validating: "running" })).toBe("succeeded");
  });
});

describe("exact vocabulary", () => {
  const vocabulary = { match: "exact", states: { SUCCESS: "succeeded" }, notFound: ["NOT_FOUND"] } as const;
  test("maps exact published words and leaves others, other cases included, unknown", () => {
    expect(mapStatusWord(vocabulary, "SUCCESS")).toBe("succeeded");
    expect(mapStatusWord(vocabulary, "success")).toBe("unknown");
    expect(mapStatusWord(vocabulary, "REVIEW")).toBe("unknown");
    expect(mapStatusWord(vocabulary, "REVIEW", { review: "running" })).toBe("running");
  });

  test("a word inherited from Object.prototype is not a state", () => {
    expect(mapStatusWord(vocabulary, "constructor")).toBe("unknown");
  });

  test("notFound words match the way states do", () => {
    expect(isNotFoundWord(vocabulary, "NOT_FOUND")).toBe(true);
    expect(isNotFoundWord(vocabulary, "not_found")).toBe(false);
    expect(isNotFoundWord({ match: "case-insensitive", notFound: ["NOT_FOUND"] }, "not found")).toBe(true);
  });
});

describe("quoteNumericKey", () => {
  test("keeps every digit of a bare-number id", () => {
    const parsed = JSON.parse(quoteNumericKey('{"id": 18446744073709551615, "reason": null, "status": "SUCCESS"}', "id"));
    expect(parsed.id).toBe("18446744073709551615");
  });
  test("leaves quoted ids, other numbers and ids inside strings alone", () => {
    const text = '{"id":"5537431447739019570","count":12,"reason":"\\"id\\": 3"}';
    expect(quoteNumericKey(text, "id")).toBe(text);
  });
  test("quotes only the declared key", () => {
    expect(quoteNumericKey('{"job_id": 12, "id": 3}', "job_id")).toBe('{"job_id": "12", "id": 3}');
  });
});
