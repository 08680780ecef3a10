// @ts-check
// The document's info: its text is docs; its `x-sunset` is the date the vendor retires the whole
// API, which consumers plan around, so a date brought forward breaks them and a new one warns them.

/** @typedef {import("./walk-context.mjs").WalkContext} WalkContext */

export const RULES = {
  "api-sunset-earlier": { class: "breaking", title: "the API's info.x-sunset date brought forward" },
  "api-sunset-changed": { class: "non-breaking", title: "the API's info.x-sunset date set, postponed or removed" },
};

/** @param {WalkContext} ctx */
export function compareInfo(ctx) {
  const [a, b] = [ctx.before.info ?? {}, ctx.after.info ?? {}];
  ctx.docs(a, b, "/info", "info");
  if (String(a["x-sunset"] ?? "") === String(b["x-sunset"] ?? "")) return;
  const [sa, sb] = [Date.parse(String(a["x-sunset"] ?? "")), Date.parse(String(b["x-sunset"] ?? ""))];
  const message = `info: x-sunset ${a["x-sunset"] ?? "none"} → ${b["x-sunset"] ?? "none"}`;
  if (Number.isFinite(sa) && Number.isFinite(sb) && sb < sa)
    ctx.add("api-sunset-earlier", "/info/x-sunset", `${message} (callers have less time)`);
  else ctx.add("api-sunset-changed", "/info/x-sunset", `${message}${Number.isFinite(sa) ? "" : " (the vendor now retires the API)"}`);
}
