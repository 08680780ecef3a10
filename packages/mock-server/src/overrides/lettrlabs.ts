// LettrLabs: posting conversions echoes the records and starts a conversion whose id the response
// does not carry; DELETE marks a conversion for deletion, the next status poll shows "deleting",
// then the conversion is gone (404). None of this is expressible in the spec.
import type { VendorOverride } from "../vendor-mock.js";

export const lettrlabsOverride: VendorOverride = {
  handlers: {
    postConversions: ({ json }, jobs) => {
      const records = Array.isArray(json) ? json : [];
      jobs.create({ meta: { records: records.length } });
      return { status: 200, edit: (documented) => ({ ...documented, payload: records, errors: [], hasErrors: false }) };
    },
    deleteConversion: ({ params }, jobs) => {
      const job = jobs.get(String(params.id));
      if (!job) return { status: 404 };
      job.deleted = true;
      return { status: 200 };
    },
    getConversionStatus: ({ params }, jobs, { next }) => {
      const job = jobs.get(String(params.id));
      if (job?.deleted) {
        if (job.forcedStatus === "deleting") {
          jobs.delete(job.id);
          return { status: 404 };
        }
        jobs.set(job.id, { status: "deleting" });
      }
      return next ? next() : { status: 404 };
    },
  },
};
