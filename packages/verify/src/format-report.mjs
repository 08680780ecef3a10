// @ts-check
// The report a spec author reads: every guess with its verdict and location, contradictions first,
// each with what the vendor did and what the spec assumes.

const ORDER = ["contradicted", "confirmed", "not exercised", "not checkable"];

/**
 * @param {import("./verify.mjs").VerifyReport} report
 * @returns {string}
 */
export function formatReport(report) {
  const count = (/** @type {string} */ verdict) => report.guesses.filter((g) => g.verdict === verdict).length;
  const lines = [
    `verify ${report.vendor} against ${report.baseUrl} (${report.spec})`,
    `${report.guesses.length} x-unverified guesses: ${ORDER.map((v) => `${count(v)} ${v}`).join(", ")}; ` +
      `${report.violations.length} other contradiction(s); ${report.requests} request(s) sent`,
    "",
  ];
  const guesses = [...report.guesses].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
  for (const guess of guesses) {
    lines.push(`${guess.verdict.toUpperCase().padEnd(14)} ${guess.location}  ${guess.where}`);
    for (const o of guess.observations) lines.push(`${" ".repeat(15)}${describeObservation(o)}`);
  }
  if (report.violations.length > 0) {
    lines.push("", "Contradictions of parts of the spec not marked x-unverified:");
    for (const v of report.violations) lines.push(`CONTRADICTED   ${v.location}  ${v.where}`, `${" ".repeat(15)}${describeObservation(v)}`);
  }
  if (report.deadlineReached) lines.push("", "Stopped at the deadline: what was not sent is not exercised.");
  if (report.notes.length > 0) lines.push("", "Notes:", ...report.notes.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}

/** @param {import("./verify.mjs").Observation} o */
function describeObservation(o) {
  const expected = o.expected ? ` (the spec assumes ${o.expected})` : "";
  return `${o.observed}${expected}${o.exchange ? `: ${o.exchange}` : ""}`;
}

/** @param {import("./verify.mjs").VerifyReport} report */
export const hasContradictions = (report) => report.violations.length > 0 || report.guesses.some((g) => g.verdict === "contradicted");

/**
 * The generated workflows' run: each workflow's outcome and every off-spec poll respect retried past.
 * @param {import("./run-jobs-workflow.mjs").JobsWorkflowResult} result
 */
export function formatWorkflows(result) {
  const lines = ["", `Job workflows under redocly respect: ${result.passed ? "passed" : "FAILED"} (exit ${result.exitCode})`];
  for (const w of result.workflows) {
    lines.push(`  ${w.status === "success" ? "ok  " : "FAIL"} ${w.workflowId} (${w.attempts} requests)`);
    for (const o of w.offSpec)
      lines.push(`       off-spec ${o.stepId} attempt ${o.attempt} (${o.statusCode ?? "no answer"}): ${o.check}: ${o.message}`);
  }
  if (!result.passed && result.workflows.length === 0) lines.push(result.output.trim().split("\n").slice(-20).join("\n"));
  return `${lines.join("\n")}\n`;
}
