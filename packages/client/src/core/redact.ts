// Keeps API keys out of everything the client exposes: error objects, log lines, thrown values.

const SECRET_HEADERS = new Set(["authorization", "x-api-key", "api-key", "cookie", "set-cookie", "proxy-authorization"]);

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}

/** Replaces every occurrence of the key in a text (a vendor may echo it back in an error body). */
export function redactSecret(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join("[redacted]") : text;
}

/** Redacts the key from every string inside a parsed body. */
export function redactDeep(value: unknown, secret: string): unknown {
  if (typeof value === "string") return redactSecret(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secret));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secret)]));
  }
  return value;
}
