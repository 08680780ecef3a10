// The optional per-vendor overrides: only what a vendor's spec cannot express. A vendor without a
// file here is simulated from its spec alone.
import type { VendorOverride } from "../vendor-mock.js";
import { docutrayOverride } from "./docutray.js";
import { leadsygroupOverride } from "./leadsygroup.js";
import { lettrlabsOverride } from "./lettrlabs.js";

export const OVERRIDES: Readonly<Record<string, VendorOverride>> = {
  docutray: docutrayOverride,
  leadsygroup: leadsygroupOverride,
  lettrlabs: lettrlabsOverride,
};
