// @ts-check
// Holds every recorded answer against the spec: was its status the one the spec assumes for that
// situation (a call, a wrong key, an unknown job id), does its body match the documented schema,
// is its status word declared. Each finding lands on the `x-unverified` guess it is about (confirmed
// or contradicted, with the observed value); a contradiction of a part of the spec nobody marked as
// a guess is kept too, as a violation. Both fail verify.

import { normalizeStatusWord } from "@vendorspec/scripts/job-declaration";
import { formatPointer, parsePointer, readPointer } from "@vendorspec/scripts/json-pointer";
import { createSpecModel } from "@vendorspec/scripts/spec-model";
import { findSchemaPlaces, valuesAt } from "./schema-places.mjs";

/** @typedef {import("./classify-guesses.mjs").Guess} Guess */
/** @typedef {import("./record-exchanges.mjs").Exchange} Exchange */
/**
 * @typedef {object} Finding
 * @property {string} pointer   where in the spec (a guess, or the part contradicted)
 * @property {"confirmed" | "contradicted"} verdict
 * @property {string} observed  what the vendor did, e.g. "answered 403"
 * @property {string} [expected]
 * @property {string} exchange  which request, e.g. "GET /v1/x (wrong key)"
 */

const AUTH_FAILURE = [401, 403];
const NO_SUCH_JOB = [404, 410];
/** Answers any call may get that say nothing against the request: documented, they are exercised. */
const ANY_TIME = (/** @type {number} */ status) => status === 429 || status >= 500;
const SITUATION_LABEL = {
  call: "",
  start: " (start)",
  poll: " (poll)",
  "auth-probe": " (wrong key)",
  "not-found-probe": " (unknown job id)",
};

/**
 * @param {object} input
 * @param {any} input.document  bundled spec
 * @param {any} input.descriptor
 * @param {Guess[]} input.guesses
 * @param {Exchange[]} input.exchanges
 * @param {(pointer: string, value: unknown) => string[]} input.validate  body-validator.mjs
 * @param {(text: string) => string} input.redact  removes the key from what the vendor sent
 * @returns {{ findings: Finding[], notes: string[] }}
 */
export function judgeExchanges({ document, descriptor, guesses, exchanges, validate, redact }) {
  const model = createSpecModel(document);
  const job = descriptor.job;
  const guessed = new Set(guesses.map((g) => g.pointer));
  const schemaGuesses = new Set(guesses.filter((g) => g.kind === "schema").map((g) => g.pointer));
  /** @type {Finding[]} */
  const findings = [];
  /** @type {string[]} */
  const notes = [];
  const responseGuessesOf = (/** @type {string} */ operationId, /** @type {number[]} */ statuses) =>
    guesses.filter(
      (g) => g.kind === "response" && g.responses.some((r) => r.operationId === operationId && statuses.includes(Number(r.status))),
    );
  const opGuesses = (/** @type {string} */ operationId, /** @type {string[]} */ kinds) =>
    guesses.filter((g) => kinds.includes(g.kind) && g.operations.includes(operationId));
  let keyRefused = false;

  for (const exchange of exchanges) {
    const op = model.byId.get(exchange.operationId);
    if (!op) continue;
    const label = `${exchange.method} ${exchange.path}${SITUATION_LABEL[exchange.situation]}`;
    /** @param {string} pointer @param {"confirmed" | "contradicted"} verdict @param {string} observed @param {string} [expected] */
    const find = (pointer, verdict, observed, expected) =>
      findings.push({ pointer, verdict, observed: redact(observed), ...(expected ? { expected } : {}), exchange: label });
    if (exchange.status === 0) {
      notes.push(`${label}: no answer (${exchange.error ?? "connection failed"})`);
      continue;
    }
    const { status } = exchange;
    const responses = op.operation.responses ?? {};
    const documented = /** @type {number[]} */ (
      Object.keys(responses)
        .filter((k) => /^\d{3}$/.test(k))
        .map(Number)
    );
    const key = responseKey(responses, status);
    const responsePointer = key === undefined ? undefined : pointerOfResponse(op, responses, key);
    const success = documented.filter((s) => s >= 200 && s < 300);
    const startStatuses = job?.starts.find((/** @type {any} */ s) => s.operationId === op.operationId)?.statuses;
    /** The statuses the spec assumes for what verify was doing. */
    const expected =
      exchange.situation === "auth-probe"
        ? documented.filter((s) => AUTH_FAILURE.includes(s))
        : exchange.situation === "not-found-probe"
          ? [...documented.filter((s) => NO_SUCH_JOB.includes(s)), ...(job?.notFound.length ? success : [])]
          : exchange.situation === "start" && startStatuses
            ? startStatuses
            : success;

    // The real key refused: nothing this answer says is about the guesses.
    if (exchange.situation !== "auth-probe" && AUTH_FAILURE.includes(status)) {
      keyRefused = true;
      continue;
    }
    // A documented error answer to a real call (a job gone, an example the vendor rejects) is the
    // spec being right about that status; only a wrong key must get the auth failure it assumes.
    const documentedError = key !== undefined && status >= 400 && exchange.situation !== "auth-probe";
    if (expected.includes(status) || (key !== undefined && ANY_TIME(status)) || documentedError) {
      if (documentedError && !expected.includes(status) && !ANY_TIME(status)) notes.push(`${label}: answered ${status} (documented)`);
      if (responsePointer && guessed.has(responsePointer)) find(responsePointer, "confirmed", `answered ${status}`);
      if (status < 300)
        for (const g of opGuesses(op.operationId, ["operation", "request"])) find(g.pointer, "confirmed", `answered ${status}`);
    } else {
      const wanted = expected.length ? expected.join(" or ") : "(none documented)";
      const about = responseGuessesOf(op.operationId, expected);
      for (const g of about) find(g.pointer, "contradicted", `answered ${status}`, `${g.responses.map((r) => r.status).join("/")}`);
      if (about.length === 0) {
        const opGuess = opGuesses(
          op.operationId,
          exchange.situation === "call" || exchange.situation === "start" ? ["operation", "request"] : [],
        );
        for (const g of opGuess) find(g.pointer, "contradicted", `answered ${status}`, wanted);
        if (opGuess.length === 0)
          find(responsePointer ?? formatPointer([...parsePointer(op.pointer), "responses"]), "contradicted", `answered ${status}`, wanted);
      }
      if (key === undefined && about.length > 0)
        find(
          formatPointer([...parsePointer(op.pointer), "responses"]),
          "contradicted",
          `answered ${status}, a status the operation does not document`,
        );
      if (exchange.situation === "auth-probe" && status < 300) notes.push(`${label}: a wrong key was accepted`);
    }
    if (key === undefined || responsePointer === undefined) continue;
    judgeBody(exchange, responsePointer, find);
  }
  if (keyRefused) notes.push("the key was refused (401/403) on some calls: check VENDORSPEC_API_KEY; those answers were not judged");
  for (const g of guesses.filter((g) => g.kind === "auth-scheme")) {
    const carried = exchanges.some((e) => e.situation !== "auth-probe" && e.status > 0 && !AUTH_FAILURE.includes(e.status));
    if (carried)
      findings.push({ pointer: g.pointer, verdict: "confirmed", observed: "the key was accepted as the scheme sends it", exchange: "" });
  }
  return { findings, notes };

  /**
   * The body against the documented schema, each guessed place in it, and the job's status word.
   * @param {Exchange} exchange
   * @param {string} responsePointer
   * @param {(pointer: string, verdict: "confirmed" | "contradicted", observed: string, expected?: string) => void} find
   */
  function judgeBody(exchange, responsePointer, find) {
    const response = readPointer(document, responsePointer) ?? {};
    const [mediaType] = Object.entries(response.content ?? {}).find(([type]) => /\bjson\b/i.test(type)) ?? [];
    if (mediaType === undefined) return;
    const schemaPointer = formatPointer([...parsePointer(responsePointer), "content", mediaType, "schema"]);
    const bodyGuess = guessed.has(responsePointer) ? responsePointer : schemaPointer;
    if (!/\bjson\b/i.test(exchange.contentType ?? "")) {
      find(bodyGuess, "contradicted", `sent ${exchange.contentType ?? "no content type"} where the spec documents ${mediaType}`);
      return;
    }
    if (exchange.truncated) return;
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      find(bodyGuess, "contradicted", "sent a body that is not JSON");
      return;
    }
    const problems = validate(schemaPointer, body);
    const places = findSchemaPlaces(document, readPointer(document, schemaPointer), schemaPointer, schemaGuesses);
    let placed = false;
    for (const place of places) {
      for (const value of valuesAt(body, place.path)) {
        const wrong = validate(place.pointer, value);
        // A value under oneOf/anyOf may be another branch's: only a whole-body failure says more.
        if (wrong.length > 0 && place.optional) continue;
        if (wrong.length > 0) placed = true;
        const at = `/${place.path.join("/")}`;
        // The validator's places are relative to the value: "/ must be integer" is the value itself.
        const why = wrong.map((w) => w.replace(/^\/ /, "")).join("; ");
        find(
          place.pointer,
          wrong.length ? "contradicted" : "confirmed",
          wrong.length ? `sent ${show(value)} at ${at}: ${why}` : `matched ${show(value)} at ${at}`,
        );
      }
    }
    if (problems.length > 0 && !placed) find(bodyGuess, "contradicted", `sent a body that does not match: ${problems.join("; ")}`);
    else if (problems.length === 0 && guessed.has(schemaPointer)) find(schemaPointer, "confirmed", "body matched");
    if (job && exchange.operationId === job.statusOperation && exchange.status < 300) judgeStatusWord(body, find);
  }

  /**
   * @param {unknown} body
   * @param {(pointer: string, verdict: "confirmed" | "contradicted", observed: string, expected?: string) => void} find
   */
  function judgeStatusWord(body, find) {
    const word = valuesAt(body, parsePointer(job.status))[0];
    if (typeof word !== "string") return;
    const statusOp = /** @type {any} */ (model.byId.get(job.statusOperation));
    const declaration = formatPointer([...parsePointer(statusOp.pointer), "x-vendorspec-job"]);
    const normalize = (/** @type {string} */ w) => (job.match === "case-insensitive" ? normalizeStatusWord(w) : w);
    const known = [...Object.keys(job.states), ...job.notFound].map(normalize);
    const declared = known.includes(normalize(word));
    if (declared && !guessed.has(declaration)) return;
    find(
      declaration,
      declared ? "confirmed" : "contradicted",
      `reported the status word ${show(word)}`,
      declared ? undefined : "a declared word",
    );
  }
}

/**
 * The documented response for a status: exact, then its class (`4XX`), then `default`.
 * @param {Record<string, unknown>} responses
 * @param {number} status
 */
function responseKey(responses, status) {
  for (const key of [String(status), `${String(status)[0]}XX`, "default"]) if (Object.hasOwn(responses, key)) return key;
  return undefined;
}

/** A response's own pointer: the component it refers to, or its place in the operation. */
function pointerOfResponse(/** @type {any} */ op, /** @type {Record<string, any>} */ responses, /** @type {string} */ key) {
  const raw = responses[key];
  if (typeof raw?.$ref === "string" && raw.$ref.startsWith("#/")) return raw.$ref.slice(1);
  return formatPointer([...parsePointer(op.pointer), "responses", key]);
}

/** A short rendering of an observed value. */
function show(/** @type {unknown} */ value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
