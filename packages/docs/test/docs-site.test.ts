// The docs site in a real browser (Debian's chromium driven by playwright-core): the index lists the
// vendors with their lifecycle diagrams, each reference page renders its operations, and the site
// works from the file system. Screenshots are saved under packages/docs/.reports/screenshots.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createSpecModel } from "@vendorspec/scripts/spec-model";
import { readVendors } from "@vendorspec/scripts/vendors";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildDocsSite } from "../src/build-docs-site.mjs";

const CHROMIUM = "/usr/bin/chromium";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const screenshots = path.join(repoRoot, "packages/docs/.reports/screenshots");
const vendors = await readVendors(repoRoot);
const listOperations = (document: object) => createSpecModel(document).operations;
const descriptorOf = async (packageDir: string) => (await import(pathToFileURL(path.join(packageDir, "index.js")).href)).descriptor;
let site = "";
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  site = await mkdtemp(path.join(tmpdir(), "vendorspec-site-"));
  await buildDocsSite({ rootDir: repoRoot, outDir: site });
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

describe("docs site", () => {
  test("the index lists every vendor with its operations, lifecycle diagram and unverified parts", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, "index.html")).href);
    const listed = await page.locator("ul.vendor-list li").allTextContents();
    expect(listed).toHaveLength(vendors.length);
    for (const vendor of vendors) {
      const document = JSON.parse(await readFile(path.join(vendor.packageDir, "openapi.json"), "utf8"));
      const section = page.locator(`section#${vendor.name}`);
      await expect(section.locator("h2").textContent()).resolves.toContain(document.info.title);
      const operationIds = await section.locator("table.operations td:nth-child(3)").allTextContents();
      expect(operationIds).toEqual(listOperations(document).map((o) => o.operationId));
      const job = (await descriptorOf(vendor.packageDir)).job;
      if (job) {
        expect(await section.locator("svg.lifecycle").count()).toBe(1);
        expect(await section.locator("svg.lifecycle rect").count()).toBe(5);
        // Every declared word is drawn, linked to its state.
        const drawn = await section.locator("svg.lifecycle text.word").allTextContents();
        expect(drawn).toEqual(Object.keys(job.states));
        await expect(section.textContent()).resolves.toContain(job.statusOperation);
      } else {
        await expect(section.textContent()).resolves.toContain("This spec declares no job");
      }
    }
    // The lifecycle comes from the declaration: Apptus BLOCKED is drawn, NOT_FOUND (no such job) is not.
    const apptus = await page.locator('svg.lifecycle[data-vendor="apptus-esales"]').textContent();
    expect(apptus).toContain("BLOCKED");
    expect(apptus).not.toContain("NOT_FOUND");
    expect(Number(await page.locator("section#leadsygroup .unverified-count").textContent())).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, "index.png"), fullPage: true });
    await page.close();
  });

  test.each(vendors.map((v) => [v.name, v] as const))("%s: the reference page renders every operation", async (name, vendor) => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, "index.html")).href);
    await page.locator(`section#${name} a.reference`).click();
    await page.waitForLoadState("load");
    expect(page.url()).toBe(pathToFileURL(path.join(site, `${name}.html`)).href);
    const document = JSON.parse(await readFile(path.join(vendor.packageDir, "openapi.json"), "utf8"));
    const text = (await page.locator("body").textContent()) ?? "";
    for (const operation of listOperations(document)) expect(text, `${name} ${operation.operationId}`).toContain(operation.summary);
    await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
    await page.close();
  });
});
