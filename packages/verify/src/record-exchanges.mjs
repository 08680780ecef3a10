// @ts-check
// The `fetch` verify gives the client: it sends each request unchanged and keeps a copy of every
// answer (every attempt of a retried call, every poll of a wait) for judging afterwards, tagged with
// what verify was doing when it was sent. Bodies are kept up to a bound; credentials never are.

/**
 * @typedef {"call" | "start" | "poll" | "auth-probe" | "not-found-probe"} Situation
 * @typedef {object} Exchange
 * @property {number} seq
 * @property {Situation} situation
 * @property {string} operationId
 * @property {string} method
 * @property {string} path          URL path as sent
 * @property {number} status        0 when no response came (connection failed)
 * @property {string | null} contentType
 * @property {string | null} retryAfter
 * @property {string} body          up to the bound
 * @property {boolean} truncated
 * @property {string} [error]       why there is no response or no body
 */

export const MAX_RECORDED_BODY_BYTES = 1024 * 1024;

/** @param {{ maxBodyBytes?: number }} [options] */
export function createRecorder({ maxBodyBytes = MAX_RECORDED_BODY_BYTES } = {}) {
  /** @type {Exchange[]} */
  const exchanges = [];
  /** @type {Promise<void>[]} */
  const pending = [];
  /** @type {{ situation: Situation, operationId: string }} */
  let context = { situation: "call", operationId: "" };
  let seq = 0;

  /** @param {Request} request */
  const fetch = async (request) => {
    const tag = { ...context, seq: seq++, method: request.method, path: pathOf(request.url) };
    let response;
    try {
      response = await globalThis.fetch(request);
    } catch (error) {
      exchanges.push({ ...tag, status: 0, contentType: null, retryAfter: null, body: "", truncated: false, error: errorName(error) });
      throw error;
    }
    const copy = response.clone();
    const head = {
      ...tag,
      status: response.status,
      contentType: response.headers.get("content-type"),
      retryAfter: response.headers.get("retry-after"),
    };
    pending.push(
      readBounded(copy, maxBodyBytes).then(
        ({ body, truncated }) => void exchanges.push({ ...head, body, truncated }),
        (error) => void exchanges.push({ ...head, body: "", truncated: false, error: errorName(error) }),
      ),
    );
    return response;
  };

  return {
    fetch,
    /** @param {Situation} situation @param {string} operationId */
    doing(situation, operationId) {
      context = { situation, operationId };
    },
    /** Every exchange so far, in the order sent, bodies read. */
    async all() {
      await Promise.allSettled(pending);
      return [...exchanges].sort((a, b) => a.seq - b.seq);
    },
  };
}

/** The URL path only: the query may carry the key (an apiKey scheme `in: query`). */
function pathOf(/** @type {string} */ url) {
  const parsed = new URL(url);
  return parsed.pathname;
}

const errorName = (/** @type {unknown} */ error) => (error instanceof Error ? error.name : "Error");

/**
 * @param {Response} response
 * @param {number} limit
 */
async function readBounded(response, limit) {
  if (!response.body) return { body: "", truncated: false };
  const reader = response.body.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      chunks.push(value.subarray(0, Math.max(0, value.byteLength - (size - limit))));
      return { body: new TextDecoder().decode(Buffer.concat(chunks)), truncated: true };
    }
    chunks.push(value);
  }
  return { body: new TextDecoder().decode(Buffer.concat(chunks)), truncated: false };
}
