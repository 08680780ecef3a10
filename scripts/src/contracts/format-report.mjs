// @ts-check
// The contract-change report as a terminal table, JSON for machines, or Markdown for a PR comment.

/**
 * @param {Array<{ vendor: string | null, packageName: string | null, base: string, revision?: string, version: string | null, bump: string,
 *   changes: Array<{ rule: string, class: string, pointer: string, message: string, location: string }>,
 *   typeBreaks: Array<{ operationId: string, where: string, diagnostic: string }>, disagreements: string[] }>} results
 * @param {"table" | "json" | "markdown"} format
 */
export function formatReport(results, format) {
  if (format === "json") return `${JSON.stringify(results, null, 2)}\n`;
  const changed = results.filter((r) => r.changes.length > 0 || r.typeBreaks.length > 0);
  if (format === "markdown") {
    if (changed.length === 0) return "### Contract changes\n\nNo spec changes.\n";
    return [
      "### Contract changes",
      "",
      ...changed.flatMap((r) => [
        `#### ${title(r, "`")}: needs a **${r.bump}** bump`,
        "",
        "| Class | Rule | Change | Where |",
        "| --- | --- | --- | --- |",
        ...r.changes.map((c) => `| ${c.class} | \`${c.rule}\` | ${c.message.replaceAll("|", "\\|")} | \`${c.location}\` |`),
        "",
        ...(r.typeBreaks.length
          ? [
              "Generated types (TypeScript compiler):",
              "",
              ...r.typeBreaks.map((t) => `- breaking: \`${t.operationId}\` ${t.where}: ${t.diagnostic.replaceAll("|", "\\|")}`),
              "",
            ]
          : []),
        ...(r.disagreements.length ? ["Where the two signals disagree:", "", ...r.disagreements.map((d) => `- ${d}`), ""] : []),
      ]),
    ].join("\n");
  }
  if (changed.length === 0) return "contracts:diff: no spec changes\n";
  return changed
    .map((r) =>
      [
        `${title(r, "")}: ${r.changes.length} change(s), needs a ${r.bump} bump`,
        ...r.changes.map((c) => `  ${c.class.padEnd(12)} ${c.rule.padEnd(34)} ${c.location}  ${c.message}`),
        ...r.typeBreaks.map(
          (t) => `  ${"breaking".padEnd(12)} ${"types-incompatible".padEnd(34)} ${t.operationId} ${t.where}  ${t.diagnostic}`,
        ),
        ...r.disagreements.map((d) => `  signals disagree: ${d}`),
      ].join("\n"),
    )
    .join("\n\n")
    .concat("\n");
}

/**
 * "@vendorspec/x (since v1)" for a vendor, "a.yaml → b.yaml" for two files.
 * @param {{ packageName: string | null, base: string, revision?: string }} r @param {string} q quote
 */
function title(r, q) {
  return r.packageName ? `${q}${r.packageName}${q} (since ${q}${r.base}${q})` : `${q}${r.base}${q} → ${q}${r.revision}${q}`;
}
