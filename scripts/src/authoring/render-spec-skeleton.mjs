// @ts-check
// The spec `pnpm new-vendor` starts a vendor with: lint-clean, with the vendor's auth scheme, a
// placeholder server, a start operation (with a JSON request example) linked to a status operation
// that carries the job declaration, and the docs-URL extension. From this alone the client, the
// mock server and the docs serve the vendor. Every placeholder is marked x-unverified so it shows up
// as "to confirm" until the spec author replaces it.

/**
 * @typedef {{ kind: "bearer" } | { kind: "header", name: string }} AuthChoice
 */

/**
 * @param {string} value e.g. "bearer" or "header:X-API-KEY"
 * @returns {AuthChoice}
 */
export function parseAuthChoice(value) {
  if (value === "bearer") return { kind: "bearer" };
  const header = /^header:([A-Za-z0-9-]+)$/.exec(value);
  if (header?.[1]) return { kind: "header", name: header[1] };
  throw new Error(`--auth must be "bearer" or "header:<Header-Name>", got "${value}"`);
}

/** @param {string} name */
const titleOf = (name) =>
  name
    .split(/[-_.]/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");

/**
 * @param {{ name: string, docsUrl: string, auth: AuthChoice }} options
 */
export function renderSpecSkeleton({ name, docsUrl, auth }) {
  const title = titleOf(name);
  const scheme =
    auth.kind === "bearer"
      ? [
          "      type: http",
          "      scheme: bearer",
          `      description: ${JSON.stringify("The account's API key, sent as `Authorization: Bearer <key>`.")}`,
        ]
      : [
          "      type: apiKey",
          "      in: header",
          `      name: ${auth.name}`,
          `      description: ${JSON.stringify(`The account's API key, sent in the \`${auth.name}\` header.`)}`,
        ];
  return `openapi: 3.1.0
info:
  title: ${title} API
  version: 0.1.0
  description: >-
    ${title}: describe here what the vendor is and which part of its API this contract covers.
    Scaffolded by \`pnpm new-vendor\`; the status operation below is a placeholder to replace with
    the vendor's documented operations.
  license:
    name: MIT
    identifier: MIT
  x-vendor-docs-url: ${docsUrl}
servers:
  - url: https://api.${name}.invalid
    description: Placeholder host; replace it with the vendor's documented base URL.
    x-unverified: true
security:
  - apiKey: []
tags:
  - name: Jobs
    description: The vendor's asynchronous jobs (imports, conversions).
paths:
  /jobs:
    post:
      operationId: startJob
      summary: Start a job
      description: >-
        Placeholder for the vendor's operation that starts an asynchronous job (an import, a
        conversion). Its response links to \`getJobStatus\` with the new job's id, which is how
        \`jobs.start\` finds the id. Not idempotent: never retried automatically.
      x-unverified: true
      tags:
        - Jobs
      security:
        - apiKey: []
      requestBody:
        required: true
        description: What the job should process.
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/StartJobRequest"
            examples:
              byUrl:
                summary: A job for one file
                value:
                  source_url: https://files.${name}.invalid/input.csv
      responses:
        "202":
          description: The job was accepted; follow it with \`getJobStatus\`.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/JobStatus"
              examples:
                accepted:
                  summary: An accepted job
                  value:
                    id: job_1
                    status: queued
          links:
            jobStatus:
              operationId: getJobStatus
              description: The started job's status; \`id\` of this response is the status operation's \`job_id\`.
              parameters:
                job_id: $response.body#/id
        "400":
          description: The request was rejected.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/ErrorResponse"
              examples:
                invalid:
                  summary: Invalid request
                  value:
                    message: Invalid request
        "401":
          $ref: "#/components/responses/Unauthorized"
        "500":
          $ref: "#/components/responses/ServerError"
  /jobs/{job_id}:
    get:
      operationId: getJobStatus
      summary: Get a job's status
      description: >-
        Placeholder for the vendor's status operation: its path, parameters and body are not yet
        taken from the vendor's docs.
      x-unverified: true
      tags:
        - Jobs
      x-vendorspec-job:
        description: >-
          Placeholder declaration: the vendor's status words are not yet known, so the common
          words are matched case-insensitively. Replace them with the vendor's published words
          (and \`match: exact\`), and point \`status\`/\`id\` at the vendor's fields.
        x-unverified: true
        idParameter: job_id
        id: /id
        status: /status
        match: case-insensitive
        states:
          queued: queued
          running: running
          succeeded: succeeded
          failed: failed
          cancelled: cancelled
        message: /error
      security:
        - apiKey: []
      parameters:
        - name: job_id
          in: path
          required: true
          description: The job's id.
          schema:
            type: string
      responses:
        "200":
          description: The job's status.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/JobStatus"
              examples:
                running:
                  summary: A running job
                  value:
                    id: job_1
                    status: processing
        "401":
          $ref: "#/components/responses/Unauthorized"
        "404":
          description: No job with this id.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/ErrorResponse"
              examples:
                notFound:
                  summary: Unknown id
                  value:
                    message: Job not found
        "500":
          $ref: "#/components/responses/ServerError"
components:
  responses:
    Unauthorized:
      description: A missing or wrong API key.
      content:
        application/json:
          schema:
            $ref: "#/components/schemas/ErrorResponse"
          examples:
            unauthorized:
              summary: Missing or wrong key
              value:
                message: Unauthorized
    ServerError:
      description: Server error; a start may or may not have started its job.
      content:
        application/json:
          schema:
            $ref: "#/components/schemas/ErrorResponse"
          examples:
            internal:
              summary: Internal error
              value:
                message: Internal server error
  securitySchemes:
    apiKey:
${scheme.join("\n")}
  schemas:
    JobStatus:
      type: object
      description: A job's status (placeholder shape).
      x-unverified: true
      required:
        - id
        - status
      properties:
        id:
          type: string
          description: The job's id.
        status:
          type: string
          description: The vendor's status word; its vocabulary is not yet known, so it stays a string.
        error:
          type:
            - string
            - "null"
          description: Why the job failed, once it has.
    StartJobRequest:
      type: object
      description: What a job processes (placeholder shape).
      x-unverified: true
      required:
        - source_url
      properties:
        source_url:
          type: string
          format: uri
          description: Where the vendor fetches the input from.
    ErrorResponse:
      type: object
      description: An error body (placeholder shape).
      x-unverified: true
      properties:
        message:
          type: string
          description: What went wrong.
`;
}
