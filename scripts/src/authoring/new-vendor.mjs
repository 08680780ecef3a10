// @ts-check
// `pnpm new-vendor`: scaffolds a vendor in one step (spec skeleton, registration in redocly.yaml,
// generated package, changeset). Refuses a bad or taken name before writing anything, and removes
// what it wrote if a later step fails, so a refused or failed run leaves the repo as it was.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { generate } from "../generate/generate.mjs";
import { clientNameOf } from "../model/vendor-descriptor.mjs";
import { NPM_SCOPE, readVendors } from "../model/vendors.mjs";
import { renderSpecSkeleton } from "./render-spec-skeleton.mjs";

/** Workspace packages that are not vendors; a vendor may not take their names. */
const RESERVED = new Set([
  "client",
  "mock-server",
  "docs",
  "spec-tests",
  "release-tests",
  "scripts",
  "bench",
  "node_modules",
  "favicon.ico",
  "index",
]);

/** Files of other packages that generation rewrites for a new vendor; restored if the scaffold fails. */
const SHARED_FILES = [
  "packages/client/package.json",
  "packages/client/src/vendors/index.ts",
  "packages/mock-server/package.json",
  "packages/mock-server/src/vendor-list.ts",
  "packages/docs/package.json",
];

/**
 * Why `name` cannot be a vendor, or undefined when it can.
 * @param {string} name
 * @param {string} rootDir
 */
export async function refuseVendorName(name, rootDir) {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    return `"${name}" is not a valid vendor name: use lower-case letters, digits and dashes, starting with a letter (it becomes the npm package ${NPM_SCOPE}/<name> and the client's create<Name>Client)`;
  }
  if (name.length > 214 - NPM_SCOPE.length - 1) return `"${name}" is too long for an npm package name`;
  if (RESERVED.has(name)) return `"${name}" is reserved: packages/${name} is a workspace package`;
  if ((await readVendors(rootDir)).some((v) => v.name === name)) return `vendor "${name}" already exists in redocly.yaml`;
  for (const taken of [`specs/${name}`, `packages/${name}`]) {
    if (existsSync(path.join(rootDir, taken))) return `${taken} already exists`;
  }
  return undefined;
}

/**
 * @param {{ rootDir: string, name: string, docsUrl: string, auth: import("./render-spec-skeleton.mjs").AuthChoice }} options
 * @returns {Promise<string[]>} the paths written, relative to rootDir
 */
export async function scaffoldVendor({ rootDir, name, docsUrl, auth }) {
  const refusal = await refuseVendorName(name, rootDir);
  if (refusal) throw new Error(refusal);
  if (!/^https:\/\/\S+$/.test(docsUrl)) throw new Error(`--docs-url must be an https URL of the vendor's docs, got "${docsUrl}"`);

  const configPath = path.join(rootDir, "redocly.yaml");
  const originalConfig = await readFile(configPath, "utf8");
  const specDir = path.join(rootDir, "specs", name);
  const changesetPath = path.join(rootDir, ".changeset", `new-vendor-${name}.md`);
  const clientEntry = path.join(rootDir, "packages/client/src/vendors", `${name}.ts`);
  /** @type {Map<string, string | undefined>} */
  const shared = new Map();
  for (const file of SHARED_FILES) shared.set(file, await readFile(path.join(rootDir, file), "utf8").catch(() => undefined));
  const dependents = ["client", "mock-server"].filter((p) => shared.get(`packages/${p}/package.json`) !== undefined);
  const written = [
    `specs/${name}/openapi.yaml`,
    "redocly.yaml",
    `packages/${name}/`,
    ...(dependents.includes("client") ? [`packages/client/src/vendors/${name}.ts`] : []),
    ...SHARED_FILES.filter((file) => shared.get(file) !== undefined),
    `.changeset/new-vendor-${name}.md`,
  ];
  try {
    await mkdir(specDir, { recursive: true });
    await writeFile(path.join(specDir, "openapi.yaml"), renderSpecSkeleton({ name, docsUrl, auth }));
    const config = parseDocument(originalConfig);
    config.setIn(["apis", name], config.createNode({ root: `specs/${name}/openapi.yaml` }));
    await writeFile(configPath, config.toString());
    const [outcome] = await generate({ rootDir, names: [name] });
    if (!outcome || outcome.problems.length > 0) {
      throw new Error(
        `the skeleton did not generate: ${(outcome?.problems ?? []).map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join("; ")}`,
      );
    }
    await mkdir(path.dirname(changesetPath), { recursive: true });
    const bumps = [name, ...dependents].map((p) => `"${NPM_SCOPE}/${p}": minor`).join("\n");
    await writeFile(
      changesetPath,
      `---\n${bumps}\n---\n\nAdd the ${name} contract (scaffolded: placeholder start and status operations, to be written from ${docsUrl})${dependents.includes("client") ? `, \`create${clientNameOf(name, {})}Client\` in \`${NPM_SCOPE}/client/${name}\`` : ""}${dependents.includes("mock-server") ? ` and its simulation in \`${NPM_SCOPE}/mock-server\`` : ""}.\n`,
    );
    return written;
  } catch (error) {
    // Put everything back as it was.
    await writeFile(configPath, originalConfig);
    await rm(specDir, { recursive: true, force: true });
    await rm(path.join(rootDir, "packages", name), { recursive: true, force: true });
    await rm(changesetPath, { force: true });
    await rm(clientEntry, { force: true });
    for (const [file, content] of shared) if (content !== undefined) await writeFile(path.join(rootDir, file), content);
    throw error;
  }
}
