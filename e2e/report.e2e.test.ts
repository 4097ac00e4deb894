import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWorkshop, REPO_FIXTURE, readJson, signUp } from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";

/**
 * The report page as a co-facilitator uses it: no account, only the workshop's key from a
 * `#key=` link. The preview and every download go out with the key, since reading a workshop
 * is its facilitators' right alone; a stranger with the page's address gets nothing.
 */
describe.skipIf(!browserAvailable())("the report page with a co-facilitator's key", () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("previews and downloads the report with the key alone; without it, nothing is shown", async () => {
    const created = await importWorkshop(server.apiUrl, await signUp(server.apiUrl), readJson(REPO_FIXTURE));
    const title = (readJson(REPO_FIXTURE) as { title: string }).title;
    const context = await browser.newContext({ acceptDownloads: true, locale: "en-CA" });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/w/${created.id}/report#key=${created.facilitatorKey}`);
      const preview = page.frameLocator("iframe");
      await expect.poll(async () => preview.locator("h1").first().textContent()).toContain(title);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "PDF" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const path = await download.path();
      expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");

      const stranger = await browser.newContext({ locale: "en-CA" });
      try {
        const lost = await stranger.newPage();
        await lost.goto(`${server.baseUrl}/w/${created.id}/report`);
        await lost.locator(".report-page [role=alert]").waitFor();
        expect(await lost.locator("iframe").count()).toBe(0);
        expect(await lost.content()).not.toContain(title);
      } finally {
        await stranger.close();
      }
    } finally {
      await context.close();
    }
  });

  it("in French, offers the CSV with semicolons, as Excel in French reads it, and keeps commas on request", async () => {
    const created = await importWorkshop(server.apiUrl, await signUp(server.apiUrl), readJson(REPO_FIXTURE));
    const context = await browser.newContext({ acceptDownloads: true, locale: "fr-CA" });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/w/${created.id}/report#key=${created.facilitatorKey}`);
      const separator = page.getByLabel("Séparateur du CSV\u00a0:");
      await expect.poll(() => separator.inputValue()).toBe(";");
      const firstLine = async () => {
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Cartes (CSV)" }).click(),
        ]);
        return readFileSync(await download.path(), "utf8")
          .replace(/^\uFEFF/, "")
          .split("\r\n")[0];
      };
      expect(await firstLine()).toBe("Thème;Carte;Point clé");
      await separator.selectOption(",");
      expect(await firstLine()).toBe("Thème,Carte,Point clé");
    } finally {
      await context.close();
    }
  });
});
