// What each x-unverified mark is about decides which answers can confirm it: a parameter is confirmed
// by a call that used it, a response by its status, a schema by the values at its places.
import { readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { describe, expect, test } from "vitest";
import { classifyGuesses } from "../src/classify-guesses.mjs";

const rootDir = findRepoRoot();
const bundled = (vendor: string) => JSON.parse(readFileSync(path.join(rootDir, "packages", vendor, "openapi.json"), "utf8"));

describe("classifyGuesses", () => {
  const lettrlabs = classifyGuesses(bundled("lettrlabs"));
  const byPointer = new Map(lettrlabs.map((g) => [g.pointer, g]));

  test("a shared parameter's schema is a request guess of every operation that uses it", () => {
    const guess = byPointer.get("/components/parameters/ConversionId/schema");
    expect(guess?.kind).toBe("request");
    expect(guess?.operations).toContain("getConversionStatus");
  });

  test("a shared response is a response guess at every (operation, status) that refers to it", () => {
    const guess = byPointer.get("/components/responses/NotFound");
    expect(guess?.kind).toBe("response");
    expect(guess?.responses.length).toBeGreaterThan(0);
    for (const use of guess?.responses ?? []) expect(use.status).toBe("404");
  });

  test("the job declaration, schemas in bodies and other marks", () => {
    expect(byPointer.get("/paths/~1v1~1conversions~1{id}~1status/get/x-vendorspec-job")?.kind).toBe("status-words");
    expect(lettrlabs.filter((g) => g.pointer.startsWith("/components/schemas/")).every((g) => g.kind === "schema")).toBe(true);
    const leadsy = classifyGuesses(bundled("leadsygroup"));
    expect(leadsy.find((g) => g.pointer === "/servers/0")?.kind).toBe("other");
    expect(leadsy.find((g) => g.pointer === "/components/securitySchemes/apiKey")?.kind).toBe("auth-scheme");
    expect(leadsy.find((g) => g.pointer.endsWith("/post/requestBody"))?.kind).toBe("request");
  });
});
