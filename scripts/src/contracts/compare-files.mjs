// @ts-check
// Two-file mode: any two OpenAPI documents (3.0 or 3.1, YAML or JSON), e.g. a vendor's newly
// published spec against ours. One report entry in the same shape as the per-vendor ones.
import { readFile } from "node:fs/promises";
import { buildReport } from "./build-report.mjs";
import { loadDocument } from "./load-document.mjs";

/**
 * @param {{ baseFile: string, revisionFile: string, now?: number }} options
 */
export async function compareFiles({ baseFile, revisionFile, now }) {
  const side = async (/** @type {string} */ file) => ({
    document: await loadDocument(file),
    source: await readFile(file, "utf8"),
    label: file,
  });
  const [base, revision] = await Promise.all([side(baseFile), side(revisionFile)]);
  const report = await buildReport({ base, revision, ...(now === undefined ? {} : { now }) });
  return [{ vendor: null, packageName: null, base: baseFile, revision: revisionFile, version: null, ...report }];
}
