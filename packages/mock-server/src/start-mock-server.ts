// A stateful fake vendor on node:http: serves every operation of the vendor's spec, simulates its job
// lifecycle, injects faults on request, and validates every body it sends against the spec.
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { VendorDescriptor } from "./descriptor.js";
import { type Fault, FaultQueue } from "./fault-queue.js";
import { replaceWord } from "./job-body.js";
import { type Advance, type JobScript, JobStore } from "./job-store.js";
import { createRouter } from "./match-route.js";
import { OVERRIDES } from "./overrides/index.js";
import { type LoggedRequest, maskHeaders, RequestLog } from "./request-log.js";
import { exampleOf } from "./sample-body.js";
import { documentedResponse, documentedStatuses, listSpecOperations, type OpenApiDocument, type OperationObject } from "./spec-document.js";
import { createSpecValidator, describeErrors } from "./spec-validator.js";
import { validateRequest } from "./validate-request.js";
import { VENDOR_DESCRIPTORS } from "./vendor-list.js";
import { createVendorMock, type JsonObject, loadVendorMock, type MockReply, type OperationId, type VendorName } from "./vendor-mock.js";

/** A generated descriptor and bundled spec, as a vendor package holds them. */
export interface MockDefinition {
  descriptor: unknown;
  document: unknown;
}

export interface MockServerOptions<V extends VendorName = VendorName> {
  vendor: V;
  /**
   * Simulate this generated descriptor and bundled spec instead of the installed vendor package's:
   * a spec under edit (`pnpm generate` into another folder), or a package built elsewhere.
   */
  definition?: MockDefinition;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, only this key is accepted; otherwise any non-empty key is. */
  apiKey?: string;
  /** Jobs advance one step per status poll (default) or one step per `everyMs`. */
  advance?: Advance;
  /** Lifecycle of jobs created by the start operation; defaults to the vendor's happy path. */
  lifecycle?: { steps?: string[]; outcome?: string };
  /** Called after each request is answered (the CLI prints it). */
  onRequest?: (entry: LoggedRequest) => void;
}

/**
 * A running mock of vendor `V`. `Route` is what `faults.inject` accepts: `V`'s operationIds, or any
 * string for a mock of a `definition` (its operations are known only at run time).
 */
export interface MockServer<V extends VendorName = VendorName, Route extends string = OperationId<V>> {
  url: string;
  close(): Promise<void>;
  jobs: JobStore;
  faults: FaultQueue<Route>;
  requests: RequestLog;
  /** Mock bugs: bodies that did not validate against the spec (each also answered 500). */
  errors: string[];
}

interface Outgoing {
  status: number;
  contentType?: string;
  text?: string;
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a mock of `options.vendor`; its faults are typed by that vendor's operationIds. */
export function startMockServer<V extends VendorName>(
  options: MockServerOptions<V> & { definition: MockDefinition },
): Promise<MockServer<V, string>>;
export function startMockServer<V extends VendorName>(options: MockServerOptions<V>): Promise<MockServer<V>>;
export async function startMockServer(options: MockServerOptions): Promise<MockServer<VendorName, string>> {
  if (!options.definition && !Object.hasOwn(VENDOR_DESCRIPTORS, options.vendor)) {
    throw new Error(`unknown vendor "${options.vendor}"; known: ${Object.keys(VENDOR_DESCRIPTORS).join(", ")}`);
  }
  const vendor = options.definition
    ? createVendorMock(
        options.vendor,
        options.definition.descriptor as VendorDescriptor,
        options.definition.document as OpenApiDocument,
        OVERRIDES[options.vendor] ?? {},
      )
    : loadVendorMock(options.vendor);
  const { document } = vendor;
  const validator = createSpecValidator(document, vendor.name);
  const operations = listSpecOperations(document);
  const route = createRouter(operations);
  const jobs = new JobStore(
    {
      steps: options.lifecycle?.steps ?? vendor.lifecycle.steps,
      outcome: options.lifecycle?.outcome ?? vendor.lifecycle.outcome,
      newId: vendor.newJobId,
    },
    options.advance ?? "poll",
  );
  const faults = new FaultQueue({
    vendor: vendor.name,
    statuses: new Map(operations.map((info) => [info.operationId, documentedStatuses(info.operation)])),
  });
  const requests = new RequestLog();
  const errors: string[] = [];
  const sockets = new Set<Socket>();
  let requestCounter = 0;

  /** Serializes a reply, filling in the documented body and validating it against the spec. */
  const render = (operation: OperationObject, operationId: string, reply: MockReply, deliberate?: Fault): Outgoing => {
    const documented = documentedResponse(document, operation, reply.status);
    let body = reply.body;
    if (body === undefined && documented) body = structuredClone(exampleOf(document, documented.media));
    if (reply.body === undefined && reply.edit) body = reply.edit(body as JsonObject | undefined);
    if (deliberate?.type === "unknown-status" && vendor.job) body = replaceWord(vendor.job, body, deliberate.word ?? "REVIEW_PENDING");
    const contentType = documented?.mediaType ?? (typeof body === "string" ? "text/plain" : "application/json");
    const json = contentType.includes("json");
    if (documented?.media?.schema && !deliberate) {
      const problems = validator.validate(documented.media.schema, body);
      if (problems) {
        const message = `mock-server bug: ${operationId} ${reply.status} body does not match the spec: ${describeErrors(problems)}`;
        errors.push(message);
        return { status: 500, contentType: "text/plain", text: message };
      }
    }
    let text = json ? JSON.stringify(body) : String(body ?? "");
    // JSON.stringify cannot write a number beyond 2^53 exactly; the fault rewrites the text instead.
    if (deliberate?.type === "numeric-id") {
      // The declared id's key (Apptus `"id"`) with its quoted digits written bare.
      const key = JSON.stringify(vendor.job?.id?.split("/").pop() ?? "id");
      text = text.replaceAll(new RegExp(`${escapeRegExp(key)}:"(\\d+)"`, "g"), `${key}:$1`);
    }
    return {
      status: reply.status,
      contentType: `${contentType}; charset=utf-8`,
      text,
      ...(reply.headers ? { headers: reply.headers } : {}),
    };
  };

  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    entry: LoggedRequest,
    body: Buffer,
  ): Promise<Outgoing | "handled"> => {
    const url = new URL(request.url ?? "/", "http://mock.local");
    const match = route(request.method ?? "GET", url.pathname);
    if (!match)
      return {
        status: 404,
        contentType: "text/plain",
        text: `mock-server (${vendor.name}): no operation for ${request.method} ${url.pathname}`,
      };
    const { info } = match;
    entry.operationId = info.operationId;

    const fault = faults.take(info.operationId);
    if (fault?.type === "latency") await sleep(fault.ms);
    if (fault?.type === "stall-after-headers") {
      response.writeHead(200, { "content-type": "application/json" });
      response.flushHeaders();
      return "handled";
    }
    if (fault?.type === "reset-mid-body") {
      response.writeHead(200, { "content-type": "application/json", "content-length": "512" });
      response.write('{"status":"PROCE');
      setTimeout(() => response.socket?.destroy(), 20);
      return "handled";
    }
    if (fault?.type === "malformed-json") return { status: 200, contentType: "application/json", text: '{"status": "PROCESSING", "id": ' };
    if (fault?.type === "html-error") {
      const status = fault.status ?? 502;
      return {
        status,
        contentType: "text/html",
        text: `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>${status}</h1><p>upstream error</p></body></html>`,
      };
    }
    if (fault?.type === "status") {
      if (documentedResponse(document, info.operation, fault.status))
        return render(info.operation, info.operationId, { status: fault.status });
      // Injected with `undocumented: true` (faults.inject refuses it otherwise): the spec has no body to send.
      return { status: fault.status, contentType: "text/plain", text: STATUS_CODES[fault.status] ?? "" };
    }
    if (fault?.type === "rate-limit") {
      const headers = { "retry-after": String(fault.retryAfter) };
      if (documentedResponse(document, info.operation, fault.status))
        return render(info.operation, info.operationId, { status: fault.status, headers });
      return {
        status: fault.status,
        contentType: "text/plain",
        text: fault.status === 429 ? "Too Many Requests" : "Service Unavailable",
        headers,
      };
    }

    const credential = vendor.readCredential(request.headers, url.searchParams);
    if (!credential || (options.apiKey !== undefined && credential !== options.apiKey)) {
      return render(info.operation, info.operationId, { status: vendor.authFailureStatus(info) });
    }

    const checked = validateRequest(document, validator, info, {
      pathParams: match.pathParams,
      query: url.searchParams,
      headers: request.headers,
      contentType: request.headers["content-type"],
      body,
    });
    if (checked.problems.length > 0) {
      const failure = vendor.validationFailure(info, checked.problems);
      if (failure) return render(info.operation, info.operationId, failure);
      // The vendor documents no validation error for this operation: say so plainly.
      return { status: 400, contentType: "text/plain", text: `Invalid request: ${checked.problems.join("; ")}` };
    }

    const reply: MockReply = vendor.handle(info.operationId, { info, params: { ...checked.params }, json: checked.json }, jobs) ?? {
      status: Number(Object.keys(info.operation.responses ?? {}).find((code) => code.startsWith("2")) ?? 200),
    };
    return render(
      info.operation,
      info.operationId,
      reply,
      fault?.type === "unknown-status" || fault?.type === "numeric-id" ? fault : undefined,
    );
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://mock.local");
    const entry: LoggedRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      operationId: undefined,
      headers: maskHeaders(request.headers, vendor.credentialHeaders),
      status: 0,
      at: Date.now(),
    };
    requests.push(entry);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      handle(request, response, entry, Buffer.concat(chunks))
        .then((out) => {
          if (out === "handled") {
            entry.status = response.statusCode;
            options.onRequest?.(entry);
            return;
          }
          entry.status = out.status;
          response.writeHead(out.status, {
            ...(out.contentType ? { "content-type": out.contentType } : {}),
            "x-request-id": `mock-${++requestCounter}`,
            ...out.headers,
          });
          response.end(out.text ?? "");
          options.onRequest?.(entry);
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          errors.push(message);
          entry.status = 500;
          if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
          response.end(`mock-server error: ${message}`);
        });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    jobs,
    faults,
    requests,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type { Fault, JobScript };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
