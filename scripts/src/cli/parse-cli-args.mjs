// @ts-check
// How every CLI of scripts/ reads its command line: node:util parseArgs in strict mode with `--help`
// built in, so each answers --help with its usage (exit 0) and a bad command line with the problem
// and the usage (exit 2), in both cases before it reads or writes anything.
import { parseArgs } from "node:util";

/** A command line the CLI cannot run (unknown flag, missing value, wrong arguments): exit 2. */
export class UsageError extends Error {}

/** Added to every CLI's options. */
const HELP = /** @type {const} */ ({ help: { type: "boolean", short: "h" } });

/**
 * @typedef {Record<string, { type: "string" | "boolean", short?: string, multiple?: boolean }>} CliOptions
 */

/**
 * @template {CliOptions} O
 * @typedef {object} CliSpec
 * @property {string} name    the command as users type it after `pnpm`, e.g. "generate"; prefixes messages
 * @property {string} usage   the --help text: synopsis, flags and at least one example
 * @property {O} options      parseArgs options; `--help`/`-h` is added
 * @property {{ min: number, max: number, missing?: string }} [positionals]
 *   how many positional arguments it takes (default none), and what to say when too few are given
 */

/**
 * @template {CliOptions} O
 * @typedef {ReturnType<typeof parseArgs<{ options: O & typeof HELP, strict: true, allowPositionals: true }>>} CliArgs
 */

/**
 * Parses `args` strictly against `cli`. Throws a UsageError for an unknown flag, an option without
 * its value or the wrong number of positionals; with --help it returns at once (values.help) so the
 * caller prints the usage whatever else the line holds.
 * @template {CliOptions} O
 * @param {CliSpec<O>} cli
 * @param {string[]} args
 * @returns {CliArgs<O>}
 */
export function parseCliArgs(cli, args) {
  const { min, max, missing } = cli.positionals ?? { min: 0, max: 0 };
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { ...cli.options, ...HELP } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (asksForHelp(parsed)) return /** @type {CliArgs<O>} */ (parsed);
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(missing ?? `expected at least ${min} argument(s), got ${count}`);
  if (count > max) {
    const extra = parsed.positionals.slice(max).map((p) => JSON.stringify(p));
    throw new UsageError(max === 0 ? `takes no arguments, got ${extra.join(" ")}` : `unexpected argument(s) ${extra.join(" ")}`);
  }
  return /** @type {CliArgs<O>} */ (parsed);
}

/**
 * For a CLI entry only (it exits): the parsed command line, or the usage on stdout and exit 0 for
 * --help, or the problem and the usage on stderr and exit 2 for a bad command line.
 * @template {CliOptions} O
 * @param {CliSpec<O>} cli
 * @param {string[]} [args]
 * @returns {CliArgs<O>}
 */
export function readCliArgs(cli, args = process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseCliArgs(cli, args);
  } catch (error) {
    if (error instanceof UsageError) exitWithUsage(cli, error.message);
    throw error;
  }
  if (asksForHelp(parsed)) {
    process.stdout.write(withNewline(cli.usage));
    process.exit(0);
  }
  return parsed;
}

/**
 * For a CLI entry only: refuses the command line with `message` and the usage on stderr, exit 2.
 * @param {{ name: string, usage: string }} cli
 * @param {string} message
 * @returns {never}
 */
export function exitWithUsage(cli, message) {
  process.stderr.write(`${cli.name}: ${message}\n\n${withNewline(cli.usage)}`);
  process.exit(2);
}

/** @param {{ values: object }} parsed */
const asksForHelp = (parsed) => /** @type {{ help?: boolean }} */ (parsed.values).help === true;

/** @param {string} text */
const withNewline = (text) => (text.endsWith("\n") ? text : `${text}\n`);
