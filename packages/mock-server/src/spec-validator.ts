// Validates values against schemas inside a bundled OpenAPI 3.1 document with ajv (JSON Schema
// draft 2020-12, OpenAPI 3.1's dialect). Refs like `#/components/schemas/X` resolve against the
// document, so an inline media-type schema validates exactly as the spec means it.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface SpecValidator {
  validate(schema: object, value: unknown): ErrorObject[] | null;
}

export function createSpecValidator(document: { components?: object }, name: string): SpecValidator {
  const base = `urn:vendorspec:${name}`;
  // OpenAPI adds keywords JSON Schema does not know (example, discriminator, xml, x-*);
  // redocly's struct rule already rejects misspelled keywords, so ajv need not be strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: base, components: document.components ?? {} });
  const cache = new WeakMap<object, ValidateFunction>();
  const absolutize = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(absolutize);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === "$ref" && typeof value === "string" && value.startsWith("#") ? `${base}${value}` : absolutize(value),
      ]),
    );
  };
  return {
    validate(schema, value) {
      let validate = cache.get(schema);
      if (!validate) {
        validate = ajv.compile(absolutize(schema) as object);
        cache.set(schema, validate);
      }
      return validate(value) ? null : (validate.errors ?? []);
    },
  };
}

export const describeErrors = (errors: ErrorObject[] | null) =>
  (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("; ");
