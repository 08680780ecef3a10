// LettrLabs: `X-API-KEY` auth; every body in the envelope; `payload.status` pending → processing →
// completed; DELETE marks a conversion for deletion ("deleting" on the next poll, then 404).
import type { JobStore, MockJob } from "../job-store.js";
import { loadSpec } from "./load-spec.js";
import { isoTime, type MockReply, pollJob, type VendorMock } from "./vendor-mock.js";

const PROFILE = {
  id: 1,
  aadId: "1cbad290-069a-4527-be23-a0c144b5302d",
  email: "ops@client.test",
  firstName: "Jane",
  lastName: "Doe",
  company: "Client Co",
  created: "2024-01-15T10:30:00Z",
  shouldProcessQrCodes: false,
};

const envelope = (payload: unknown, errors: string[] = []) => ({
  profile: PROFILE,
  payload,
  errors,
  hasErrors: errors.length > 0,
  warnings: [],
  hasWarnings: false,
  metadata: {},
});

const conversion = (job: MockJob, word: string) => ({
  id: Number(job.id),
  fileName: String(job.meta.fileName ?? "api-post.json"),
  dataSourceType: "Api",
  status: word,
  uploadDate: isoTime(job.createdAt),
});

const notFound = (id: unknown): MockReply => ({ status: 404, body: envelope(null, [`Conversion ${String(id)} not found`]) });

export const lettrlabsMock: VendorMock = {
  name: "lettrlabs",
  document: loadSpec("@vendorspec/lettrlabs"),
  readCredential: (headers) => (typeof headers["x-api-key"] === "string" && headers["x-api-key"] !== "" ? headers["x-api-key"] : undefined),
  authFailureStatus: 401,
  validationFailure: (_, problems) => ({
    status: 400,
    body: { ...envelope(null, problems), reasonCode: "ValidationFailed", message: "The request is invalid" },
  }),
  lifecycle: { steps: ["pending", "processing"], outcome: "completed" },
  newJobId: (n) => String(1000 + n),
  statusOperationId: "getConversionStatus",
  replaceStatusWord: (body, word) => {
    const b = body as { payload: Record<string, unknown> };
    return { ...b, payload: { ...b.payload, status: word } };
  },
  handlers: {
    postConversions: ({ json }, jobs) => {
      const records = Array.isArray(json) ? json : [];
      jobs.create({ meta: { records: records.length } });
      return { status: 200, body: envelope(records) };
    },
    getConversionStatus: ({ params }, jobs: JobStore) => {
      const job = jobs.get(String(params.id));
      if (!job) return notFound(params.id);
      if (job.deleted) {
        // The first poll after DELETE shows the deletion under way; then the conversion is gone.
        if (job.forcedStatus === "deleting") {
          jobs.delete(job.id);
          return notFound(params.id);
        }
        jobs.set(job.id, { status: "deleting" });
        return { status: 200, body: envelope(conversion(job, "deleting")) };
      }
      const { word } = pollJob(jobs, job);
      return { status: 200, body: envelope(conversion(job, word), word === "failed" && job.message ? [job.message] : []) };
    },
    deleteConversion: ({ params }, jobs) => {
      const job = jobs.get(String(params.id));
      if (!job) return notFound(params.id);
      job.deleted = true;
      return { status: 200, body: envelope(conversion(job, "pending deletion")) };
    },
    listConversions: ({ params }, jobs) => {
      const size = Number(params.pageSize ?? 50);
      const page = Number(params.pageNumber ?? 0);
      const payload = jobs
        .list()
        .slice(page * size, (page + 1) * size)
        .map((job) => conversion(job, jobs.currentStatus(job, false).word));
      return { status: 200, body: envelope(payload) };
    },
  },
};
