// The index's deprecation notes, from the descriptor's per-operation `deprecated`/`sunset` and the
// API's `sunset` (info.x-sunset): an operation's own date wins, the API's covers the rest.
import { describe, expect, test } from "vitest";
import { renderDocsIndex } from "../src/render-docs-index.mjs";

const document = {
  openapi: "3.1.0",
  info: { title: "Example API", version: "1.0.0", "x-vendor-docs-url": "https://example.test/docs" },
  paths: {
    "/things": { get: { operationId: "listThings", summary: "List things", responses: {} } },
    "/things/{id}": { delete: { operationId: "deleteThing", summary: "Delete a thing", responses: {} } },
  },
};

type Operations = Record<string, { deprecated?: true; sunset?: string }>;

/** The index's table row of one operation. */
const rowOf = (html: string, operationId: string) => html.split("<tr>").find((row) => row.includes(`<code>${operationId}</code>`)) ?? "";

describe("renderDocsIndex: deprecation", () => {
  test.each([
    ["nothing deprecated", { operations: {}, sunset: undefined, want: { listThings: undefined, deleteThing: undefined } }],
    [
      "an operation deprecated without a date",
      {
        operations: { deleteThing: { deprecated: true } },
        sunset: undefined,
        want: { listThings: undefined, deleteThing: "deprecated (no sunset date)" },
      },
    ],
    [
      "an operation with its own x-sunset",
      {
        operations: { deleteThing: { deprecated: true, sunset: "2025-06-30" } },
        sunset: undefined,
        want: { listThings: undefined, deleteThing: 'sunset <time datetime="2025-06-30">' },
      },
    ],
    [
      "the API's info.x-sunset, overridden by an operation's own date",
      {
        operations: { deleteThing: { sunset: "2025-06-30" } },
        sunset: "2026-12-31",
        want: { listThings: 'sunset <time datetime="2026-12-31">', deleteThing: 'sunset <time datetime="2025-06-30">' },
      },
    ],
  ] as Array<[string, { operations: Operations; sunset: string | undefined; want: Record<string, string | undefined> }]>)(
    "%s",
    (_name, { operations, sunset, want }) => {
      const html = renderDocsIndex([{ name: "example", packageName: "@vendorspec/example", document, job: null, sunset, operations }]);
      for (const [operationId, note] of Object.entries(want)) {
        const row = rowOf(html, operationId);
        expect(row, operationId).not.toBe("");
        if (note === undefined) expect(row, operationId).not.toContain("deprecated");
        else expect(row, operationId).toContain(note);
      }
      // The API's date is on the vendor (banner and list), not only on its operations.
      expect(html.includes('<p class="sunset">'), "banner").toBe(sunset !== undefined);
      if (sunset !== undefined) expect(html).toMatch(new RegExp(`<li>.*deprecated, sunset <time datetime="${sunset}">`));
    },
  );
});
