// @ts-check
// `pnpm verify`'s engine: exercise a vendor through its client, judge every answer against the
// spec, and report each `x-unverified` guess as confirmed, contradicted or not exercised, located
// in the hand-written spec by file and line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describePointer } from "@vendorspec/scripts/collect-unverified";
import { createLocator } from "@vendorspec/scripts/locate-pointer";
import { readVendors, selectVendors } from "@vendorspec/scripts/vendors";
import { createBodyValidator } from "./body-validator.mjs";
import { classifyGuesses } from "./classify-guesses.mjs";
import { exerciseVendor } from "./exercise-vendor.mjs";
import { judgeExchanges } from "./judge-exchanges.mjs";
import { createRecorder } from "./record-exchanges.mjs";

/**
 * @typedef {"confirmed" | "contradicted" | "not exercised" | "not checkable"} Verdict
 * @typedef {object} Observation
 * @property {"confirmed" | "contradicted"} verdict
 * @property {string} observed
 * @property {string} [expected]
 * @property {string} exchange
 * @typedef {object} GuessReport
 * @property {string} location     file:line in the hand-written spec
 * @property {string} where
 * @property {string} pointer
 * @property {string} kind
 * @property {string} assumption
 * @property {Verdict} verdict
 * @property {Observation[]} observations
 * @typedef {object} VerifyReport
 * @property {string} vendor
 * @property {string} spec
 * @property {string} baseUrl
 * @property {GuessReport[]} guesses
 * @property {Array<Observation & { location: string, where: string, pointer: string }>} violations  contradictions of unmarked parts
 * @property {number} requests
 * @property {number} answered
 * @property {string[]} notes
 * @property {boolean} deadlineReached
 */

const MAX_OBSERVATIONS = 5;

/**
 * @param {object} options
 * @param {string} options.rootDir
 * @param {string} options.vendor
 * @param {string} options.baseUrl
 * @param {string} options.apiKey
 * @param {boolean} [options.allowStart]
 * @param {string} [options.jobId]
 * @param {Map<string, string>} [options.params]
 * @param {number} [options.deadlineMs]
 * @returns {Promise<VerifyReport>}
 */
export async function verifyVendor({
  rootDir,
  vendor: name,
  baseUrl,
  apiKey,
  allowStart = false,
  jobId,
  params = new Map(),
  deadlineMs = 300_000,
}) {
  const [vendor] = selectVendors(await readVendors(rootDir), [name]);
  const { document, descriptor, createClient } = await loadVendor(rootDir, /** @type {any} */ (vendor));
  const source = await readFile(/** @type {any} */ (vendor).specPath, "utf8");
  const specFile = /** @type {any} */ (vendor).specFile;
  const locate = createLocator(source);
  const guesses = classifyGuesses(document);
  const recorder = createRecorder();
  const exercised = await exerciseVendor({
    document,
    descriptor,
    createClient,
    baseUrl,
    apiKey,
    allowStart,
    jobId,
    params,
    deadlineAt: Date.now() + deadlineMs,
    recorder,
  });
  const exchanges = await recorder.all();
  const redact = (/** @type {string} */ text) => redactKey(text, apiKey);
  const { findings, notes } = judgeExchanges({ document, descriptor, guesses, exchanges, validate: createBodyValidator(document), redact });
  const locationOf = (/** @type {string} */ pointer) => `${specFile}:${locate(pointer).line}`;
  const guessed = new Set(guesses.map((g) => g.pointer));
  /** @type {GuessReport[]} */
  const reports = guesses.map((guess) => {
    const observations = distinct(findings.filter((f) => f.pointer === guess.pointer));
    const contradicted = observations.filter((o) => o.verdict === "contradicted");
    /** @type {Verdict} */
    const verdict = contradicted.length
      ? "contradicted"
      : observations.length
        ? "confirmed"
        : guess.kind === "other"
          ? "not checkable"
          : "not exercised";
    return {
      location: locationOf(guess.pointer),
      where: guess.where,
      pointer: guess.pointer,
      kind: guess.kind,
      assumption: redact(guess.assumption),
      verdict,
      observations: (contradicted.length ? contradicted : observations).slice(0, MAX_OBSERVATIONS),
    };
  });
  const violations = distinct(findings.filter((f) => f.verdict === "contradicted" && !guessed.has(f.pointer))).map((f) => ({
    ...f,
    location: locationOf(f.pointer),
    where: describePointer(f.pointer),
  }));
  return {
    vendor: name,
    spec: specFile,
    baseUrl,
    guesses: reports,
    violations,
    requests: exchanges.length,
    answered: exchanges.filter((e) => e.status > 0).length,
    notes: [...new Set([...exercised.notes, ...notes].map(redact))],
    deadlineReached: exercised.deadlineReached,
  };
}

/** The bundled spec (the generated package's), the descriptor and the client factory of a vendor. */
async function loadVendor(/** @type {string} */ rootDir, /** @type {{ name: string, packageDir: string }} */ vendor) {
  const bundled = path.join(vendor.packageDir, "openapi.json");
  const document = JSON.parse(
    await readFile(bundled, "utf8").catch(() => {
      throw new Error(`${path.relative(rootDir, bundled)} is missing: run \`pnpm build\` first`);
    }),
  );
  const entry = await import(`@vendorspec/client/${vendor.name}`).catch(() => {
    throw new Error(`@vendorspec/client has no entry for ${vendor.name}: run \`pnpm build\` first`);
  });
  const values = Object.entries(entry);
  const descriptor = values.find(([, v]) => v && typeof v === "object" && /** @type {any} */ (v).vendor === vendor.name)?.[1];
  const createClient = values.find(([k, v]) => /^create\w+Client$/.test(k) && typeof v === "function")?.[1];
  if (!descriptor || !createClient) throw new Error(`@vendorspec/client/${vendor.name} exports no descriptor and client factory`);
  return { document, descriptor: /** @type {any} */ (descriptor), createClient: /** @type {any} */ (createClient) };
}

/** Same finding from several requests once, with the first request that showed it. */
function distinct(/** @type {import("./judge-exchanges.mjs").Finding[]} */ findings) {
  const seen = new Map();
  for (const f of findings) {
    const key = `${f.pointer}\n${f.verdict}\n${f.observed}\n${f.expected ?? ""}`;
    if (!seen.has(key))
      seen.set(key, {
        verdict: f.verdict,
        observed: f.observed,
        ...(f.expected ? { expected: f.expected } : {}),
        exchange: f.exchange,
        pointer: f.pointer,
      });
  }
  return [...seen.values()];
}

/** Removes the key (and its URL-encoded form) from text that came from outside. */
export function redactKey(/** @type {string} */ text, /** @type {string} */ key) {
  if (!key) return text;
  return [key, encodeURIComponent(key)].reduce((out, form) => out.split(form).join("***"), text);
}
