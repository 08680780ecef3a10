// @ts-check
// `pnpm new-vendor`: scaffolds a vendor in one step (spec skeleton, registration in redocly.yaml,
// generated package, changeset). Refuses a bad or taken name before writing anything, and removes
// what it wrote if a later step fails, so a refused or failed run leaves the repo as it was.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, parseDocument } from "yaml";
import { generate } from "../generate/generate.mjs";
import { camelCase, clientNameOf, pascalCase } from "../model/vendor-descriptor.mjs";
import { NPM_SCOPE, readVendors } from "../model/vendors.mjs";
import { renderSpecSkeleton } from "./render-spec-skeleton.mjs";

/**
 * Names a vendor may not take, and what each would collide with: a workspace package (its folder
 * and its npm name), a page of the docs site (site/<name>.html) or a file generation writes beside
 * the vendor entries (packages/client/src/vendors/<name>.ts).
 */
const RESERVED = new Map([
  ...["client", "mock-server", "docs", "spec-tests", "release-tests"].map(
    (name) => /** @type {[string, string]} */ ([name, `packages/${name} is the workspace package ${NPM_SCOPE}/${name}`]),
  ),
  ["scripts", `scripts/ is the workspace package ${NPM_SCOPE}/scripts`],
  ["bench", `bench/ is the workspace package ${NPM_SCOPE}/bench`],
  ["node_modules", "node_modules is where pnpm installs packages"],
  ["index", "site/index.html is the docs site's home page and packages/client/src/vendors/index.ts the client's vendor index"],
  ["favicon.ico", "browsers ask the docs site for /favicon.ico"],
  ["vendor", "its client would be createVendorClient, VendorClient and VendorClientOptions, which the client's core already exports"],
  // The generated client entry imports these from the vendor package and exports the descriptor as camelCase(name).
  ...["descriptor", "operations", "paths"].map(
    (name) =>
      /** @type {[string, string]} */ ([
        name,
        `packages/client/src/vendors/${name}.ts would export \`${name}\` next to the \`${name}\` it imports`,
      ]),
  ),
]);

/**
 * The vendor's name in camelCase is a binding in the generated client entry and mock server vendor
 * list, so it may not be a JavaScript or TypeScript reserved word.
 */
const RESERVED_WORDS = new Set(
  (
    "arguments await break case catch class const continue debugger default delete do else enum eval export extends false " +
    "finally for function if implements import in instanceof interface let new null package private protected public return " +
    "static super switch this throw true try typeof undefined var void while with yield"
  ).split(" "),
);

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
  const reserved = RESERVED.get(name);
  if (reserved) return `"${name}" is reserved: ${reserved}; pick another name`;
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    return `"${name}" is not a valid vendor name: use lower-case letters, digits and dashes, starting with a letter (it becomes the npm package ${NPM_SCOPE}/<name> and the client's create<Name>Client)`;
  }
  if (name.length > 214 - NPM_SCOPE.length - 1) return `"${name}" is too long for an npm package name`;
  if (RESERVED_WORDS.has(camelCase(name))) {
    return `"${name}" is reserved: it is a JavaScript reserved word, and the generated client and mock server bind the vendor's descriptor to \`${camelCase(name)}\`; pick another name`;
  }
  const vendors = await readVendors(rootDir);
  if (vendors.some((v) => v.name === name)) return `vendor "${name}" already exists in redocly.yaml`;
  const twin = vendors.find((v) => pascalCase(v.name) === pascalCase(name));
  if (twin)
    return `"${name}" would generate create${pascalCase(name)}Client, which vendor "${twin.name}" already generates; pick another name`;
  const taken = (await workspacePackages(rootDir)).find((p) => p.name === `${NPM_SCOPE}/${name}`);
  if (taken) return `"${name}" is reserved: ${taken.dir} is the workspace package ${taken.name}; pick another name`;
  // Everything the scaffold writes anew, and so removes again if it fails.
  for (const file of [`specs/${name}`, `packages/${name}`, `packages/client/src/vendors/${name}.ts`, `.changeset/new-vendor-${name}.md`]) {
    if (existsSync(path.join(rootDir, file))) return `${file} already exists`;
  }
  return undefined;
}

/**
 * The workspace's packages (pnpm-workspace.yaml's `packages`: folders and `<folder>/*` patterns),
 * each with its folder and npm name.
 * @param {string} rootDir
 * @returns {Promise<Array<{ dir: string, name: string }>>}
 */
async function workspacePackages(rootDir) {
  const workspace = await readFile(path.join(rootDir, "pnpm-workspace.yaml"), "utf8").then(parse, () => undefined);
  /** @type {string[]} */
  const dirs = [];
  for (const pattern of workspace?.packages ?? []) {
    if (typeof pattern !== "string" || pattern.startsWith("!")) continue;
    if (pattern.endsWith("/*")) {
      const parent = pattern.slice(0, -2);
      const entries = await readdir(path.join(rootDir, parent), { withFileTypes: true }).catch(() => []);
      dirs.push(...entries.filter((e) => e.isDirectory()).map((e) => `${parent}/${e.name}`));
    } else if (!pattern.includes("*")) dirs.push(pattern);
  }
  const packages = [];
  for (const dir of dirs) {
    const manifest = await readFile(path.join(rootDir, dir, "package.json"), "utf8").then(JSON.parse, () => undefined);
    if (typeof manifest?.name === "string") packages.push({ dir, name: manifest.name });
  }
  return packages;
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
