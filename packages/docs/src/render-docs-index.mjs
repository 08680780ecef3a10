// @ts-check
// The docs site's index page: every vendor with its operations, what is deprecated and its sunset date,
// its job lifecycle (drawn from its descriptor: the declared word map the client and the mock run on)
// and the parts of its contract that are still guesses. Links are relative, so the site works from the
// file system and any host.
import { collectUnverified, describePointer } from "@vendorspec/scripts/collect-unverified";
import { createSpecModel } from "@vendorspec/scripts/spec-model";
import { escapeHtml, renderLifecycleSvg } from "./render-lifecycle-svg.mjs";

/**
 * @typedef {{ status: string, match: string, states: Readonly<Record<string, string>>, notFound: readonly string[],
 *   statusOperation: string, starts: ReadonlyArray<{ operationId: string }>, poll: { intervalMs: number, timeoutMs: number } }} DocsJob
 * @typedef {{ deprecated?: true, sunset?: string }} DocsOperation  the descriptor's deprecation of one operation
 * @typedef {{ name: string, packageName: string, document: any, job: DocsJob | null, sunset?: string,
 *   operations: Readonly<Record<string, DocsOperation>> }} DocsVendor  sunset: the API's (info.x-sunset)
 */

/** @param {string} date */
const renderDate = (date) => `<time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>`;

/**
 * The badge of a deprecated operation: deprecated itself, or dated by its own x-sunset or the API's
 * (the same rule the generated types and the client's warning follow). Empty when it is not.
 * @param {DocsVendor} vendor @param {string} operationId
 */
function renderOperationDeprecation(vendor, operationId) {
  const own = vendor.operations[operationId] ?? {};
  const sunset = own.sunset ?? vendor.sunset;
  if (!own.deprecated && sunset === undefined) return "";
  return ` <strong class="deprecated">deprecated${sunset === undefined ? " (no sunset date)" : `, sunset ${renderDate(sunset)}`}</strong>`;
}

/** @param {string} vendor @param {DocsJob} job */
function renderJob(vendor, job) {
  const code = (/** @type {string} */ text) => `<code>${escapeHtml(text)}</code>`;
  const starts =
    job.starts.length > 0
      ? `started by ${job.starts.map((s) => code(s.operationId)).join(", ")}`
      : "no operation returns a job id to follow";
  return [
    `<p>Status operation ${code(job.statusOperation)} (${starts}); status word at ${code(job.status)}; ${
      job.match === "exact"
        ? "the vendor publishes this whole set, matched exactly"
        : "the vendor publishes no vocabulary, so these common words are matched case-insensitively and anything else is <code>unknown</code>"
    }.${job.notFound.length > 0 ? ` ${job.notFound.map(code).join(", ")} means no such job.` : ""} Polled every ${job.poll.intervalMs / 1000} s for up to ${Math.round(job.poll.timeoutMs / 60_000)} min by default.</p>`,
    renderLifecycleSvg(vendor, job.states),
  ].join("\n");
}

/** @param {DocsVendor} vendor */
function renderVendor(vendor) {
  const { document } = vendor;
  const operations = createSpecModel(document).operations;
  const unverified = collectUnverified(document);
  const lifecycle = vendor.job
    ? renderJob(vendor.name, vendor.job)
    : "<p>This spec declares no job (<code>x-vendorspec-job</code> on a status operation).</p>";
  return `<section class="vendor" id="${escapeHtml(vendor.name)}">
<h2>${escapeHtml(document.info.title)} <small><code>${escapeHtml(vendor.packageName)}</code></small></h2>
<p><a class="reference" href="./${encodeURIComponent(vendor.name)}.html">API reference</a> · contract ${escapeHtml(document.info.version)} · written from <a href="${escapeHtml(String(document.info["x-vendor-docs-url"] ?? ""))}">the vendor's docs</a></p>
${vendor.sunset === undefined ? "" : `<p class="sunset"><strong>Deprecated:</strong> the vendor retires this API on ${renderDate(vendor.sunset)} (<code>info.x-sunset</code>); every operation below goes with it.</p>\n`}<h3>Operations</h3>
<table class="operations"><thead><tr><th>Method</th><th>Path</th><th>operationId</th><th>Summary</th></tr></thead><tbody>
${operations.map((o) => `<tr><td>${o.method.toUpperCase()}</td><td><code>${escapeHtml(o.path)}</code></td><td><code>${escapeHtml(o.operationId)}</code></td><td>${escapeHtml(o.summary)}${renderOperationDeprecation(vendor, o.operationId)}</td></tr>`).join("\n")}
</tbody></table>
<h3>Job lifecycle</h3>
${lifecycle}
<h3>Unverified (<span class="unverified-count">${unverified.length}</span>)</h3>
${unverified.length === 0 ? "<p>Nothing in this contract is marked as a guess.</p>" : `<ul class="unverified">${unverified.map((u) => `<li><strong>${escapeHtml(describePointer(u.pointer))}</strong>: ${escapeHtml(u.assumption)}</li>`).join("\n")}</ul>`}
</section>`;
}

// The index loads nothing: its styles and diagrams are inline, so the network is refused outright.
const INDEX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** @param {DocsVendor[]} vendors */
export function renderDocsIndex(vendors) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${INDEX_POLICY}">
<title>vendorspec: vendor API contracts</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
section.vendor{border-top:2px solid #111;margin-top:2.5rem}small{font-weight:normal;color:#555}
ul.unverified li{margin:.2rem 0}
.deprecated{color:#b91c1c}p.sunset{border-left:4px solid #b91c1c;background:#fef2f2;padding:.5rem .8rem}
</style>
</head>
<body>
<h1>vendorspec</h1>
<p>Hand-written OpenAPI 3.1 contracts of vendor APIs, compiled into typed npm packages. ${vendors.length} vendors:</p>
<ul class="vendor-list">
${vendors.map((v) => `<li><a href="#${escapeHtml(v.name)}">${escapeHtml(v.document.info.title)}</a> (<a href="./${encodeURIComponent(v.name)}.html">reference</a>)${v.sunset === undefined ? "" : ` <strong class="deprecated">deprecated, sunset ${renderDate(v.sunset)}</strong>`}</li>`).join("\n")}
</ul>
${vendors.map(renderVendor).join("\n")}
</body>
</html>
`;
}
