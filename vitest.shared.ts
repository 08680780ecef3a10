// Every package's vitest run also writes a JSON report to .reports/vitest.json; the root test
// runner (scripts/src/run-tests.mjs) sums those into the one `N passed, N failed` line CI reads.
export const VITEST_REPORT = ".reports/vitest.json";

export function reportersFor(): Array<string | [string, Record<string, unknown>]> {
  return ["default", ["json", { outputFile: VITEST_REPORT }]];
}
