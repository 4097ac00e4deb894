import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import type { WorkshopState } from "../src/core/index.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { poll, readBoard } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { Console, LAPTOP, openPage, pageStep, screenshot, serverState } from "./support/roles.js";
import { goToPhase } from "./support/workshopEnd.js";

/** Suggestions run a sentence-embedding model on a shared machine: the first answer may take a while. */
const SUGGESTION_WAIT = 90_000;

/** Twenty cards about a community garden in four plain groups, and one card that repeats another. */
const CARDS: [string, string][] = [
  ["water-1", "Install a rain barrel to collect water for the beds"],
  ["water-2", "Drip irrigation lines so the plants get watered evenly"],
  ["water-3", "A watering schedule so beds are not left dry in July"],
  ["water-4", "Fix the leaking hose and the broken water tap"],
  ["water-5", "Collect rainwater from the shed roof for watering"],
  ["soil-1", "Build a compost bin for kitchen scraps"],
  ["soil-2", "Start a worm composting station"],
  ["soil-3", "Teach neighbours how to compost their food waste"],
  ["soil-4", "Use our own compost to feed the soil every spring"],
  ["soil-5", "Add mulch and compost to improve the soil"],
  ["people-1", "Run a weekend workshop for kids to plant seeds"],
  ["people-2", "Invite the school to visit the garden on Fridays"],
  ["people-3", "Host a harvest potluck for the whole neighbourhood"],
  ["people-4", "Monthly volunteer work party with coffee and snacks"],
  ["people-5", "Welcome new gardeners with a buddy who shows them around"],
  ["tools-1", "Put a lock on the tool shed so tools stop going missing"],
  ["tools-2", "A sign-out sheet for borrowing shovels and rakes"],
  ["tools-3", "Buy new wheelbarrows and sharpen the pruning shears"],
  ["tools-4", "Repair the broken shovels and rakes in the tool shed"],
  ["tools-5", "Replace the rusty hand trowels and garden forks"],
  ["soil-dup", "Build a compost bin for the kitchen scraps"],
];
/** Arrives while the console is open: it repeats people-3. */
const LATE_CARD = "Host a harvest potluck for all the neighbours";

/** A workshop/v1 file whose cards are all still unplaced: it opens at clustering. */
function gardenWorkshop() {
  return {
    format: "workshop/v1",
    title: "Community garden: next season",
    organization: "Maple Street Garden",
    preparedFor: "",
    preparedBy: "",
    event: "Spring planning",
    heldOn: "2026-04-11",
    reportDate: "2026-04-11",
    language: "en",
    facilitators: [],
    participantGroups: [],
    overview: "",
    goal: "",
    focusQuestion: "What would make our garden thrive next season?",
    method: "",
    themes: [],
    unclusteredCards: CARDS.map(([id, text]) => ({ id, text })),
    footnotes: [],
    reflections: "",
    nextSteps: "",
  };
}

/**
 * Theme suggestions in the facilitator's console: a proposal beside the board that changes
 * nothing until a column is accepted, "Fits" hints on the pile, duplicate flags with Merge, and
 * the suggested name offered while naming.
 */
describe.skipIf(!browserAvailable())("theme suggestions in the console", () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let facilitator: Console;
  let workshopId = "";
  let accepted: { themeId: string; cardIds: string[] } | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    page = (await openPage(browser, LAPTOP, "console")).page;
    facilitator = new Console(page, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = (): Promise<WorkshopState> => serverState(facilitator.page, server.baseUrl, workshopId);
  const step = pageStep;

  step("the facilitator imports a workshop of unplaced cards and opens it at clustering", async () => {
    await facilitator.signUp("Gina Gardener", "gina@garden.example", "a long enough password");
    await page.locator('input[type="file"]').setInputFiles({
      name: "garden.workshop.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(gardenWorkshop())),
    });
    await page.waitForURL(/\/w\/[^/]+$/);
    await facilitator.waitLive();
    workshopId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");
    const imported = await state();
    expect(imported.phase).toBe("cluster");
    expect(imported.themes).toEqual([]);
    expect(imported.unclustered).toEqual(CARDS.map(([id]) => id));
  });

  step('with no column holding cards, no card shows a "Fits" hint', async () => {
    // The duplicate flags come from a suggestion answered on this board: once one shows, the
    // console has read the board's suggestions, and a hint would have had its chance to show too.
    await page.getByTestId("duplicate-flag-soil-dup").waitFor({ timeout: SUGGESTION_WAIT });
    expect(await page.locator('[data-testid^="fit-hint-"]').count()).toBe(0);
  });

  step("a card that repeats one already on the board is flagged; the other pair is flagged too", async () => {
    await page.getByTestId("duplicate-flag-soil-dup").waitFor({ timeout: SUGGESTION_WAIT });
    await expect(page.getByTestId("duplicate-flag-soil-dup").textContent()).resolves.toContain(
      "Build a compost bin for kitchen scraps",
    );
    // Paper cards fold away once the brainstorm is over: one click brings them back.
    await page.getByTestId("show-join").click();
    await page.getByTestId("bulk-cards").fill(LATE_CARD);
    await page.getByTestId("bulk-submit").click();
    await page.getByTestId("show-join").click();
    await poll(async () => [...(await state()).cards.values()].some((card) => card.text === LATE_CARD)).toBe(true);
    const late = [...(await state()).cards.values()].find((card) => card.text === LATE_CARD);
    await page.getByTestId(`duplicate-flag-${late?.id}`).waitFor({ timeout: SUGGESTION_WAIT });
    await expect(page.getByTestId(`duplicate-flag-${late?.id}`).textContent()).resolves.toContain(
      "Host a harvest potluck for the whole neighbourhood",
    );
  });

  step("Suggest columns shows a proposal beside the board and moves nothing", async () => {
    const before = await state();
    await page.getByRole("button", { name: "Suggest columns" }).click();
    const panel = page.getByTestId("suggest-panel");
    await panel.waitFor({ timeout: SUGGESTION_WAIT });
    await panel.getByRole("heading", { name: "Suggested columns" }).waitFor();
    // Only the confident columns: on this small wall, the few tight groups the room would start from.
    expect(await panel.locator('[data-testid^="suggested-column-"]').count()).toBeGreaterThanOrEqual(2);
    const after = await state();
    expect(after.themes).toEqual([]);
    expect(after.unclustered).toEqual(before.unclustered);
  });

  step("accepting one column creates it with its cards, for every viewer, and nothing else", async () => {
    const stackBefore = (await state()).undoStack.length;
    const first = page.getByTestId("suggested-column-0");
    const label = (await first.locator("h3").textContent())?.trim() ?? "";
    const cardIds = await first
      .locator('[data-testid^="suggested-card-"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")?.slice("suggested-card-".length)));
    expect(cardIds.length).toBeGreaterThanOrEqual(2);
    await first.getByRole("button", { name: `Accept column “${label}”` }).click();
    await poll(async () => (await state()).themes.map((theme) => theme.cardIds)).toEqual([cardIds]);
    const column = (await state()).themes[0];
    expect(column?.name).toBe("");
    accepted = { themeId: column?.id ?? "", cardIds: cardIds as string[] };
    // The console's own board shows it too, and the other proposed columns still wait.
    await poll(async () => (await readBoard(page)).columns).toEqual([accepted]);
    // One command: one undo takes the whole column back; asked again, the same proposal comes back.
    expect((await state()).undoStack).toHaveLength(stackBefore + 1);
    await page.getByTestId("undo").click();
    await poll(async () => (await state()).themes).toEqual([]);
    expect((await state()).unclustered).toEqual(expect.arrayContaining(cardIds as string[]));
    await page.getByTestId("suggest-columns").click();
    await page
      .getByTestId("suggested-column-0")
      .getByRole("button", { name: `Accept column “${label}”` })
      .click();
    await poll(async () => (await state()).themes.map((theme) => theme.cardIds)).toEqual([cardIds]);
    accepted = { themeId: (await state()).themes[0]?.id ?? "", cardIds: cardIds as string[] };
    await poll(async () => (await readBoard(page)).columns).toEqual([accepted]);
    await first.getByText("✓ Accepted").waitFor();
    // The accepted column's button is gone: the focus moved on to the next column's.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).toMatch(
      /^Accept column/,
    );
    await page
      .getByTestId("suggested-column-1")
      .getByRole("button", { name: /^Accept column/ })
      .waitFor();
    expect((await state()).themes).toHaveLength(1);
  });

  step("once there are two columns, cards left on the pile show the column they fit best", async () => {
    // A ranking of a single column says nothing: no hint yet.
    expect(await page.locator('[data-testid^="fit-hint-"]').count()).toBe(0);
    const second = page.getByTestId("suggested-column-1");
    const cardIds = await second
      .locator('[data-testid^="suggested-card-"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")?.slice("suggested-card-".length)));
    await second.getByRole("button", { name: /^Accept column/ }).click();
    await poll(async () => (await state()).themes.map((theme) => theme.cardIds)).toEqual([accepted?.cardIds, cardIds]);
    const hint = page.getByTestId("pile").locator('[data-testid^="fit-hint-"]').first();
    await hint.waitFor({ timeout: SUGGESTION_WAIT });
    // The columns are unnamed: a hint names its column by the column's symbol.
    expect(await hint.textContent()).toMatch(/^Fits: (orange triangle|blue circle)$/);
    await screenshot(page, "30-suggest-console", { fullPage: true });
  });

  step("Merge keeps both texts on the earlier card; Not a duplicate dismisses the other flag", async () => {
    const flag = page.getByTestId("duplicate-flag-soil-dup");
    await flag.getByRole("button", { name: /^Merge/ }).click();
    await poll(async () => {
      const now = await state();
      return [now.cards.get("soil-1")?.text, now.cards.get("soil-dup") === undefined];
    }).toEqual(["Build a compost bin for kitchen scraps\nBuild a compost bin for the kitchen scraps", true]);
    await flag.waitFor({ state: "detached" });

    const late = [...(await state()).cards.values()].find((card) => card.text === LATE_CARD);
    const other = page.getByTestId(`duplicate-flag-${late?.id}`);
    await other.getByRole("button", { name: "Not a duplicate" }).click();
    await other.waitFor({ state: "detached" });
    expect((await state()).cards.get(late?.id ?? "")?.text).toBe(LATE_CARD);
  });

  step("Dismiss closes the proposal without touching the board", async () => {
    const before = await state();
    await page.getByTestId("suggest-dismiss").click();
    await page.getByTestId("suggest-panel").waitFor({ state: "detached" });
    expect((await state()).themes).toEqual(before.themes);
  });

  step("while naming, the column's suggested name fills the field to edit, and is saved only when asked", async () => {
    await goToPhase(page, "name");
    const suggested = page.getByTestId("suggested-name");
    await suggested.waitFor({ timeout: SUGGESTION_WAIT });
    await page.getByTestId("suggested-key-points").waitFor();
    const input = page.getByTestId("theme-name-input");
    expect(await input.inputValue()).toBe("");
    await suggested.getByRole("button", { name: /^Use suggestion/ }).click();
    const name = await input.inputValue();
    expect(name.length).toBeGreaterThan(0);
    expect((await state()).themes.map((theme) => theme.name)).toEqual(["", ""]);
    await input.fill(`${name} (edited)`);
    await page.getByTestId("save-theme-name").click();
    // The column being named: after the merge, the first accepted column may hold one card only.
    await poll(async () => (await state()).themes.filter((theme) => theme.name === `${name} (edited)`)).toHaveLength(1);
  });
});
