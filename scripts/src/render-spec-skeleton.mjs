// @ts-check
// The spec `pnpm new-vendor` starts a vendor with: lint-clean, with the vendor's auth scheme, a
// placeholder server, one status operation stub and the docs-URL extension. Every placeholder is
// marked x-unverified so it shows up as "to confirm" until the spec author replaces it.

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
          description: Server error.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/ErrorResponse"
              examples:
                internal:
                  summary: Internal error
                  value:
                    message: Internal server error
components:
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
