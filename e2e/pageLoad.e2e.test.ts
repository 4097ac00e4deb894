import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { openPage, PHONE, pageStep } from "./support/roles.js";

/**
 * Each page of the web app is its own download. A phone opening the join link on a venue's Wi-Fi
 * fetches the participant app alone; when that download fails, the page says so and tries again
 * on request, rather than staying blank.
 */
describe.skipIf(!browserAvailable())("a page that is its own download", () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
  });

  pageStep("a phone loads the participant app alone, and a failed download can be tried again", async () => {
    const { context, page } = await openPage(browser, PHONE, "phone");
    contexts.push(context);
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    // The network drops the participant app's download until it comes back.
    let online = false;
    await page.route(/\/assets\/ParticipantApp-[^/]*\.js$/, (route) =>
      online ? route.continue() : route.abort("internetdisconnected"),
    );
    await page.goto(`${server.baseUrl}/join`);
    await page.getByRole("alert").filter({ hasText: "This page could not load" }).waitFor();
    online = true;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByTestId("join-code-input").waitFor();
    // Neither the console nor the report came down to the phone.
    expect(scripts.filter((path) => /ConsolePage|ReportPage|ReplayPage|PresentPage/.test(path))).toEqual([]);
  });
});
