// LeadsyGroup: the list of import files shows the mock's imports (the spec cannot say that a list
// and a status operation show the same records).
import type { JsonObject, VendorOverride } from "../vendor-mock.js";

export const leadsygroupOverride: VendorOverride = {
  handlers: {
    listImportFiles: ({ params }, jobs, { peek }) => {
      const perPage = Number(params.per_page ?? 15);
      const page = Number(params.page ?? 1);
      const all = jobs.list();
      const data = all.slice((page - 1) * perPage, page * perPage).map((job) => (peek(job) as { import_file: unknown }).import_file);
      const meta = { current_page: page, per_page: perPage, total: all.length, last_page: Math.max(1, Math.ceil(all.length / perPage)) };
      return {
        status: 200,
        edit: (documented) => ({ ...documented, data, meta: { ...(documented?.meta as JsonObject | undefined), ...meta } }),
      };
    },
  },
};
