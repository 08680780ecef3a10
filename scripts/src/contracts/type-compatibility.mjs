// @ts-check
// The second, independent signal: compile both versions of a spec with openapi-typescript and ask the
// TypeScript compiler whether each new response body is assignable to the old one and each old
// request (parameters and body) to the new one, per operation. A diagnostic is a breaking change for
// a consumer's build, whatever the rules said.
import ts from "typescript";
import { compileTypes } from "../generate/compile-types.mjs";
import { createSpecModel } from "../model/spec-model.mjs";

/** @typedef {{ operationId: string, where: string, diagnostic: string }} TypeBreak */

/** @param {string} key */
const lit = (key) => JSON.stringify(key);

/**
 * @param {any} before bundled spec
 * @param {any} after bundled spec
 * @returns {Promise<TypeBreak[]>}
 */
export async function checkTypeCompatibility(before, after) {
  const origin = { packageName: "contract", specFile: "spec" };
  const [oldTypes, newTypes] = await Promise.all([compileTypes(before, origin), compileTypes(after, origin)]);
  const oldOps = new Map(createSpecModel(before).operations.map((o) => [o.operationId, o.operation]));
  /** @type {string[]} */
  const lines = ['import type { operations as Old } from "./before";', 'import type { operations as New } from "./after";'];
  /** @type {Map<number, { operationId: string, where: string }>} */
  const labels = new Map();
  /** @param {string} operationId @param {string} where @param {string} from @param {string} to */
  const assignable = (operationId, where, from, to) => {
    const name = `v${labels.size}`;
    lines.push(`declare const ${name}: ${from};`);
    lines.push(`export const ${name}_check: ${to} = ${name};`);
    labels.set(lines.length, { operationId, where });
  };
  for (const { operationId, operation } of createSpecModel(after).operations) {
    const old = oldOps.get(operationId);
    if (!old) continue;
    const op = (/** @type {string} */ side) => `${side}[${lit(operationId)}]`;
    assignable(operationId, "parameters", `${op("Old")}["parameters"]`, `${op("New")}["parameters"]`);
    for (const type of Object.keys(old.requestBody?.content ?? {})) {
      if (!(type in (operation.requestBody?.content ?? {}))) continue;
      assignable(
        operationId,
        `request body ${type}`,
        `NonNullable<${op("Old")}["requestBody"]>["content"][${lit(type)}]`,
        `NonNullable<${op("New")}["requestBody"]>["content"][${lit(type)}]`,
      );
    }
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const oldResponse = old.responses?.[status];
      for (const type of Object.keys(response?.content ?? {})) {
        if (!oldResponse?.content?.[type]) continue;
        const key = /^\d+$/.test(status) ? status : lit(status);
        assignable(
          operationId,
          `response ${status} ${type}`,
          `${op("New")}["responses"][${key}]["content"][${lit(type)}]`,
          `${op("Old")}["responses"][${key}]["content"][${lit(type)}]`,
        );
      }
    }
  }
  const files = new Map([
    ["/c/before.d.ts", oldTypes],
    ["/c/after.d.ts", newTypes],
    ["/c/check.ts", lines.join("\n")],
  ]);
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    lib: ["lib.es2022.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) => dir === "/c" || (directoryExists ? directoryExists(dir) : false);
  host.getSourceFile = (name, version, onError, create) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, onError, create);
  };
  const program = ts.createProgram(["/c/check.ts"], options, host);
  const check = program.getSourceFile("/c/check.ts");
  /** @type {TypeBreak[]} */
  const breaks = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program, check)) {
    const line =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    const label = labels.get(line);
    // The chain goes from the whole type down to the member at fault; the last link names it.
    const chain = ts
      .flattenDiagnosticMessageText(diagnostic.messageText, "\n")
      .split("\n")
      .map((l) => l.trim().replaceAll(/\s+/g, " "));
    const deepest = chain.at(-1) ?? "";
    breaks.push({
      operationId: label?.operationId ?? "(unknown)",
      where: label?.where ?? `line ${line}`,
      diagnostic: `TS${diagnostic.code}: ${deepest.slice(0, 300)}`,
    });
  }
  return breaks;
}
