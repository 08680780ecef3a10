// Builds a valid request for any operation from the spec itself (parameter and body examples, or
// schema samples), so tests can walk every operation without hand-written fixtures.
import { exampleOf, sampleFromSchema } from "../src/sample-body.js";
import { deref, type OpenApiDocument, type OperationInfo, type ParameterObject } from "../src/spec-document.js";
import type { VendorName } from "../src/vendor-list.js";

export const API_KEY = "mock_test_SECRET_KEY_42";

export const AUTH_HEADERS: Record<VendorName, (key: string) => Record<string, string>> = {
  docutray: (key) => ({ authorization: `Bearer ${key}` }),
  leadsygroup: (key) => ({ authorization: `Bearer ${key}` }),
  "apptus-esales": (key) => ({ "api-key": key }),
  lettrlabs: (key) => ({ "x-api-key": key }),
};

function parameterValue(document: OpenApiDocument, parameter: ParameterObject): string {
  if (parameter.example !== undefined) return String(parameter.example);
  return String(sampleFromSchema(document, parameter.schema));
}

export function buildRequest(
  document: OpenApiDocument,
  vendor: VendorName,
  info: OperationInfo,
  baseUrl: string,
  key = API_KEY,
): { url: string; init: RequestInit } {
  let path = info.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { ...AUTH_HEADERS[vendor](key) };
  for (const parameter of info.parameters) {
    const value = parameterValue(document, parameter);
    if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === "query" && parameter.required) query.set(parameter.name, value);
  }
  const init: RequestInit = { method: info.method, headers };
  const requestBody = deref(document, info.operation.requestBody);
  const content = Object.entries(requestBody?.content ?? {});
  const [mediaType, media] = content.find(([type]) => type !== "multipart/form-data") ?? content[0] ?? [undefined, undefined];
  if (mediaType && media) {
    const value = exampleOf(document, media);
    if (mediaType === "multipart/form-data") {
      const form = new FormData();
      for (const [name, field] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        form.set(name, typeof field === "string" ? field : JSON.stringify(field));
      }
      init.body = form;
    } else {
      headers["content-type"] = mediaType;
      init.body = mediaType.includes("json") ? JSON.stringify(value) : String(value);
    }
  }
  const search = query.toString();
  return { url: `${baseUrl}${path}${search ? `?${search}` : ""}`, init };
}
