// Reads a JSON pointer (RFC 6901) of the job declaration inside a vendor's status body.

export function readPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split("/").slice(1)) {
    if (current === null || typeof current !== "object") return undefined;
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
