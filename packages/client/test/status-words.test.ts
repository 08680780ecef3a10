// Pure logic of status mapping for vendors without a published vocabulary, and of keeping Apptus ids
// exact when a server sends them as bare numbers.
import { describe, expect, test } from "vitest";
import { mapCommonStatusWord, mapPublishedStatusWord } from "../src/core/status-words.js";
import { quoteNumericIds } from "../src/vendors/apptus-esales.js";

describe("mapCommonStatusWord", () => {
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
    expect(mapCommonStatusWord(word)).toBe(state);
  });

  test("a statusMap overrides the common words, case-insensitively", () => {
    expect(mapCommonStatusWord("Validating", { validating: "running" })).toBe("running");
    expect(mapCommonStatusWord("done", { DONE: "failed" })).toBe("failed");
    expect(mapCommonStatusWord("completed", { validating: "running" })).toBe("succeeded");
  });
});

describe("mapPublishedStatusWord", () => {
  const table = { SUCCESS: "succeeded" } as const;
  test("maps exact published words and leaves others unknown", () => {
    expect(mapPublishedStatusWord(table, "SUCCESS")).toBe("succeeded");
    expect(mapPublishedStatusWord(table, "REVIEW")).toBe("unknown");
    expect(mapPublishedStatusWord(table, "REVIEW", { review: "running" })).toBe("running");
  });
});

describe("quoteNumericIds", () => {
  test("keeps every digit of a bare-number id", () => {
    const parsed = JSON.parse(quoteNumericIds('{"id": 18446744073709551615, "reason": null, "status": "SUCCESS"}'));
    expect(parsed.id).toBe("18446744073709551615");
  });
  test("leaves quoted ids, other numbers and ids inside strings alone", () => {
    const text = '{"id":"5537431447739019570","count":12,"reason":"\\"id\\": 3"}';
    expect(quoteNumericIds(text)).toBe(text);
  });
});
