// Every example in every spec, and every example body from the vendors' own docs (seed pages),
// validates against the generated openapi.json: a second check besides redocly's lint, using the
// same validator (ajv, draft 2020-12) as the mock server.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createSpecValidator, describeErrors } from "@vendorspec/mock-server";
import { findRepoRoot } from "@vendorspec/scripts/repo-root";
import { readVendors } from "@vendorspec/scripts/vendors";
import { describe, expect, test } from "vitest";
import { collectExamples } from "./spec-examples.js";

const rootDir = findRepoRoot();
const vendors = await readVendors(rootDir);

interface SeedExample {
  operationId: string;
  kind: "request" | "response";
  status?: string;
  mediaType: string;
  body: unknown;
  source: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed spec is walked by key; redocly checked its shape, these types cannot
type Node = Record<string, any>;

function findOperation(document: Node, operationId: string): Node | undefined {
  for (const item of Object.values<Node>(document.paths ?? {})) {
    for (const operation of Object.values<Node>(item)) {
      if (operation && typeof operation === "object" && operation.operationId === operationId) return operation;
    }
  }
  return undefined;
}

describe.each(vendors.map((v) => [v.name, v] as const))("%s", (name, vendor) => {
  const loadDocument = async () => JSON.parse(await readFile(path.join(vendor.packageDir, "openapi.json"), "utf8")) as Node;

  test("every example in the spec validates against its schema", async () => {
    const document = await loadDocument();
    const examples = collectExamples(document);
    expect(examples.length).toBeGreaterThan(0);
    const validator = createSpecValidator(document, name);
    const failures = examples
      .map((e) => ({ where: e.where, errors: validator.validate(e.schema, e.value) }))
      .filter((r) => r.errors)
      .map((r) => `${r.where}: ${describeErrors(r.errors)}`);
    expect(failures).toEqual([]);
  });

  // A vendor just scaffolded by `pnpm new-vendor` has no docs bodies collected yet.
  const seedsPath = path.join(path.dirname(vendor.specPath), "seed-examples.json");
  test.skipIf(!existsSync(seedsPath))(
    "every example body from the vendor's docs validates against the generated openapi.json",
    async () => {
      const document = await loadDocument();
      const seeds = JSON.parse(await readFile(seedsPath, "utf8")) as SeedExample[];
      expect(seeds.length).toBeGreaterThan(0);
      const validator = createSpecValidator(document, name);
      for (const seed of seeds) {
        const operation = findOperation(document, seed.operationId);
        expect(operation, `${seed.source}: no operation ${seed.operationId}`).toBeDefined();
        const content = seed.kind === "request" ? operation?.requestBody?.content : operation?.responses?.[seed.status ?? ""]?.content;
        const schema = content?.[seed.mediaType]?.schema;
        expect(schema, `${seed.source}: ${seed.operationId} has no ${seed.kind} ${seed.status ?? ""} ${seed.mediaType}`).toBeDefined();
        const errors = validator.validate(schema, seed.body);
        expect(errors, `${seed.source} → ${seed.operationId} ${seed.kind} ${seed.status ?? ""}: ${describeErrors(errors)}`).toBeNull();
      }
    },
  );
});

test("the validator rejects a body that breaks its schema (the checks above can fail)", async () => {
  const document = { components: { schemas: { Job: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } } };
  const validator = createSpecValidator(document, "probe");
  expect(validator.validate({ $ref: "#/components/schemas/Job" }, { id: "1" })).toBeNull();
  expect(validator.validate({ $ref: "#/components/schemas/Job" }, { id: 1 })).not.toBeNull();
  expect(validator.validate({ $ref: "#/components/schemas/Job" }, {})).not.toBeNull();
});

test("the four documented vendors each have their docs' example bodies", () => {
  for (const name of ["lettrlabs", "leadsygroup", "apptus-esales", "docutray"]) {
    expect(existsSync(path.join(rootDir, "specs", name, "seed-examples.json")), name).toBe(true);
  }
});
