import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOARD_COLUMNS, benchCardId, boardDocument } from "../test/support/bigBoard.js";
import { importWorkshop, signUp } from "../test/support/server.js";
import { connectClient, type TestClient } from "../test/support/wsClient.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { moveWithKeyboard, poll } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { tabTo } from "./support/keyboard.js";

/**
 * A board too long to render whole: 600 cards, 45 in each of twelve columns, on a laptop's
 * console while clustering (each column scrolls its own cards). A column renders the cards in
 * view, yet keyboard and screen-reader users get the whole column: each card says its position
 * in all 45, Tab walks past the cards first rendered, a card moved with the keyboard reaches the
 * column's end, and one moved from its menu to a column out of sight keeps the focus (as does the
 * card another is merged into there).
 */
describe.skipIf(!browserAvailable())("a big board on the console", () => {
  let server: E2eServer;
  let browser: Browser;
  let facilitator: TestClient;
  let page: Page;
  const columnSize = (600 - 60) / BOARD_COLUMNS;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const created = await importWorkshop(server.apiUrl, await signUp(server.apiUrl), boardDocument(600));
    facilitator = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: created.id,
      role: "facilitator",
      facilitatorKey: created.facilitatorKey,
    });
    await facilitator.expectAck("cluster", { type: "setPhase", phase: "cluster" });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-CA" });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/w/${created.id}#key=${created.facilitatorKey}`);
    await page.getByTestId("column-col0").locator('[data-testid^="card-"]').first().waitFor();
  });
  afterAll(async () => {
    await facilitator?.close();
    await browser?.close();
    await server?.close();
  });

  const column = (themeId: string) => page.getByTestId(`column-${themeId}`);

  it("renders a long column's cards in view, each telling its place in the whole column", async () => {
    const rendered = await column("col0").locator('[data-testid^="card-"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(columnSize);
    const first = column("col0").locator('[data-testid^="card-"]').first();
    expect(await first.getAttribute("aria-posinset")).toBe("1");
    expect(await first.getAttribute("aria-setsize")).toBe(String(columnSize));
    await expect.poll(() => column("col0").getByText(`${columnSize} cards`).count()).toBe(1);
  });

  it("lets Tab walk down a long column to its last card, every card focused in view", async () => {
    // The column's cards, top to bottom: the pile's tenth of the cards, then every twelfth card.
    const last = benchCardId(60 + (columnSize - 1) * BOARD_COLUMNS);
    await column("col0").locator('[data-testid^="card-"]').first().focus();
    await tabTo(page, `[data-testid="card-${last}"]`, undefined, columnSize * 2 + 4);
    expect(await page.getByTestId(`card-${last}`).getAttribute("aria-posinset")).toBe(String(columnSize));
  });

  it("draws a long column's cards only while its lane is in sight, and at once when scrolled to", async () => {
    const farColumn = `col${BOARD_COLUMNS - 1}`;
    const cards = column(farColumn).locator('[data-testid^="card-"]');
    await expect.poll(() => column(farColumn).getByText(`${columnSize} cards`).count()).toBe(1);
    expect(await cards.count()).toBe(0);
    // A card the facilitator moves there from the pile meanwhile is drawn when the lane comes in sight.
    const moved = benchCardId(0);
    await facilitator.expectAck("to-far", { type: "moveCard", cardId: moved, toThemeId: farColumn, toIndex: 0 });
    await page.locator(".board-lanes").evaluate((lanes) => {
      lanes.scrollLeft = lanes.scrollWidth;
    });
    await expect.poll(() => cards.count()).toBeGreaterThan(5);
    // The page may draw the lane before the move's event reaches it (the ack comes first on a busy machine).
    await poll(() => cards.first().getAttribute("data-testid")).toBe(`card-${moved}`);
    expect(await cards.first().getAttribute("aria-setsize")).toBe(String(columnSize + 1));
    await page.locator(".board-lanes").evaluate((lanes) => {
      lanes.scrollLeft = 0;
    });
    await expect.poll(() => cards.count()).toBe(0);
  });

  it("moves a card with the keyboard alone to the end of a long column", async () => {
    const cardId = benchCardId(60 + 1);
    await moveWithKeyboard(page, cardId, "col0");
    await poll(() => facilitator.state.themes.find((theme) => theme.id === "col0")?.cardIds.at(-1)).toBe(cardId);
    await expect
      .poll(() =>
        column("col0")
          .getByText(`${columnSize + 1} cards`)
          .count(),
      )
      .toBe(1);
  });

  it("keeps focus on a card moved from its menu to the end of a long column out of sight, and shows it", async () => {
    const cardId = benchCardId(60 + 2);
    const farColumn = `col${BOARD_COLUMNS - 1}`;
    await page.locator(".board-lanes").evaluate((lanes) => {
      lanes.scrollLeft = 0;
    });
    await page.getByTestId(`card-${cardId}`).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: `Column ${BOARD_COLUMNS}`, exact: true }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await poll(() => facilitator.state.themes.find((theme) => theme.id === farColumn)?.cardIds.at(-1)).toBe(cardId);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(`card-${cardId}`);
    const moved = column(farColumn).getByTestId(`card-${cardId}`);
    expect(await moved.getAttribute("aria-posinset")).toBe(await moved.getAttribute("aria-setsize"));
    // The browser scrolls the focused card into the lanes' and its column's view.
    await poll(() =>
      moved.evaluate((card) => {
        const box = card.getBoundingClientRect();
        return [".board-lanes", "ul"].every((selector) => {
          const view = card.parentElement?.closest(selector)?.getBoundingClientRect();
          return (
            !!view &&
            box.left >= view.left &&
            box.right <= view.right &&
            box.top >= view.top &&
            box.bottom <= view.bottom
          );
        });
      }),
    ).toBe(true);
  });

  it("leaves the focus on the merged card after a merge from a card's menu into a lane out of sight", async () => {
    const source = benchCardId(60 + 3);
    const target = benchCardId(60 + BOARD_COLUMNS - 1);
    await page.locator(".board-lanes").evaluate((lanes) => {
      lanes.scrollLeft = 0;
    });
    await page.getByTestId(`card-${source}`).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Merge into another card").selectOption(target);
    await dialog.getByRole("button", { name: "Merge", exact: true }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await poll(() => facilitator.state.cards.has(source)).toBe(false);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(`card-${target}`);
  });
});
