// The log of received requests, with credentials masked so a test (or the CLI) can show it freely.

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operationId: string | undefined;
  /** Lower-case header names; credential values masked. */
  headers: Record<string, string>;
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

const CREDENTIAL_HEADERS = new Set(["authorization", "x-api-key", "api-key", "cookie", "proxy-authorization"]);

/** `extra`: the vendor's own credential header names (lower case), from its security scheme. */
export function maskHeaders(headers: Record<string, string | string[] | undefined>, extra: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    out[name] =
      CREDENTIAL_HEADERS.has(name) || extra.includes(name)
        ? value.replace(/^(Bearer\s+)?.*$/i, (_, bearer: string | undefined) => `${bearer ?? ""}***`)
        : value;
  }
  return out;
}

export class RequestLog extends Array<LoggedRequest> {
  /** Requests to one operation (or all). */
  count(operationId?: string): number {
    return operationId === undefined ? this.length : this.filter((r) => r.operationId === operationId).length;
  }

  static override get [Symbol.species]() {
    return Array;
  }
}
