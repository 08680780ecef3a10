// The parts of a vendor descriptor (generated into each @vendorspec/<vendor> package from its spec)
// that the mock reads.

export interface JobDescriptor {
  readonly statusOperation: string;
  readonly idParameter: { readonly name: string; readonly in: string; readonly type: string };
  readonly status: string;
  readonly match: string;
  readonly states: Readonly<Record<string, "queued" | "running" | "succeeded" | "failed" | "cancelled">>;
  readonly notFound: readonly string[];
  readonly id?: string;
  readonly message?: string;
  readonly result?: string;
  readonly progress?: { readonly processed: string; readonly total: string; readonly failed?: string };
  readonly timestamps?: { readonly created?: string; readonly started?: string; readonly finished?: string };
  readonly starts: readonly { readonly operationId: string; readonly statuses: readonly number[]; readonly id: string }[];
}

export interface VendorDescriptor {
  readonly vendor: string;
  readonly auth: { readonly type: string; readonly in?: string; readonly name?: string };
  readonly job: JobDescriptor | null;
}
