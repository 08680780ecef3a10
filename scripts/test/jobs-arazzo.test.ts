// The Arazzo workflows generate derives from each job declaration (specs/<vendor>/jobs.arazzo.yaml):
// written only for vendors whose start links to the status operation, removed when the link goes,
// guarded by --check like every generated file, and built from the spec's examples (a missing one
// becomes a workflow input, with a warning). That they run green under `redocly respect` is tested in
// packages/verify.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { ARAZZO_FILE, wordsPattern } from "../src/generate/render-arazzo.mjs";
import { readVendors } from "../src/model/vendors.mjs";
import { copyRepoSpecsAndPackages, removeRoot, repoRoot, runCli } from "./temp-root.js";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeRoot)));
const vendors = (await readVendors(repoRoot)).map((v) => v.name);

async function copyOfRepo() {
  const root = await copyRepoSpecsAndPackages(vendors);
  roots.push(root);
  return root;
}
const arazzoOf = (root: string, vendor: string) => path.join(root, "specs", vendor, ARAZZO_FILE);
const readYaml = async (file: string) => parse(await readFile(file, "utf8"));

describe("jobs.arazzo.yaml", () => {
  test("one workflow per linked start, from the declaration: poll while active, succeed on the success words", async () => {
    for (const vendor of vendors) {
      const index = await import(path.join(repoRoot, "packages", vendor, "index.js"));
      const job = index.descriptor.job;
      const file = arazzoOf(repoRoot, vendor);
      if (!job || job.starts.length === 0) {
        await expect(readFile(file, "utf8"), vendor).rejects.toThrow(/ENOENT/);
        continue;
      }
      const doc = await readYaml(file);
      expect(doc.arazzo).toBe("1.0.1");
      expect(doc.workflows.map((w: { workflowId: string }) => w.workflowId)).toEqual(
        job.starts.map((s: { operationId: string }) => `${s.operationId}UntilDone`),
      );
      const poll = doc.workflows[0].steps[1];
      expect(poll.operationId).toBe(`$sourceDescriptions.${vendor}.${job.statusOperation}`);
      const retry = poll.onFailure.find((a: { name: string }) => a.name === "jobStillActive");
      expect(retry.retryAfter).toBe(job.poll.intervalMs / 1000);
      const active = new RegExp(retry.criteria[1].condition);
      const success = new RegExp(poll.successCriteria[1].condition);
      for (const [word, state] of Object.entries(job.states as Record<string, string>)) {
        expect(active.test(word), `${vendor} ${word}`).toBe(state === "queued" || state === "running");
        expect(success.test(word), `${vendor} ${word}`).toBe(state === "succeeded");
      }
    }
  });

  test("case-insensitive words match as the client matches them, and nothing longer", () => {
    const pattern = new RegExp(wordsPattern(["in progress", "done"], "case-insensitive"));
    for (const word of ["in progress", "In_Progress", "IN-PROGRESS", " in  progress ", "DONE"]) expect(pattern.test(word), word).toBe(true);
    for (const word of ["inprogress", "in progress!", "done2", "undone"]) expect(pattern.test(word), word).toBe(false);
    const exact = new RegExp(wordsPattern(["SUCCESS", "A.B"], "exact"));
    expect(exact.test("success")).toBe(false);
    expect(exact.test("AxB")).toBe(false);
    expect(exact.test("A.B")).toBe(true);
  });

  test("a hand edit fails --check naming the file, and generate puts it back", async () => {
    const root = await copyOfRepo();
    expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
    const file = arazzoOf(root, "docutray");
    const generated = await readFile(file, "utf8");
    await writeFile(file, generated.replace("retryLimit: 1440", "retryLimit: 3"));
    const check = await runCli("generate-cli.mjs", ["--check"], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`stale specs/docutray/${ARAZZO_FILE}`);
    const again = await runCli("generate-cli.mjs", [], root);
    expect(again.stdout).toContain(`wrote specs/docutray/${ARAZZO_FILE}`);
    expect(await readFile(file, "utf8")).toBe(generated);
  });

  test("a workflow file where the vendor has none is stale for --check and removed, the cache notwithstanding", async () => {
    const root = await copyOfRepo();
    expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
    const stray = arazzoOf(root, "lettrlabs");
    await writeFile(stray, "arazzo: 1.0.1\n");
    const check = await runCli("generate-cli.mjs", ["--check"], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`stale specs/lettrlabs/${ARAZZO_FILE}`);
    expect((await runCli("generate-cli.mjs", [], root)).code).toBe(0);
    await expect(readFile(stray, "utf8")).rejects.toThrow(/ENOENT/);
  });

  test("a start that loses its link loses its workflow file", async () => {
    const root = await copyOfRepo();
    const specFile = path.join(root, "specs/docutray/openapi.yaml");
    const spec = await readYaml(specFile);
    delete spec.paths["/api/convert-async"].post.responses["200"].links;
    await writeFile(specFile, stringify(spec));
    const check = await runCli("generate-cli.mjs", ["--check"], root);
    expect(check.stderr).toContain(`stale specs/docutray/${ARAZZO_FILE}`);
    await readFile(arazzoOf(root, "docutray"), "utf8"); // --check wrote nothing
    expect((await runCli("generate-cli.mjs", ["docutray"], root)).code).toBe(0);
    await expect(readFile(arazzoOf(root, "docutray"), "utf8")).rejects.toThrow(/ENOENT/);
  });

  test("a start without examples: its body and parameters become workflow inputs, with a warning", async () => {
    const root = await copyOfRepo();
    const specFile = path.join(root, "specs/leadsygroup/openapi.yaml");
    const spec = await readYaml(specFile);
    const start = spec.paths["/api/v1/companies/{company_id}/import"].post;
    delete start.requestBody.content["multipart/form-data"].examples;
    delete start.parameters[0].example;
    await writeFile(specFile, stringify(spec));
    const run = await runCli("generate-cli.mjs", ["leadsygroup"], root);
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toMatch(
      /specs\/leadsygroup\/openapi\.yaml:1:1 +warn +vendorspec\/jobs-workflow +importLeads: no request body example/,
    );
    const workflow = (await readYaml(arazzoOf(root, "leadsygroup"))).workflows[0];
    expect(workflow.inputs.required).toEqual(["apiKey", "requestBody", "importLeads_company_id"]);
    expect(workflow.steps[0].requestBody.payload).toBe("$inputs.requestBody");
    expect(workflow.steps[0].parameters).toEqual([{ name: "company_id", in: "path", value: "$inputs.importLeads_company_id" }]);
  });
});
