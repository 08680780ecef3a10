// Apptus eSales: `Api-Key` auth (403 "Incorrect cluster credentials"); WAITING → (BLOCKED) →
// IN_PROGRESS → SUCCESS | FAILURE (with `reason`) | ABORTED; NOT_FOUND for unknown ids; 19-digit ids.
import { loadSpec } from "./load-spec.js";
import { pollJob, type VendorMock } from "./vendor-mock.js";

const FIRST_ID = 5537431447739019570n;

export const apptusEsalesMock: VendorMock = {
  name: "apptus-esales",
  document: loadSpec("@vendorspec/apptus-esales"),
  readCredential: (headers) => (typeof headers["api-key"] === "string" && headers["api-key"] !== "" ? headers["api-key"] : undefined),
  authFailureStatus: 403,
  validationFailure: (info, problems) =>
    info.operationId === "startImport" ? { status: 400, body: `Invalid request: ${problems.join("; ")}` } : undefined,
  lifecycle: { steps: ["WAITING", "IN_PROGRESS"], outcome: "SUCCESS" },
  newJobId: (n) => String(FIRST_ID + BigInt(n)),
  statusOperationId: "getImportStatus",
  replaceStatusWord: (body, word) => ({ ...(body as object), status: word }),
  handlers: {
    startImport: (_, jobs) => {
      const job = jobs.create();
      return { status: 202, body: { id: job.id, reason: null, status: "WAITING" } };
    },
    getImportStatus: ({ params }, jobs) => {
      const id = String(params.id);
      const job = jobs.get(id);
      if (!job) return { status: 200, body: { id, reason: null, status: "NOT_FOUND" } };
      const { word } = pollJob(jobs, job);
      return { status: 200, body: { id: job.id, reason: word === "FAILURE" ? (job.message ?? "Import failed") : null, status: word } };
    },
  },
};
