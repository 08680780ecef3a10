// @ts-check
// One report entry: the changes between two documents with their rule, class and place in the
// spec, the compiler's verdict on the generated types, where the two signals disagree, and the bump.
import { diffDocuments } from "./diff/diff-documents.mjs";
import { findDisagreements } from "./find-disagreements.mjs";
import { createLocator } from "./locate-pointer.mjs";
import { requiredBump } from "./required-bump.mjs";
import { checkTypeCompatibility } from "./type-compatibility.mjs";

/**
 * @typedef {object} Side
 * @property {Record<string, any>} document bundled 3.1 document
 * @property {string} source the text of its root file (to find lines)
 * @property {string} label how a location names the file, e.g. "specs/x/openapi.yaml"
 */

/**
 * @param {{ base: Side, revision: Side, version?: string, now?: number }} input
 *   `version` is the package's current version; without one, a breaking change needs a major bump
 */
export async function buildReport({ base, revision, version, now }) {
  const locateRevision = createLocator(revision.source);
  const locateBase = createLocator(base.source);
  const changes = diffDocuments(base.document, revision.document, now === undefined ? {} : { now }).map((change) => {
    const inRevision = locateRevision(change.pointer);
    const inBase = inRevision.exact ? undefined : locateBase(change.pointer);
    const location = inBase?.exact ? `${base.label}:${inBase.line}` : `${revision.label}:${inRevision.line}`;
    return { ...change, location };
  });
  // The type signal costs a compile of both versions; skip it when nothing changed.
  const typeBreaks =
    JSON.stringify(base.document) === JSON.stringify(revision.document)
      ? []
      : await checkTypeCompatibility(base.document, revision.document);
  const disagreements = findDisagreements(revision.document, changes, typeBreaks);
  const bump = requiredBump([...changes, ...typeBreaks.map(() => ({ class: /** @type {const} */ ("breaking") }))], version ?? "1.0.0");
  return { changes, typeBreaks, disagreements, bump };
}
