// The docs site in a real browser (Debian's chromium driven by playwright-core), opened from the file
// system with the network cut: the index lists the vendors with their lifecycle diagrams and sunset
// dates, and each reference page renders every operation of its contract. Any http(s) request the
// pages attempt fails the test. Screenshots are saved under packages/docs/.reports/screenshots.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createSpecModel } from "@vendorspec/scripts/spec-model";
import { readVendors } from "@vendorspec/scripts/vendors";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildDocsSite } from "../src/build-docs-site.mjs";

const CHROMIUM = "/usr/bin/chromium";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const screenshots = path.join(repoRoot, "packages/docs/.reports/screenshots");
const vendors = await readVendors(repoRoot);
const listOperations = (document: object) => createSpecModel(document).operations;
const readContract = async (packageDir: string) => JSON.parse(await readFile(path.join(packageDir, "openapi.json"), "utf8"));
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

const isNetwork = (url: string) => /^https?:/i.test(url);

/**
 * A page of the site in a fresh context with every http(s) request aborted. `attempted` lists each
 * one: those the route caught, and those the page's Content-Security-Policy stopped before any
 * route saw them (the request event still reports them). `errors` collects uncaught page errors.
 */
async function openOffline(file: string) {
  const context = await browser.newContext();
  const attempted: string[] = [];
  const errors: string[] = [];
  await context.route(
    (url) => isNetwork(url.href),
    (route) => {
      attempted.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  const page = await context.newPage();
  page.on("request", (request) => {
    if (isNetwork(request.url()) && !attempted.includes(request.url())) attempted.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path.join(site, file)).href);
  return { page, attempted, errors, close: () => context.close() };
}

/** Waits until `text` is the whole text of some visible element: no fixed sleep, no race with rendering. */
const waitForVisibleText = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).filter({ visible: true }).first().waitFor({ state: "visible" });

describe("docs site", () => {
  test("the index lists every vendor with its operations, lifecycle diagram and unverified parts", async () => {
    const { page, attempted, close } = await openOffline("index.html");
    const listed = await page.locator("ul.vendor-list li").allTextContents();
    expect(listed).toHaveLength(vendors.length);
    for (const vendor of vendors) {
      const document = await readContract(vendor.packageDir);
      const section = page.locator(`section#${vendor.name}`);
      await expect(section.locator("h2").textContent()).resolves.toContain(document.info.title);
      await expect(section.locator("a.reference").getAttribute("href")).resolves.toBe(`./${vendor.name}.html`);
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
    expect(attempted).toEqual([]);
    await close();
  });

  test("the index shows the sunset date of a deprecated API on the vendor, in the list and on each operation", async () => {
    const { packageDir } = vendors.find((v) => v.name === "apptus-esales") ?? {};
    if (!packageDir) throw new Error("redocly.yaml no longer lists apptus-esales; pick another vendor with info.x-sunset");
    const sunset = (await readContract(packageDir)).info["x-sunset"];
    expect(sunset).toBe("2026-12-31");
    const { page, attempted, close } = await openOffline("index.html");
    const section = page.locator("section#apptus-esales");
    await section.locator("p.sunset").filter({ hasText: sunset }).waitFor({ state: "visible" });
    await page.locator("ul.vendor-list li").filter({ hasText: "reference" }).filter({ hasText: sunset }).waitFor({ state: "visible" });
    const rows = section.locator("table.operations tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) await row.locator(".deprecated").filter({ hasText: sunset }).waitFor({ state: "visible" });
    // A contract with no deprecation shows none.
    for (const vendor of vendors) {
      const document = await readContract(vendor.packageDir);
      const flagged = listOperations(document).some((o) => o.operation.deprecated === true || o.operation["x-sunset"] !== undefined);
      if (flagged || document.info["x-sunset"] !== undefined) continue;
      expect(await page.locator(`section#${vendor.name} .deprecated, section#${vendor.name} .sunset`).count(), vendor.name).toBe(0);
    }
    expect(attempted).toEqual([]);
    await close();
  });

  test.each(vendors.map((v) => [v.name, v] as const))("%s: the reference page renders every operation offline", async (name, vendor) => {
    const { page, attempted, errors, close } = await openOffline(`${name}.html`);
    const operations = listOperations(await readContract(vendor.packageDir));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(operation.summary, `${name} ${operation.operationId} has a summary`).not.toBe("");
      await waitForVisibleText(page, operation.summary);
    }
    await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
    expect(attempted, "http(s) requests the page attempted").toEqual([]);
    expect(errors, "uncaught errors on the page").toEqual([]);
    await close();
  });
});
