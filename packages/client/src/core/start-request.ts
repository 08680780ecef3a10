// How a start request's body goes on the wire: in a media type its operation accepts, chosen from the
// body itself (FormData → multipart, a string → the operation's text/XML type, an object → JSON or,
// when the operation takes no JSON, a form built from it). openapi-fetch alone would send every body
// as JSON, which a vendor that takes XML (Apptus) answers with 400.

type Serialized = { bodySerializer?: (body: unknown) => BodyInit; contentType?: string };

const isJson = (type: string) => /\bjson\b/i.test(type);

export function chooseBodyEncoding(
  vendor: string,
  operationId: string,
  mediaTypes: readonly string[],
  body: unknown,
  contentType?: string,
): Serialized {
  if (body === undefined) return {};
  const wanted = contentType?.split(";")[0]?.trim().toLowerCase();
  const accepts = (type: string) => mediaTypes.some((t) => t.toLowerCase() === type);
  if (wanted) {
    if (isJson(wanted)) return {};
    if (wanted === "multipart/form-data") return { bodySerializer: toFormData };
    if (wanted === "application/x-www-form-urlencoded") return { bodySerializer: toUrlEncoded, contentType: wanted };
    return { bodySerializer: asRaw, contentType };
  }
  if (typeof FormData !== "undefined" && body instanceof FormData) return {};
  const raw = typeof body === "string" || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
  const textual = mediaTypes.find((t) => !isJson(t) && t !== "multipart/form-data" && t !== "application/x-www-form-urlencoded");
  if (raw && textual) return { bodySerializer: asRaw, contentType: textual };
  if (mediaTypes.length === 0 || mediaTypes.some(isJson)) return {};
  if (accepts("multipart/form-data")) return { bodySerializer: toFormData };
  if (accepts("application/x-www-form-urlencoded"))
    return { bodySerializer: toUrlEncoded, contentType: "application/x-www-form-urlencoded" };
  throw new TypeError(`${vendor}: ${operationId} takes ${mediaTypes.join(" or ")}; pass the body as a string, Blob or FormData`);
}

const asRaw = (body: unknown) => body as BodyInit;

function toFormData(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (value instanceof Blob) form.append(name, value);
    else form.append(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return form;
}

function toUrlEncoded(body: unknown): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (value !== undefined) params.append(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return params.toString();
}
