import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { importWorkshop, readReferenceExample, signUp } from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { addSession, Console, LAPTOP, openPage, pageStep, screenshot } from "./support/roles.js";

/**
 * A campaign's next step, from the console of a 1366×768 laptop at the venue's address: the
 * facilitator starts the next workshop from this one's themes, lands in its console with the themes
 * on the pile, and each workshop links to the other.
 */
describe.skipIf(!browserAvailable())("the campaign's next workshop, started from the console", () => {
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

  pageStep("starts from the themes as cards to cluster again, and the two consoles link each other", async () => {
    const session = await signUp(server.apiUrl);
    const doc = readReferenceExample() as { title: string; themes: { name: string }[] };
    const earlier = await importWorkshop(server.apiUrl, session, doc);
    const { context, page } = await openPage(browser, LAPTOP, "console");
    contexts.push(context);
    await addSession(context, server.baseUrl, session);

    await page.goto(`${server.baseUrl}/w/${earlier.id}`);
    const panel = page.getByTestId("campaign-panel");
    await panel.getByLabel("Next workshop’s title").fill("Theme development");
    await panel.getByRole("radio", { name: "as cards to cluster again" }).check();
    await panel.getByTestId("start-follow-up").click();

    await page.waitForURL((url) => url.pathname.startsWith("/w/") && !url.pathname.includes(earlier.id));
    const next = page.getByTestId("campaign-panel");
    await next.getByText("Started from").waitFor();
    await expect(next.getByRole("link", { name: doc.title }).getAttribute("href")).resolves.toBe(`/w/${earlier.id}`);
    // The earlier themes wait on the new workshop's pile, for the room to cluster again.
    await page
      .getByRole("button", { name: /Cluster/ })
      .first()
      .click();
    for (const theme of doc.themes) await page.getByText(theme.name, { exact: true }).first().waitFor();

    await next.getByRole("link", { name: doc.title }).click();
    await page.waitForURL((url) => url.pathname === `/w/${earlier.id}`);
    await page.getByTestId("campaign-panel").getByRole("link", { name: "Theme development" }).waitFor();
    await page.getByTestId("campaign-panel").scrollIntoViewIfNeeded();
    await screenshot(page, "campaign-console");
  });
});
