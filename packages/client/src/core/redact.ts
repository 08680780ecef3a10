// Keeps API keys out of everything the client exposes: error objects, log lines, thrown values.
// A vendor may echo the key anywhere (a header of any name, a property name, a value, a message), so
// redaction looks for the key itself, not only in known places, and walks bodies of any depth
// without recursion.

const SECRET_HEADERS = new Set(["authorization", "x-api-key", "api-key", "cookie", "set-cookie", "proxy-authorization"]);
export const REDACTED = "[redacted]";

/** Replaces every occurrence of the key in a text. */
export function redactSecret(text: string, secret: string): string {
  return secret.length > 0 && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/** Response headers as a record: known credential headers, and any header whose value holds the key, redacted. */
export function redactHeaders(headers: Headers, secret = "", extraNames: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    const secretName = SECRET_HEADERS.has(lower) || extraNames.some((n) => n.toLowerCase() === lower);
    out[redactSecret(name, secret)] = secretName ? REDACTED : redactSecret(value, secret);
  });
  return out;
}

/**
 * A copy of a parsed body with the key replaced in every string, property names included. Iterative,
 * so a body nested a million levels deep is redacted instead of overflowing the stack.
 */
export function redactDeep(value: unknown, secret: string): unknown {
  if (typeof value === "string") return redactSecret(value, secret);
  if (!value || typeof value !== "object") return value;
  const root: { value: unknown } = { value: undefined };
  const stack: Array<{ source: unknown; assign: (copy: unknown) => void }> = [{ source: value, assign: (copy) => (root.value = copy) }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { source, assign } = item;
    if (typeof source === "string") {
      assign(redactSecret(source, secret));
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      assign(copy);
      source.forEach((child, i) => {
        stack.push({ source: child, assign: (c) => (copy[i] = c) });
      });
    } else if (source && typeof source === "object") {
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const [key, child] of Object.entries(source)) {
        const name = redactSecret(key, secret);
        stack.push({
          source: child,
          assign: (c) => Object.defineProperty(copy, name, { value: c, enumerable: true, writable: true, configurable: true }),
        });
      }
    } else {
      assign(source);
    }
  }
  return root.value;
}
