// The CLI's argument parsing, table-driven: what each command line starts, or why it is refused.
import { describe, expect, test } from "vitest";
import { type CliCommand, parseCliArgs, USAGE, UsageError } from "../src/cli-args.js";

const cases: [string, { given: string[]; want: CliCommand | RegExp }][] = [
  ["a vendor alone: the defaults", { given: ["docutray"], want: { help: false, vendor: "docutray", port: 4010, host: "127.0.0.1" } }],
  [
    "every flag",
    {
      given: ["lettrlabs", "--port", "0", "--host", "0.0.0.0", "--api-key", "k1"],
      want: { help: false, vendor: "lettrlabs", port: 0, host: "0.0.0.0", apiKey: "k1" },
    },
  ],
  [
    "--flag=value and flags before the vendor",
    { given: ["--port=5000", "apptus-esales"], want: { help: false, vendor: "apptus-esales", port: 5000, host: "127.0.0.1" } },
  ],
  ["--help wins over the rest", { given: ["docutray", "--port", "1", "--help"], want: { help: true } }],
  ["-h", { given: ["-h"], want: { help: true } }],
  ["an unknown flag", { given: ["docutray", "--verbose"], want: /^Unknown option '--verbose'$/ }],
  ["a missing value", { given: ["docutray", "--api-key"], want: /^Option '--api-key <value>' argument missing$/ }],
  ["an empty key", { given: ["docutray", "--api-key", ""], want: /--api-key needs a key/ }],
  ["a port that is not a number", { given: ["docutray", "--port", "http"], want: /--port must be 0-65535, got "http"/ }],
  ["a negative port", { given: ["docutray", "--port=-1"], want: /--port must be 0-65535, got "-1"/ }],
  ["no vendor", { given: [], want: /^which vendor\? one of / }],
  ["an unknown vendor", { given: ["acme"], want: /^unknown vendor "acme"; known: / }],
  ["two vendors", { given: ["docutray", "leadsygroup"], want: /^unexpected argument "leadsygroup"$/ }],
];

describe("parseCliArgs", () => {
  test.each(cases)("%s", (_, { given, want }) => {
    if (want instanceof RegExp) {
      expect(() => parseCliArgs(given)).toThrow(want);
      expect(() => parseCliArgs(given)).toThrow(UsageError);
    } else expect(parseCliArgs(given)).toEqual(want);
  });

  test("the usage lists every vendor and gives an example", () => {
    for (const vendor of ["docutray", "apptus-esales", "leadsygroup", "lettrlabs"]) expect(USAGE).toContain(vendor);
    expect(USAGE).toMatch(/example:\n {2}vendorspec-mock \S+ --port 4010 --api-key test-key/);
  });
});
