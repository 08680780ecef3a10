// Docutray: a conversion submitted by URL is named after the URL's last segment (the spec says the
// server derives the name, not how).
import type { VendorOverride } from "../vendor-mock.js";

export const docutrayOverride: VendorOverride = {
  decorateStatus(body, job) {
    const url = (job.meta.echo as { image_url?: unknown } | undefined)?.image_url;
    if (typeof url === "string") body.original_filename = url.split("/").pop() || "document.pdf";
  },
};
