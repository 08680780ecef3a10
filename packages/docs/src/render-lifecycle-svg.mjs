// @ts-check
// Draws a vendor's job lifecycle as an inline SVG: its status words on the left, the normalized job
// states on the right, a line from each word to the state the client maps it to.

const STATES = ["queued", "running", "succeeded", "failed", "cancelled"];
const COLORS = { queued: "#6b7280", running: "#2563eb", succeeded: "#16a34a", failed: "#dc2626", cancelled: "#a16207" };

/** @param {string} text */
export const escapeHtml = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * @param {string} vendor
 * @param {Readonly<Record<string, string>>} words vendor word → job state
 */
export function renderLifecycleSvg(vendor, words) {
  const entries = Object.entries(words);
  const rowHeight = 26;
  const height = Math.max(entries.length, STATES.length) * rowHeight + 20;
  const stateY = (/** @type {string} */ state) => 20 + STATES.indexOf(state) * ((height - 40) / (STATES.length - 1));
  const lines = entries.map(([word, state], i) => {
    const y = 20 + i * rowHeight;
    const color = COLORS[/** @type {keyof typeof COLORS} */ (state)] ?? "#000";
    return [
      `<text x="190" y="${y + 4}" text-anchor="end" class="word">${escapeHtml(word)}</text>`,
      `<line x1="196" y1="${y}" x2="394" y2="${stateY(state)}" stroke="${color}" stroke-width="1.5"/>`,
    ].join("");
  });
  const states = STATES.map(
    (state) =>
      `<rect x="400" y="${stateY(state) - 11}" width="110" height="22" rx="11" fill="${COLORS[/** @type {keyof typeof COLORS} */ (state)]}"/>` +
      `<text x="455" y="${stateY(state) + 4}" text-anchor="middle" class="state">${state}</text>`,
  );
  return [
    `<svg class="lifecycle" data-vendor="${escapeHtml(vendor)}" role="img" aria-label="${escapeHtml(vendor)} job lifecycle: vendor statuses to job states" viewBox="0 0 520 ${height}" width="520" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    "<style>.word{font:12px ui-monospace,monospace;fill:#111}.state{font:12px sans-serif;fill:#fff}</style>",
    ...lines,
    ...states,
    "</svg>",
  ].join("\n");
}
