// The vendor table: one simulated vendor per file, looked up by name.
import { apptusEsalesMock } from "./apptus-esales.js";
import { docutrayMock } from "./docutray.js";
import { leadsygroupMock } from "./leadsygroup.js";
import { lettrlabsMock } from "./lettrlabs.js";
import type { VendorMock, VendorName } from "./vendor-mock.js";

export const VENDOR_MOCKS: Record<VendorName, VendorMock> = {
  docutray: docutrayMock,
  "apptus-esales": apptusEsalesMock,
  leadsygroup: leadsygroupMock,
  lettrlabs: lettrlabsMock,
};
