// Checks a request against its operation in the spec: parameters (coerced from strings to their
// schema types), the content type, and the body (JSON against its schema; multipart and XML by
// their required parts). Returns the problems as readable strings; empty means valid.

import { deref, type OpenApiDocument, type OperationInfo, type SchemaObject } from "./spec-document.js";
import type { SpecValidator } from "./spec-validator.js";
import { describeErrors } from "./spec-validator.js";

export interface IncomingParts {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  contentType: string | undefined;
  body: Buffer;
}

export interface CheckedRequest {
  problems: string[];
  /** The parsed JSON body, when there is one. */
  json?: unknown;
  /** Coerced parameter values by name. */
  params: Record<string, unknown>;
}

export function validateRequest(
  document: OpenApiDocument,
  validator: SpecValidator,
  info: OperationInfo,
  parts: IncomingParts,
): CheckedRequest {
  const problems: string[] = [];
  const params: Record<string, unknown> = {};
  for (const parameter of info.parameters) {
    const raw =
      parameter.in === "path"
        ? parts.pathParams[parameter.name]
        : parameter.in === "query"
          ? (parts.query.get(parameter.name) ?? undefined)
          : parameter.in === "header"
            ? headerValue(parts.headers[parameter.name.toLowerCase()])
            : undefined;
    if (raw === undefined) {
      if (parameter.required) problems.push(`${parameter.in} parameter \`${parameter.name}\` is required`);
      continue;
    }
    const value = coerce(raw, deref(document, parameter.schema));
    const errors = validator.validate(parameter.schema ?? {}, value);
    if (errors) problems.push(`${parameter.in} parameter \`${parameter.name}\`: ${describeErrors(errors)}`);
    params[parameter.name] = value;
  }

  const requestBody = deref(document, info.operation.requestBody);
  if (!requestBody) return { problems, params };
  if (parts.body.length === 0) {
    if (requestBody.required) problems.push("a request body is required");
    return { problems, params };
  }
  const mediaType = (parts.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const media = requestBody.content?.[mediaType];
  if (!media) {
    problems.push(`unsupported Content-Type "${mediaType}"; use ${Object.keys(requestBody.content ?? {}).join(" or ")}`);
    return { problems, params };
  }
  if (mediaType === "application/json") {
    let json: unknown;
    try {
      json = JSON.parse(parts.body.toString("utf8"));
    } catch {
      problems.push("the body is not valid JSON");
      return { problems, params };
    }
    const errors = validator.validate(media.schema ?? {}, json);
    if (errors) problems.push(`body: ${describeErrors(errors)}`);
    return { problems, params, json };
  }
  if (mediaType === "multipart/form-data") {
    const fields = multipartFieldNames(parts.body, parts.contentType ?? "");
    const schema = deref(document, media.schema);
    for (const name of schema?.required ?? []) if (!fields.has(name)) problems.push(`multipart field \`${name}\` is required`);
    return { problems, params };
  }
  return { problems, params };
}

function headerValue(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

function coerce(raw: string, schema: SchemaObject | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

/** The field names of a multipart body; enough to check required parts without a parser dependency. */
function multipartFieldNames(body: Buffer, contentType: string): Set<string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const names = new Set<string>();
  if (!boundary) return names;
  for (const part of body.toString("latin1").split(`--${boundary}`)) {
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(part)?.[1];
    if (name) names.add(name);
  }
  return names;
}
