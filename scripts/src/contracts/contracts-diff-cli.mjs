#!/usr/bin/env node
// @ts-check
// `pnpm contracts:diff`: every contract change, classified, either per vendor since a git ref or
// between any two OpenAPI files. Exit 0 = reported, 1 = --fail-on matched, 2 = bad input.
import { parseArgs } from "node:util";
import { exitWithUsage } from "../cli/parse-cli-args.mjs";
import { findRepoRoot } from "../model/repo-root.mjs";
import { compareFiles } from "./compare-files.mjs";
import { compareVendors } from "./compare-vendors.mjs";
import { RULES } from "./diff/rules.mjs";
import { formatReport } from "./format-report.mjs";
import { InputError } from "./load-document.mjs";

const USAGE = `usage:
  pnpm contracts:diff [--base <ref>] [--json | --markdown] [--fail-on <level>]
      every vendor's spec now against the spec at <ref>
      (default: the package's last release tag, else the merge base with main)
  pnpm contracts:diff <base-file> <revision-file> [--json | --markdown] [--fail-on <level>]
      any two OpenAPI 3.0 or 3.1 documents, YAML or JSON

  --fail-on breaking       exit 1 when a change breaks consumers (a rule or the generated types)
  --fail-on non-breaking   exit 1 on any change beyond docs
  --rules                  list every rule: id, class, what it means (with --json: as JSON)
  --help                   this text

examples:
  pnpm contracts:diff --fail-on breaking
  pnpm contracts:diff --base v1.2.0 --markdown
  pnpm contracts:diff old/openapi.yaml new/openapi.json --json
exit status: 0 reported, 1 --fail-on matched, 2 bad input (nothing compared)
`;

const FAIL_ON = { breaking: ["breaking"], "non-breaking": ["breaking", "non-breaking"] };

/** @param {string[]} argv */
function readArgs(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      "fail-on": { type: "string" },
      help: { type: "boolean" },
      rules: { type: "boolean" },
    },
  });
  if (values.json && values.markdown) throw new InputError("--json and --markdown exclude each other");
  const failOn = values["fail-on"];
  if (failOn !== undefined && !Object.hasOwn(FAIL_ON, failOn))
    throw new InputError(`--fail-on takes ${Object.keys(FAIL_ON).join(" or ")}, not ${JSON.stringify(failOn)}`);
  if (positionals.length !== 0 && positionals.length !== 2)
    throw new InputError(`expected no file or two files (base and revision), got ${positionals.length}`);
  if (positionals.length === 2 && values.base !== undefined)
    throw new InputError("--base compares the repo's specs; it does not apply to two files");
  if (values.base !== undefined && (values.base === "" || values.base.startsWith("-")))
    throw new InputError(`--base needs a git ref, got ${JSON.stringify(values.base)}`);
  return { ...values, failOn: /** @type {keyof typeof FAIL_ON | undefined} */ (failOn), files: positionals };
}

let args;
try {
  args = readArgs(process.argv.slice(2));
} catch (error) {
  exitWithUsage({ name: "contracts:diff", usage: USAGE }, error instanceof Error ? error.message : String(error));
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (args.rules) {
  const rows = Object.entries(RULES).map(([id, rule]) => ({ id, class: rule.class, title: rule.title }));
  process.stdout.write(
    args.json ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((r) => `${r.class.padEnd(12)} ${r.id.padEnd(38)} ${r.title}\n`).join(""),
  );
  process.exit(0);
}
try {
  const [baseFile, revisionFile] = args.files;
  const results =
    baseFile && revisionFile
      ? await compareFiles({ baseFile, revisionFile })
      : await compareVendors({ rootDir: findRepoRoot(), ...(args.base === undefined ? {} : { base: args.base }) });
  process.stdout.write(formatReport(results, args.json ? "json" : args.markdown ? "markdown" : "table"));
  const classes = args.failOn ? FAIL_ON[args.failOn] : [];
  const matched = results.some(
    (r) => r.changes.some((c) => classes.includes(c.class)) || (classes.includes("breaking") && r.typeBreaks.length > 0),
  );
  process.exitCode = matched ? 1 : 0;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`contracts:diff: ${message}`);
  process.exitCode = 2;
}
