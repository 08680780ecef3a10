// @ts-check
// The registry as the npm CLI sees it (its configured registry, credentials, provenance and retry
// settings): read a package's versions and dist-tags, publish a packed tarball under a tag, move a
// tag. No hand-written HTTP: npm owns auth, OIDC provenance and retries.
import { execFile } from "node:child_process";

/** npm's own answer stays readable; a packument of a big package does not need more. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const TIMEOUT_MS = 10 * 60_000;

/** A failed npm command: `code` is npm's (E403, E404, E500, ...), `reason` one line of why. */
export class NpmError extends Error {
  /** @param {string} code @param {string} reason */
  constructor(code, reason) {
    super(`${code}: ${reason}`);
    this.name = "NpmError";
    this.code = code;
    this.reason = reason;
  }
}

/**
 * @typedef {{ versions: string[], distTags: Record<string, string> }} RegistryPackage
 * @typedef {(args: string[]) => Promise<{ stdout: string, stderr: string }>} RunNpm
 */

/**
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, runNpm?: RunNpm }} options
 */
export function createNpm({ cwd, env = process.env, runNpm }) {
  /** @type {RunNpm} */
  const npm =
    runNpm ??
    ((args) =>
      new Promise((resolve, reject) => {
        execFile("npm", args, { cwd, env, maxBuffer: MAX_OUTPUT_BYTES, timeout: TIMEOUT_MS }, (error, stdout, stderr) => {
          if (error) reject(toNpmError(error, stdout, stderr));
          else resolve({ stdout, stderr });
        });
      }));

  return {
    /** The logged-in user; throws when the credentials are missing or refused. */
    async whoami() {
      return (await npm(["whoami"])).stdout.trim();
    },
    /**
     * @param {string} name
     * @returns {Promise<RegistryPackage | undefined>} undefined: never published
     */
    async view(name) {
      try {
        const { stdout } = await npm(["view", name, "versions", "dist-tags", "--json"]);
        const data = JSON.parse(stdout || "{}");
        const versions = data.versions ?? [];
        return { versions: Array.isArray(versions) ? versions : [versions], distTags: data["dist-tags"] ?? {} };
      } catch (error) {
        if (error instanceof NpmError && error.code === "E404") return undefined;
        throw error;
      }
    },
    /** @param {string} tarball @param {string} tag */
    async publish(tarball, tag) {
      await npm(["publish", tarball, "--tag", tag, "--access", "public", "--json"]);
    },
    /** @param {string} name @param {string} version @param {string} tag */
    async addTag(name, version, tag) {
      await npm(["dist-tag", "add", `${name}@${version}`, tag]);
    },
    /** @param {string} name @param {string} tag */
    async removeTag(name, tag) {
      await npm(["dist-tag", "rm", name, tag]);
    },
  };
}

/**
 * npm reports a failure as `npm error code E403` lines, or as JSON under `--json`.
 * @param {Error & { code?: unknown }} error @param {string} stdout @param {string} stderr
 */
export function toNpmError(error, stdout, stderr) {
  const text = `${stdout}\n${stderr}`;
  const code =
    /"code":\s*"(E[A-Z0-9]+)"/.exec(text)?.[1] ??
    /npm (?:error|ERR!) code (E[A-Z0-9]+)/.exec(text)?.[1] ??
    (error.code === "ETIMEDOUT" || /** @type {any} */ (error).killed ? "ETIMEDOUT" : "EUNKNOWN");
  const summary =
    /"summary":\s*"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ??
    text
      .split("\n")
      .map((l) => l.replace(/^npm (?:error|ERR!)\s*/, "").trim())
      .find((l) => l && !/^code E/.test(l) && !/^A complete log/.test(l)) ??
    error.message;
  return new NpmError(code, summary.replace(/\\"/g, '"').slice(0, 300));
}
