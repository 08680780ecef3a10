// Reading a bundled OpenAPI 3.1 document: following local `$ref`s and finding an operation's
// parameters, request media types and documented responses. Bundled specs only have local refs.

export type SpecNode = Record<string, any>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, SpecNode>>;
  components?: SpecNode;
  [key: string]: unknown;
}

/** Follows `$ref: "#/..."` (repeatedly) to the node it names. */
export function deref(document: OpenApiDocument, node: SpecNode | undefined): SpecNode | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 32; hops++) {
    const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
    let target: any = document;
    for (const raw of pointer) target = target?.[raw.replaceAll("~1", "/").replaceAll("~0", "~")];
    current = target;
  }
  return current;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  operation: SpecNode;
  parameters: SpecNode[];
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

export function listSpecOperations(document: OpenApiDocument): OperationInfo[] {
  const found: OperationInfo[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [
        ...((item.parameters as SpecNode[] | undefined) ?? []),
        ...((operation.parameters as SpecNode[] | undefined) ?? []),
      ].map((p: SpecNode) => deref(document, p) as SpecNode);
      found.push({ operationId: operation.operationId, method: method.toUpperCase(), path, operation, parameters });
    }
  }
  return found;
}

/** The documented response for a status, with its first media type and that media type's node. */
export function documentedResponse(document: OpenApiDocument, operation: SpecNode, status: number) {
  const response = deref(document, operation.responses?.[String(status)]);
  if (!response) return undefined;
  const [mediaType, media] = Object.entries<SpecNode>(response.content ?? {})[0] ?? [];
  return { response, mediaType, media, headers: Object.keys(response.headers ?? {}) };
}

export function documentedStatuses(operation: SpecNode): number[] {
  return Object.keys(operation.responses ?? {})
    .filter((code) => /^\d{3}$/.test(code))
    .map(Number);
}
