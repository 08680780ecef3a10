// @ts-check
// One vendor's API reference page: the bundled contract inlined in the page and rendered by the redoc
// bundle shipped next to it (ship-redoc.mjs). Nothing is fetched: the page works opened from disk,
// offline, and its Content-Security-Policy stops anything (a logo in a spec's markdown, say) from
// reaching the network.
import { escapeHtml } from "./render-lifecycle-svg.mjs";
import { REDOC_FILES } from "./ship-redoc.mjs";

// 'self' lets the page load the two scripts beside it; redoc injects its styles and runs its search
// index in a blob: worker. Everything else, network included, is refused.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * JSON that can sit inside a <script> element: no `<` can close it or open a comment.
 * @param {unknown} value
 */
const inlineJson = (value) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * @param {{ name: string, document: any }} vendor
 * @returns {string}
 */
export function renderReferencePage({ name, document }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(String(document.info?.title ?? name))}: API reference</title>
<style>body{margin:0}</style>
</head>
<body>
<noscript><p>This reference is drawn by JavaScript. Without it, <a href="./index.html#${escapeHtml(name)}">the index</a> lists the operations.</p></noscript>
<div id="redoc"></div>
<script type="application/json" id="openapi">${inlineJson(document)}</script>
<script src="./${REDOC_FILES.bundle}"></script>
<script src="./${REDOC_FILES.start}"></script>
</body>
</html>
`;
}
