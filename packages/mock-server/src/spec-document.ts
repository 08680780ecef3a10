// Reading a bundled OpenAPI 3.1 document: following local `$ref`s and finding an operation's
// parameters, request media types and documented responses. Bundled specs only have local refs.
// The types below name only the fields the mock reads; redocly has checked the rest of the shape.

/** Any node may be a `$ref` to a node of the same kind elsewhere in the document. */
interface Referable {
  $ref?: string;
}

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect): the keywords the mock builds and walks bodies by. */
export interface SchemaObject extends Referable {
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
}

export interface ExampleObject extends Referable {
  value?: unknown;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, ExampleObject>;
}

export interface ParameterObject extends Referable {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: SchemaObject;
  example?: unknown;
}

export interface RequestBodyObject extends Referable {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject extends Referable {
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface OperationObject {
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export type PathItemObject = { parameters?: ParameterObject[] } & { [method in (typeof METHODS)[number]]?: OperationObject };

export interface OpenApiDocument {
  paths: Record<string, PathItemObject>;
  components?: object;
  [key: string]: unknown;
}

/**
 * Follows `$ref: "#/..."` (repeatedly) to the node it names. A ref names a node of the same kind
 * as the one holding it (a parameter's ref a parameter), which is what the return type says.
 */
export function deref<T extends Referable>(document: OpenApiDocument, node: T | undefined): T | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 32; hops++) {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    let target: unknown = document;
    for (const raw of pointer) {
      target =
        target && typeof target === "object"
          ? (target as Record<string, unknown>)[raw.replaceAll("~1", "/").replaceAll("~0", "~")]
          : undefined;
    }
    current = target as T | undefined;
  }
  return current;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  operation: OperationObject;
  /** The path item's and the operation's parameters, refs followed. */
  parameters: ParameterObject[];
}

export function listSpecOperations(document: OpenApiDocument): OperationInfo[] {
  const found: OperationInfo[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
        .map((p) => deref(document, p))
        .filter((p): p is ParameterObject => p !== undefined);
      found.push({ operationId: operation.operationId, method: method.toUpperCase(), path, operation, parameters });
    }
  }
  return found;
}

/** The documented response for a status, with its first media type and that media type's node. */
export function documentedResponse(document: OpenApiDocument, operation: OperationObject, status: number) {
  const response = deref(document, operation.responses?.[String(status)]);
  if (!response) return undefined;
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  return { response, mediaType, media, headers: Object.keys(response.headers ?? {}) };
}

export function documentedStatuses(operation: OperationObject): number[] {
  return Object.keys(operation.responses ?? {})
    .filter((code) => /^\d{3}$/.test(code))
    .map(Number);
}
