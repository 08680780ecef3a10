// Docutray: bearer auth; ENQUEUED → PROCESSING → SUCCESS (with `data`) | ERROR (with `error`).
import type { MockJob } from "../job-store.js";
import { loadSpec } from "./load-spec.js";
import { isoTime, pollJob, type VendorMock } from "./vendor-mock.js";

function statusBody(job: MockJob, word: string, terminal: boolean) {
  return {
    conversion_id: job.id,
    status: word,
    request_timestamp: isoTime(job.createdAt),
    document_type_code: String(job.meta.document_type_code ?? "invoice"),
    original_filename: String(job.meta.original_filename ?? "document.pdf"),
    status_url: `/api/convert-async/status/${job.id}`,
    ...(terminal ? { response_timestamp: isoTime(Date.now()) } : {}),
    ...(word === "SUCCESS" ? { data: job.data ?? { invoice_number: "INV-001", total: 149.99 } } : {}),
    ...(word === "ERROR" ? { error: job.message ?? "Conversion failed" } : {}),
  };
}

export const docutrayMock: VendorMock = {
  name: "docutray",
  document: loadSpec("@vendorspec/docutray"),
  readCredential: (headers) => /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1],
  authFailureStatus: 401,
  validationFailure: (info, problems) => {
    if (info.operationId === "getConversionStatus") return undefined;
    if (problems.some((p) => p.startsWith("unsupported Content-Type"))) {
      return { status: 400, body: { message: "Unsupported Content-Type. Use multipart/form-data or application/json" } };
    }
    return { status: 400, body: { message: "Validation error", errors: problems.map((message) => ({ message })) } };
  },
  lifecycle: { steps: ["ENQUEUED", "PROCESSING"], outcome: "SUCCESS" },
  newJobId: (n) => `cmmock${n.toString(36).padStart(8, "0")}`,
  statusOperationId: "getConversionStatus",
  replaceStatusWord: (body, word) => ({ ...(body as object), status: word }),
  handlers: {
    startConversion: ({ json }, jobs) => {
      const fields = (json ?? {}) as Record<string, unknown>;
      const job = jobs.create({
        meta: {
          document_type_code: fields.document_type_code ?? "invoice",
          original_filename: typeof fields.image_url === "string" ? (fields.image_url.split("/").pop() ?? "document.pdf") : "document.pdf",
        },
      });
      return { status: 200, body: { conversion_id: job.id, status_url: `/api/convert-async/status/${job.id}`, status: "ENQUEUED" } };
    },
    getConversionStatus: ({ params }, jobs) => {
      const job = jobs.get(String(params.conversion_id));
      if (!job) return { status: 404 };
      const { word, terminal } = pollJob(jobs, job);
      return { status: 200, body: statusBody(job, word, terminal) };
    },
    createDocumentType: ({ json }) => {
      const request = (json ?? {}) as Record<string, unknown>;
      const now = isoTime(Date.now());
      return {
        status: 201,
        body: {
          data: {
            id: "dtmock0001",
            codeType: request.codeType,
            name: request.name,
            description: request.description ?? null,
            isPublic: false,
            isDraft: request.isDraft ?? true,
            status: "draft",
            createdAt: now,
            updatedAt: now,
          },
        },
      };
    },
  },
};
