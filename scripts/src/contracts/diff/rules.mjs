// @ts-check
// Every rule the gate knows, gathered from the comparators that own them. An id is stable: reports,
// CI logs and changesets quote it. Two tables claiming one id is a programming error.
import { RULES as CONTENT } from "./compare-content.mjs";
import { RULES as HEADERS } from "./compare-headers.mjs";
import { RULES as INFO } from "./compare-info.mjs";
import { RULES as JOB } from "./compare-job-declaration.mjs";
import { RULES as OPERATIONS } from "./compare-operations.mjs";
import { RULES as PARAMETERS } from "./compare-parameters.mjs";
import { RULES as REQUEST_BODY } from "./compare-request-body.mjs";
import { RULES as RESPONSES } from "./compare-responses.mjs";
import { RULES as SCHEMAS } from "./compare-schemas.mjs";
import { RULES as SECURITY } from "./compare-security.mjs";

export { CLASS_RANK } from "./rule-table.mjs";

/** @type {import("./rule-table.mjs").RuleTable} */
const DOCS = { "docs-changed": { class: "docs-only", title: "summary, description, example or tags changed" } };

/** @type {import("./rule-table.mjs").RuleTable} */
export const RULES = {};
for (const table of [INFO, OPERATIONS, PARAMETERS, REQUEST_BODY, RESPONSES, HEADERS, CONTENT, SCHEMAS, SECURITY, JOB, DOCS]) {
  for (const [id, rule] of Object.entries(table)) {
    if (Object.hasOwn(RULES, id)) throw new Error(`contract rule ${id} is defined twice`);
    RULES[id] = /** @type {import("./rule-table.mjs").Rule} */ (rule);
  }
}
