import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkshopState } from "../src/core/index.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { placeOf, poll, readBoard } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { dragAnnouncement, tabTo } from "./support/keyboard.js";
import { LAPTOP, openPage, PHONE, pageErrors, serverState } from "./support/roles.js";

/**
 * A short workshop with the keyboard alone — no click, no tap, no focus set by script: the focus
 * moves with Tab and Shift+Tab, and every element it passes must show it. The facilitator signs
 * up, opens the brainstorm, types in paper cards, opens the clustering, makes two columns, moves
 * cards between them and reorders a column, then names a column; a participant joins from a
 * phone and writes a card.
 */
describe.skipIf(!browserAvailable())("a short workshop with the keyboard only", () => {
  let server: E2eServer;
  let browser: Browser;
  let facilitator: Page;
  let phone: Page;
  let workshopId = "";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    facilitator = (await openPage(browser, LAPTOP, "facilitator")).page;
    phone = (await openPage(browser, PHONE, "phone")).page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = () => serverState(facilitator, server.baseUrl, workshopId);
  const key = (page: Page, name: string) => page.keyboard.press(name);
  const goToPhase = async (name: string) => {
    await tabTo(facilitator, ".phases button", name);
    await key(facilitator, "Enter");
    await facilitator.locator('.phases [aria-current="step"]', { hasText: name }).waitFor();
  };
  const pileCards = async () => (await readBoard(facilitator)).pile;

  /**
   * Picks the card up with Space, presses `arrow` until the card's lane or position changes as
   * `arrived` says (dnd-kit listens to the arrows a moment after the pick-up, so a first press
   * may go unheard), then drops it with Space.
   */
  const moveCard = async (cardId: string, arrow: string, arrived: () => Promise<boolean>) => {
    await tabTo(facilitator, `[data-testid="card-${cardId}"]`);
    await key(facilitator, "Space");
    await facilitator.locator(`[data-testid="card-${cardId}"].board-card-placeholder`).waitFor();
    for (let presses = 0; !(await arrived()); presses++) {
      if (presses > 5) throw new Error(`card ${cardId} did not move with ${arrow}`);
      await key(facilitator, arrow);
      await poll(arrived, 1_500)
        .toBe(true)
        .catch(() => undefined);
    }
    await key(facilitator, "Space");
    await facilitator.locator(`[data-testid="card-${cardId}"].board-card-placeholder`).waitFor({ state: "detached" });
  };
  const laneOf = (cardId: string) =>
    facilitator.evaluate(
      (id) =>
        document
          .querySelector(`[data-testid="card-${CSS.escape(id)}"]`)
          ?.closest('[data-testid="pile"], [data-testid^="column-"]')
          ?.getAttribute("data-testid") ?? null,
      cardId,
    );

  it("the facilitator signs up, creates a workshop and opens the brainstorm", async () => {
    await facilitator.goto(`${server.baseUrl}/`);
    await tabTo(facilitator, "button.link", "New here?");
    await key(facilitator, "Enter");
    await tabTo(facilitator, "input[autocomplete='name']");
    await facilitator.keyboard.type("Kim Keyboard");
    await key(facilitator, "Tab");
    await facilitator.keyboard.type("kim@example.test");
    await key(facilitator, "Tab");
    await facilitator.keyboard.type("correct horse battery staple");
    await key(facilitator, "Enter");
    await tabTo(facilitator, "section[aria-labelledby='new-heading'] input:not([type='file'])");
    await facilitator.keyboard.type("Retreat without a mouse");
    await key(facilitator, "Enter");
    await facilitator.waitForURL(/\/w\/[^/]+$/);
    workshopId = decodeURIComponent(new URL(facilitator.url()).pathname.split("/")[2] ?? "");
    await facilitator.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
    await goToPhase("Brainstorm");
    expect((await state()).phase).toBe("brainstorm");
  });

  it("the facilitator types in paper cards, one a line", async () => {
    await tabTo(facilitator, "[data-testid='bulk-cards']");
    // Enter in the text box starts a new line: one card a line.
    await facilitator.keyboard.type("Clear goals\nShared calendar\nMore breaks\nA quiet room");
    await key(facilitator, "Tab");
    await key(facilitator, "Enter");
    await poll(async () => (await state()).cards.size).toBe(4);
  });

  it("a participant joins from a phone and writes a card", async () => {
    const { joinCode } = await state();
    // The QR code opens this address; from there on, only keys.
    await phone.goto(`${server.baseUrl}/join/${joinCode}`);
    await tabTo(phone, "[data-testid='join-name-input']");
    await phone.keyboard.type("Robin");
    await key(phone, "Enter");
    await phone.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
    await tabTo(phone, "[data-testid='card-input']");
    await phone.keyboard.type("Walk and talk");
    await key(phone, "Enter");
    await poll(async () => [...(await state()).cards.values()].map((card) => card.text)).toContain("Walk and talk");
    // Once the phone has the card back, the list and the wall above the footer stop growing: the
    // switch tabbed to below stays where the focus scrolled it.
    await phone
      .getByTestId("my-cards")
      .locator(".participant-card:not(.is-waiting)", { hasText: "Walk and talk" })
      .waitFor();
    // Each participant may read in their own language: the switch names the other one, in it.
    await tabTo(phone, "button[lang='fr']", "Français");
    await key(phone, "Enter");
    await phone.locator(".participant-phase-name", { hasText: "Remue-méninges" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe("fr");
  });

  it("the facilitator opens the clustering and makes two columns", async () => {
    await goToPhase("Cluster");
    await tabTo(facilitator, "[data-testid='add-column']");
    await key(facilitator, "Enter");
    await poll(async () => (await state()).themes.length).toBe(1);
    // The focus stays on the button: Enter again for a second column.
    await key(facilitator, "Enter");
    await poll(async () => (await state()).themes.length).toBe(2);
    await poll(pileCards).toHaveLength(5);
  });

  it("moves cards between columns and reorders a column with the arrow keys", async () => {
    const [first, second] = (await state()).themes.map((theme) => theme.id);
    const [a = "", b = "", c = ""] = await pileCards();
    const inColumn = (themeId = "") => `column-${themeId}`;

    // Right from the pile: the first column; twice: the second.
    await moveCard(a, "ArrowRight", async () => (await laneOf(a)) === inColumn(first));
    await poll(async () => placeOf(await state(), a)?.themeId).toBe(first);
    await moveCard(b, "ArrowRight", async () => (await laneOf(b)) === inColumn(first));
    await poll(async () => placeOf(await state(), b)?.themeId).toBe(first);
    await moveCard(c, "ArrowRight", async () => (await laneOf(c)) === inColumn(second));
    await poll(async () => placeOf(await state(), c)?.themeId).toBe(second);

    // Up and down stay in the column: the lower card of the first column goes up one.
    const columnOrder = async (): Promise<string[]> =>
      (await state()).themes.find((theme) => theme.id === first)?.cardIds ?? [];
    // Within a column the cards make room as the card goes, and the list is reordered on the
    // drop: until then, where it would land is what the board tells screen readers.
    const [top = "", lower = ""] = await columnOrder();
    await moveCard(lower, "ArrowUp", async () => / position 1 of 2\.$/.test(await dragAnnouncement(facilitator)));
    await poll(columnOrder).toEqual([lower, top]);
    expect((await state()).unclustered).toHaveLength(2);
  });

  it("the facilitator names a column", async () => {
    await goToPhase("Name");
    await tabTo(facilitator, "[data-testid='theme-name-input']");
    await facilitator.keyboard.type("Time to think together");
    await key(facilitator, "Enter");
    await poll(async () =>
      (await state()).themes.map((theme: WorkshopState["themes"][number]) => theme.name),
    ).toContain("Time to think together");
  });

  it("the facilitator puts the workshop in French: the console and an open projector follow", async () => {
    const projector = await facilitator.context().newPage();
    await projector.goto(`${server.baseUrl}/w/${workshopId}/present`);
    await projector.locator("main.present-phase-name").waitFor();
    await tabTo(facilitator, "[data-testid='workshop-language']");
    // A closed list box changes with the arrow keys.
    await key(facilitator, "ArrowDown");
    await poll(async () => (await state()).context.language).toBe("fr");
    for (const page of [facilitator, projector]) {
      await page.locator(".phases [aria-current='step'], .present-phase-name", { hasText: "Nommer" }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    }
    expect(pageErrors).toEqual([]);
  });
});
