// LeadsyGroup: bearer auth; `status_name` pending → processing → completed (or failed / cancelled),
// with processed_records and failed_records growing each poll to total_records.
import type { JobStore, MockJob } from "../job-store.js";
import { loadSpec } from "./load-spec.js";
import { isoTime, pollJob, type VendorMock } from "./vendor-mock.js";

const STATUS_CODES: Record<string, number> = { pending: 0, processing: 1, completed: 2, failed: 3, cancelled: 4 };

function importFile(job: MockJob, word: string, index: number, terminal: boolean) {
  const fraction = word === "completed" ? 1 : Math.min(1, index / (job.steps.length + 1));
  const processed = Math.round(job.total * fraction);
  const failed = Math.floor(processed / 20);
  return {
    id: Number(job.meta.numericId ?? 1),
    import_code: job.id,
    status: STATUS_CODES[word] ?? 9,
    total_records: job.total,
    processed_records: processed,
    failed_records: failed,
    status_name: word,
    started_at: index > 0 || terminal ? isoTime(job.createdAt) : null,
    finished_at: terminal ? isoTime(Date.now()) : null,
    error_file: failed > 0 ? `imports/${job.id}/errors.csv` : null,
    original_file: `imports/${job.id}/leads.csv`,
    imported_by: { id: 7, full_name: "Jane Doe", email: "jane.doe@mail.test" },
    success_rate: processed === 0 ? 0 : Math.round(((processed - failed) / processed) * 10_000) / 100,
    company: { id: Number(job.meta.companyId ?? 1) },
  };
}

const peek = (jobs: JobStore, job: MockJob) => {
  const { word, index } = jobs.currentStatus(job, false);
  return importFile(job, word, index, index >= job.steps.length);
};

export const leadsygroupMock: VendorMock = {
  name: "leadsygroup",
  document: loadSpec("@vendorspec/leadsygroup"),
  readCredential: (headers) => /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1],
  authFailureStatus: 401,
  validationFailure: (info, problems) =>
    info.operationId === "importLeads"
      ? { status: 422, body: { message: `The given data was invalid: ${problems.join("; ")}` } }
      : undefined,
  lifecycle: { steps: ["pending", "processing"], outcome: "completed" },
  newJobId: (n) => `imp_${n.toString(36).padStart(6, "0")}`,
  statusOperationId: "getImportStatus",
  replaceStatusWord: (body, word) => {
    const file = (body as { import_file: Record<string, unknown> }).import_file;
    return { import_file: { ...file, status_name: word } };
  },
  handlers: {
    importLeads: ({ params }, jobs) => {
      const job = jobs.create({ meta: { companyId: params.company_id, numericId: jobs.list().length + 1 } });
      return { status: 201, body: { import_file: peek(jobs, job) } };
    },
    getImportStatus: ({ params }, jobs) => {
      const job = jobs.get(String(params.import_code));
      if (!job) return { status: 404, body: { message: "Import not found" } };
      const { word, index, terminal } = pollJob(jobs, job);
      return { status: 200, body: { import_file: importFile(job, word, index, terminal) } };
    },
    listImportFiles: ({ params }, jobs) => {
      const perPage = Number(params.per_page ?? 15);
      const page = Number(params.page ?? 1);
      const all = jobs.list();
      const data = all.slice((page - 1) * perPage, page * perPage).map((job) => peek(jobs, job));
      return {
        status: 200,
        body: {
          data,
          meta: { current_page: page, per_page: perPage, total: all.length, last_page: Math.max(1, Math.ceil(all.length / perPage)) },
        },
      };
    },
  },
};
