// The docs site in a real browser (Debian's chromium driven by playwright-core): the index lists the
// vendors with their lifecycle diagrams, each reference page renders its operations, and the site
// works from the file system. Screenshots are saved under scripts/.reports/screenshots.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildDocsSite } from "../src/build-docs-site.mjs";
import { listOperations } from "../src/list-operations.mjs";
import { readVendors } from "../src/vendors.mjs";
import { removeRoot, repoRoot } from "./temp-root.js";

const CHROMIUM = "/usr/bin/chromium";
const CLIENT_VENDORS = new Set(["lettrlabs", "leadsygroup", "apptus-esales", "docutray"]);
const screenshots = path.join(repoRoot, "scripts/.reports/screenshots");
const vendors = await readVendors(repoRoot);
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
  if (site) await removeRoot(site);
});

describe("docs site", () => {
  test("the index lists every vendor with its operations, lifecycle diagram and unverified parts", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, "index.html")).href);
    const listed = await page.locator("ul.vendor-list li").allTextContents();
    expect(listed).toHaveLength(vendors.length);
    expect(vendors.filter((v) => CLIENT_VENDORS.has(v.name))).toHaveLength(4);
    for (const vendor of vendors) {
      const document = JSON.parse(await readFile(path.join(vendor.packageDir, "openapi.json"), "utf8"));
      const section = page.locator(`section#${vendor.name}`);
      await expect(section.locator("h2").textContent()).resolves.toContain(document.info.title);
      const operationIds = await section.locator("table.operations td:nth-child(3)").allTextContents();
      expect(operationIds).toEqual(listOperations(document).map((o) => o.operationId));
      if (CLIENT_VENDORS.has(vendor.name)) {
        expect(await section.locator("svg.lifecycle").count()).toBe(1);
        expect(await section.locator("svg.lifecycle rect").count()).toBe(5);
      } else {
        // A vendor scaffolded by new-vendor has no client mapping yet, and the page says so.
        await expect(section.textContent()).resolves.toContain("No client mapping for this vendor yet.");
      }
    }
    // The lifecycle comes from the client's mapping: Apptus BLOCKED is drawn, NOT_FOUND (an error) is not.
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
