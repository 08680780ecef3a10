// @ts-check
// Validates a value against any schema of the bundled spec, addressed by its JSON pointer, with ajv
// (JSON Schema 2020-12, OpenAPI 3.1's dialect). The whole document is one schema resource, so the
// spec's `#/components/...` refs resolve as the spec means them.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; its default import is the module object.
const addFormats = /** @type {typeof addFormatsModule.default} */ (/** @type {unknown} */ (addFormatsModule));
const BASE = "urn:vendorspec:verify";

/**
 * @param {any} document bundled spec
 * @returns {(pointer: string, value: unknown) => string[]} problems, empty when the value is valid
 */
export function createBodyValidator(document) {
  // OpenAPI adds keywords JSON Schema does not know (example, discriminator, x-*): not strict. The
  // document root is not itself a schema, so its meta-schema check is skipped.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: BASE });
  /** @type {Map<string, import("ajv").ValidateFunction>} */
  const compiled = new Map();
  return (pointer, value) => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${BASE}#${encodeURI(pointer)}` });
      compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  };
}
