import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { type CreatedWorkshop, createWorkshop, requestJson, signUp } from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { poll } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { Console, LAPTOP, openPage, Participant, PHONE, pageStep } from "./support/roles.js";

/**
 * A join code that leaked beyond the room is replaced from the console: after a confirmation the
 * console and the projector show the new code and its QR code at once, the old code opens nothing,
 * and a phone that joined before stays in the workshop.
 */
describe.skipIf(!browserAvailable())("a facilitator replaces the join code from the console", () => {
  let server: E2eServer;
  let browser: Browser;
  let workshop: CreatedWorkshop;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    workshop = await createWorkshop(server.apiUrl, await signUp(server.apiUrl), "Leaked on social media");
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
  });

  const open = async (options: Parameters<typeof openPage>[1], label: string) => {
    const { context, page } = await openPage(browser, options, label);
    contexts.push(context);
    return page;
  };
  const lookUp = async (code: string) => (await requestJson(server.apiUrl, "GET", `/api/join/${code}`)).status;

  pageStep(
    "the console and the projector show the new code live, the old one opens nothing, the phone stays",
    async () => {
      const consolePage = await open(LAPTOP, "console");
      await consolePage.goto(`${server.baseUrl}/w/${workshop.id}#key=${workshop.facilitatorKey}`);
      // In the brainstorm, so that the phone can write a card; the code is still shown there.
      await new Console(consolePage, server.baseUrl).goToPhase("Brainstorm");
      const codeOnConsole = consolePage.getByTestId("join-code");
      const oldCode = ((await codeOnConsole.textContent()) ?? "").trim();
      expect(oldCode).toMatch(/^[A-Z0-9]{6}$/);

      const projector = await open(LAPTOP, "projector");
      await projector.goto(`${server.baseUrl}/w/${workshop.id}/present#key=${workshop.facilitatorKey}`);
      await projector.getByTestId("present-join-code").filter({ hasText: oldCode }).waitFor();

      const phone = new Participant(await open(PHONE, "phone"), server.baseUrl, "Pat");
      await phone.page.goto(`${server.baseUrl}/join/${oldCode}`);
      await phone.page.getByTestId("join-name-input").fill(phone.name);
      await phone.submitJoin();

      // Asked once more; "Keep this code" changes nothing.
      await consolePage.getByTestId("new-join-code").click();
      await consolePage.getByText(`Replace ${oldCode} with a new code?`).waitFor();
      await consolePage.getByRole("button", { name: "Keep this code" }).click();
      expect(await lookUp(oldCode)).toBe(200);
      await consolePage.getByTestId("new-join-code").click();
      await consolePage.getByTestId("confirm-new-join-code").click();

      await poll(async () => ((await codeOnConsole.textContent()) ?? "").trim()).not.toBe(oldCode);
      const newCode = ((await codeOnConsole.textContent()) ?? "").trim();
      expect(newCode).toMatch(/^[A-Z0-9]{6}$/);
      await projector.getByTestId("present-join-code").filter({ hasText: newCode }).waitFor();
      // The QR codes point at the new code's link.
      await consolePage.getByAltText(new RegExp(`/join/${newCode}$`)).waitFor();
      await projector.getByAltText(new RegExp(`/join/${newCode}$`)).waitFor();
      expect(await lookUp(oldCode)).toBe(404);
      expect(await lookUp(newCode)).toBe(200);

      // The phone that joined before is still live and still writes.
      await phone.waitLive();
      await phone.write("Still in after the new code");
      await phone.page.locator(".participant-card-text", { hasText: "Still in after the new code" }).waitFor();
    },
  );
});
