// A body for a documented response: the spec's own example when it has one, else a value built from
// the schema (required and optional properties, formats, enums). Either way the server validates it
// before sending, so a sample that drifted from the schema is caught, not served.
import { deref, type MediaTypeObject, type OpenApiDocument, type SchemaObject } from "./spec-document.js";

export function exampleOf(document: OpenApiDocument, media: MediaTypeObject | undefined): unknown {
  if (!media) return undefined;
  if ("example" in media) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  const example = deref(document, first);
  if (example && "value" in example) return example.value;
  return sampleFromSchema(document, media.schema);
}

const FORMAT_SAMPLES: Record<string, unknown> = {
  "date-time": "2026-01-15T10:30:00.000Z",
  date: "2026-01-15",
  email: "jane.doe@mail.test",
  uuid: "1cbad290-069a-4527-be23-a0c144b5302d",
  uri: "https://files.test/document.pdf",
  "uri-reference": "/files/document.pdf",
  binary: "file-content",
};

export function sampleFromSchema(document: OpenApiDocument, node: SchemaObject | undefined, depth = 0): unknown {
  const schema = deref(document, node);
  if (!schema || depth > 12) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleFromSchema(document, s, depth + 1)));
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return sampleFromSchema(document, alternatives[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
    case undefined: {
      if (!schema.properties) return {};
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties)) out[name] = sampleFromSchema(document, property, depth + 1);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleFromSchema(document, schema.items, depth + 1));
    case "integer":
      return Math.max(schema.minimum ?? 1, 1);
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default: {
      const value = (schema.format && FORMAT_SAMPLES[schema.format]) ?? (schema.pattern === "^[0-9]+$" ? "5537431447739019570" : "sample");
      return typeof value === "string" && schema.minLength && value.length < schema.minLength ? value.padEnd(schema.minLength, "x") : value;
    }
  }
}
