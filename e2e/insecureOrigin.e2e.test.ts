import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../src/core/index.js";
import { type CreatedWorkshop, createWorkshop, fetchWorkshop, signUp } from "../test/support/server.js";
import { connectClient, type TestClient } from "../test/support/wsClient.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { poll } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { Console, describePages, openPage, PHONE } from "./support/roles.js";

const CONSOLE_SCREEN = { viewport: { width: 1366, height: 768 }, locale: "en-CA" };
const PROJECTOR_SCREEN = { viewport: { width: 1280, height: 720 }, locale: "en-CA" };
const CARD = "Open the library on Sunday afternoons";
const COLUMN = "Longer opening hours";

/**
 * The room's own network: the console, the projector and a phone open the server by a name that
 * is not localhost (`http://concord.test:PORT`), over plain HTTP, as phones on the venue's Wi-Fi
 * open the laptop's network address. Browsers keep some APIs (`crypto.randomUUID`, the async
 * clipboard…) for secure contexts; none of these pages may need one. A phone joins with the code,
 * sends a card, votes and sees the results; every page's uncaught errors and console errors fail.
 */
describe.skipIf(!browserAvailable())("the room over plain HTTP at a network address (an insecure context)", () => {
  let server: E2eServer;
  let browser: Browser;
  let workshop: CreatedWorkshop;
  let facilitator: TestClient;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    workshop = await createWorkshop(server.apiUrl, await signUp(server.apiUrl), "Renewing our library hours");
    facilitator = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
  });
  afterAll(async () => {
    await facilitator?.close();
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
  });

  /** A page in a new device's browser context, whose uncaught errors and console errors are kept. */
  const open = async (options: Parameters<typeof openPage>[1], label: string): Promise<Page> => {
    const { context, page } = await openPage(browser, options, label);
    contexts.push(context);
    page.on("pageerror", (error) => problems.push(`${label}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${label} console: ${message.text()}`);
    });
    return page;
  };
  const boardCommand = async (command: Command) => {
    const answer = await facilitator.send(randomUUID(), command);
    if (answer.type !== "ack") throw new Error(`${command.type} refused: ${JSON.stringify(answer)}`);
  };
  const serverState = async () => (await fetchWorkshop(server.apiUrl, workshop)).state;
  const insecure = (page: Page) => page.evaluate(() => window.isSecureContext);

  it("a phone joins with the code, sends a card the workshop keeps, votes and sees the results; console and projector run there", async () => {
    try {
      expect(server.baseUrl).toMatch(/^http:\/\/concord\.test:\d+$/);

      const consolePage = await open(CONSOLE_SCREEN, "console");
      await consolePage.goto(`${server.baseUrl}/w/${encodeURIComponent(workshop.id)}#key=${workshop.facilitatorKey}`);
      const steer = new Console(consolePage, server.baseUrl);
      await steer.waitLive();
      expect(await insecure(consolePage)).toBe(false);
      const projector = await open(PROJECTOR_SCREEN, "projector");
      await projector.goto(
        `${server.baseUrl}/w/${encodeURIComponent(workshop.id)}/present#key=${workshop.facilitatorKey}`,
      );
      await projector.locator("main.present-phase-context").waitFor();
      expect(await insecure(projector)).toBe(false);

      // The facilitator steers from the console: each click is a command with a fresh id.
      await steer.goToPhase("Brainstorm");
      await projector.locator("main.present-phase-brainstorm").waitFor();
      const code = await steer.joinCode();

      const phone = await open(PHONE, "phone");
      await phone.goto(`${server.baseUrl}/join`);
      expect(await insecure(phone)).toBe(false);
      await phone.getByTestId("join-code-input").pressSequentially(code);
      await phone.getByTestId("join-submit").click();
      await phone.getByTestId("join-name-input").fill("Ana");
      await phone.getByTestId("join-submit").click();
      await phone.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();

      const input = phone.getByTestId("card-input");
      await input.fill(CARD);
      await input.press("Enter");
      await poll(() => input.inputValue()).toBe("");
      // Kept by the workshop: the server holds it, and the console shows it.
      await poll(async () => [...(await serverState()).cards.values()].map((card) => card.text)).toEqual([CARD]);
      await consolePage.getByText(CARD).first().waitFor();

      // The facilitator gathers the card into a named column, then opens the vote.
      const card = [...(await serverState()).cards.values()][0];
      const themeId = randomUUID();
      await steer.goToPhase("Cluster");
      await boardCommand({ type: "createTheme", themeId, name: COLUMN, cardIds: [card?.id ?? ""] });
      await steer.goToPhase("Prioritize");
      await consolePage.getByTestId("open-voting").click();
      await poll(async () => (await serverState()).voting.status).toBe("open");

      await phone.getByRole("button", { name: `Add a dot to ${COLUMN}` }).click();
      await phone.getByTestId("dots-left").filter({ hasText: "2 of 3 dots left" }).waitFor();
      await poll(async () => (await serverState()).votes.map((vote) => [vote.themeId, vote.count])).toEqual([
        [themeId, 1],
      ]);

      await consolePage.getByTestId("close-voting").click();
      await consolePage.getByTestId("reveal-results").click();
      for (const page of [phone, projector, consolePage]) {
        const result = page
          .getByTestId("results-chart")
          .locator(".results-bars:not(.is-small)")
          .getByTestId(`result-${themeId}`);
        await poll(() => result.getAttribute("data-total")).toBe("1");
      }
      expect(problems).toEqual([]);

      // The report's public link, copied without the async clipboard (HTTPS only).
      await consolePage.goto(`${server.baseUrl}/w/${encodeURIComponent(workshop.id)}/report`);
      await consolePage.getByRole("button", { name: "Publish" }).click();
      const link = consolePage.getByRole("region", { name: "Public link" }).getByRole("link");
      await link.waitFor();
      expect(await consolePage.evaluate(() => "clipboard" in navigator)).toBe(false);
      await consolePage.getByRole("button", { name: "Copy link" }).click();
      await consolePage.getByRole("button", { name: "Copied" }).waitFor();
      // Pasted into a field, as the facilitator would paste it into an email.
      await consolePage.evaluate(() => {
        const field = document.createElement("textarea");
        field.id = "paste-here";
        document.body.append(field);
        field.focus();
      });
      await consolePage.keyboard.press("Control+V");
      expect(await consolePage.locator("#paste-here").inputValue()).toBe(await link.getAttribute("href"));
      expect(problems).toEqual([]);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n\nErrors:\n${problems.join("\n")}\n\nPages:\n${await describePages()}`,
      );
    }
  });
});
