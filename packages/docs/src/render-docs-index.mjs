// @ts-check
// The docs site's index page: every vendor with its operations, its job lifecycle (drawn from its
// descriptor: the declared word map the client and the mock run on) and the parts of its contract
// that are still guesses. Links are relative, so the site works from the file system and any host.
import { collectUnverified, describePointer } from "@vendorspec/scripts/collect-unverified";
import { createSpecModel } from "@vendorspec/scripts/spec-model";
import { escapeHtml, renderLifecycleSvg } from "./render-lifecycle-svg.mjs";

/**
 * @typedef {{ status: string, match: string, states: Readonly<Record<string, string>>, notFound: readonly string[],
 *   statusOperation: string, starts: ReadonlyArray<{ operationId: string }>, poll: { intervalMs: number, timeoutMs: number } }} DocsJob
 * @typedef {{ name: string, packageName: string, document: any, job: DocsJob | null }} DocsVendor
 */

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
<h3>Operations</h3>
<table class="operations"><thead><tr><th>Method</th><th>Path</th><th>operationId</th><th>Summary</th></tr></thead><tbody>
${operations.map((o) => `<tr><td>${o.method.toUpperCase()}</td><td><code>${escapeHtml(o.path)}</code></td><td><code>${escapeHtml(o.operationId)}</code></td><td>${escapeHtml(o.summary)}</td></tr>`).join("\n")}
</tbody></table>
<h3>Job lifecycle</h3>
${lifecycle}
<h3>Unverified (<span class="unverified-count">${unverified.length}</span>)</h3>
${unverified.length === 0 ? "<p>Nothing in this contract is marked as a guess.</p>" : `<ul class="unverified">${unverified.map((u) => `<li><strong>${escapeHtml(describePointer(u.pointer))}</strong>: ${escapeHtml(u.assumption)}</li>`).join("\n")}</ul>`}
</section>`;
}

/** @param {DocsVendor[]} vendors */
export function renderDocsIndex(vendors) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vendorspec: vendor API contracts</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
section.vendor{border-top:2px solid #111;margin-top:2.5rem}small{font-weight:normal;color:#555}
ul.unverified li{margin:.2rem 0}
</style>
</head>
<body>
<h1>vendorspec</h1>
<p>Hand-written OpenAPI 3.1 contracts of vendor APIs, compiled into typed npm packages. ${vendors.length} vendors:</p>
<ul class="vendor-list">
${vendors.map((v) => `<li><a href="#${escapeHtml(v.name)}">${escapeHtml(v.document.info.title)}</a> (<a href="./${encodeURIComponent(v.name)}.html">reference</a>)</li>`).join("\n")}
</ul>
${vendors.map(renderVendor).join("\n")}
</body>
</html>
`;
}
