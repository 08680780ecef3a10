// The shape of a vendor descriptor, as generated into each `@vendorspec/<vendor>` package from its
// spec (`x-vendorspec-job`, links, securitySchemes, servers). The client reads nothing else about a
// vendor; the generated `typeof descriptor` narrows these types to the vendor's literals.
import type { JobState } from "./job.js";

/** The states a declaration maps words to (`unknown` is what an undeclared word gets). */
export type DeclaredState = Exclude<JobState, "unknown">;

export interface StartDescriptor {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly statuses: readonly number[];
  /** JSON pointer to the job id in the start response body (from the link's runtime expression). */
  readonly id: string;
}

export interface JobDescriptor {
  readonly statusOperation: string;
  readonly method: string;
  readonly path: string;
  readonly idParameter: { readonly name: string; readonly in: string; readonly type: string };
  readonly status: string;
  readonly match: string;
  readonly states: Readonly<Record<string, DeclaredState>>;
  readonly notFound: readonly string[];
  readonly id?: string;
  readonly preserveIdDigits: boolean;
  readonly message?: string;
  readonly result?: string;
  readonly progress?: { readonly processed: string; readonly total: string; readonly failed?: string };
  readonly timestamps?: { readonly created?: string; readonly started?: string; readonly finished?: string };
  readonly poll: { readonly intervalMs: number; readonly timeoutMs: number };
  readonly starts: readonly StartDescriptor[];
}

export type AuthDescriptor =
  | { readonly type: "apiKey"; readonly in: string; readonly name: string }
  | { readonly type: "bearer" }
  | { readonly type: "none" };

export interface ServerVariableDescriptor {
  readonly default: string;
  /** The client option that sets it (the variable's name in camelCase). */
  readonly option: string;
  /** No enum: the default is a placeholder, so the caller must give it (or `baseUrl`). */
  readonly required: boolean;
}

export interface VendorDescriptor {
  readonly vendor: string;
  readonly clientName: string;
  readonly title: string;
  readonly contractVersion: string;
  readonly sunset?: string;
  readonly auth: AuthDescriptor;
  readonly server: { readonly url: string; readonly variables: Readonly<Record<string, ServerVariableDescriptor>> };
  readonly operations: Readonly<
    Record<
      string,
      {
        readonly method: string;
        readonly path: string;
        readonly requestMediaTypes: readonly string[];
        readonly deprecated?: true;
        readonly sunset?: string;
      }
    >
  >;
  readonly job: JobDescriptor | null;
}
