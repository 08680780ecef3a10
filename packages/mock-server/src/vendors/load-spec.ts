// The bundled contracts, read from the generated type packages, so the mock cannot drift from them.
import { createRequire } from "node:module";
import type { OpenApiDocument } from "../spec-document.js";

const require = createRequire(import.meta.url);

export const loadSpec = (packageName: string) => require(`${packageName}/openapi.json`) as OpenApiDocument;
