import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { WorkshopState } from "../../src/core/index.js";

/**
 * The cluster board as a page renders it, read through the test ids: the pile, then each column
 * in board order, each with its card ids top to bottom. Every view (console, phone, projector)
 * renders the same board component, so the same reader works on all of them.
 */
export interface BoardView {
  pile: string[];
  columns: { themeId: string; cardIds: string[] }[];
}

/** Reads the board the page shows right now. */
export function readBoard(page: Page): Promise<BoardView> {
  return page.evaluate(() => {
    const cardIds = (lane: Element) =>
      [...lane.querySelectorAll('[data-testid^="card-"]')].map((card) =>
        (card.getAttribute("data-testid") ?? "").slice("card-".length),
      );
    const pile = document.querySelector('[data-testid="pile"]');
    return {
      // The projector leaves an empty pile out.
      pile: pile ? cardIds(pile) : [],
      columns: [...document.querySelectorAll('[data-testid^="column-"]')].map((column) => ({
        themeId: (column.getAttribute("data-testid") ?? "").slice("column-".length),
        cardIds: cardIds(column),
      })),
    };
  });
}

/** The board a state describes, as `readBoard` reads it (cards waiting for a round are not on it). */
export function boardOfState(state: WorkshopState): BoardView {
  const onBoard = (ids: readonly string[]) =>
    ids.filter((id) => state.cards.get(id)?.stage === undefined && state.cards.has(id));
  return {
    pile: onBoard(state.unclustered),
    columns: state.themes.map((theme) => ({ themeId: theme.id, cardIds: onBoard(theme.cardIds) })),
  };
}

/** Waits until the page renders exactly `expected`. */
export async function waitForBoard(page: Page, expected: BoardView, timeout = 10_000): Promise<void> {
  await poll(() => readBoard(page), timeout).toEqual(expected);
}

/** Where a card is in a state: a column (by theme id) or the pile (null), and its index. */
export function placeOf(state: WorkshopState, cardId: string): { themeId: string | null; index: number } | undefined {
  const pileIndex = state.unclustered.indexOf(cardId);
  if (pileIndex >= 0) return { themeId: null, index: pileIndex };
  for (const theme of state.themes) {
    const index = theme.cardIds.indexOf(cardId);
    if (index >= 0) return { themeId: theme.id, index };
  }
  return undefined;
}

const cardLocator = (page: Page, cardId: string): Locator => page.getByTestId(`card-${cardId}`);
const placeholder = (page: Page, cardId: string): Locator =>
  page.locator(`[data-testid="card-${cardId}"].board-card-placeholder`);

/** The test id of the lane (pile or column) whose list holds the card's element now. */
function laneOf(page: Page, cardId: string): Promise<string | null> {
  return page.evaluate(
    (id) =>
      document
        .querySelector(`[data-testid="card-${CSS.escape(id)}"]`)
        ?.closest('[data-testid="pile"], [data-testid^="column-"]')
        ?.getAttribute("data-testid") ?? null,
    cardId,
  );
}

function laneOrder(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="pile"], [data-testid^="column-"]')].map(
      (lane) => lane.getAttribute("data-testid") ?? "",
    ),
  );
}

/** What dnd-kit's live region last told screen readers ("Column: …, position 2 of 3."). */
function announcement(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('[id^="DndLiveRegion"]')?.textContent ?? "");
}

/** The name the board gives a lane, as screen readers hear it ("Column: green square"). */
function placeName(page: Page, laneTestId: string): Promise<string> {
  return page.evaluate((lane) => {
    const heading = document.querySelector(`[data-testid="${lane}"]`)?.getAttribute("aria-labelledby") ?? "";
    return document.getElementById(heading)?.textContent ?? "";
  }, laneTestId);
}

/** Where the board says the dragged card would drop, if it speaks of `place`: [position, total]. */
async function announcedPosition(page: Page, place: string): Promise<[number, number] | undefined> {
  const said = await announcement(page);
  if (!said.startsWith(`${place}, position `)) return undefined;
  const [, position, total] = /position (\d+) of (\d+)/.exec(said) ?? [];
  return [Number(position), Number(total)];
}

/** Polls with a timeout that suits a browser on a busy machine (expect.poll's default is 1 s). */
export const poll = <T>(read: () => Promise<T> | T, timeout = 10_000) => expect.poll(read, { timeout, interval: 50 });

/**
 * Moves a card to the end of a column with the keyboard alone, as a keyboard user does: focus
 * the card, Space to pick it up, Left/Right until the card is in the wanted column, Down until
 * the board announces the last position, Space to drop. Each key waits for the board to show its
 * effect (the card's placeholder in the next lane, the next announcement), never for a time.
 */
export async function moveWithKeyboard(page: Page, cardId: string, themeId: string): Promise<void> {
  await cardLocator(page, cardId).focus();
  await page.keyboard.press("Space");
  await placeholder(page, cardId).waitFor();
  await cancelOnFailure(page, () => steerWithKeys(page, cardId, `column-${themeId}`));
  await page.keyboard.press("Space");
  await placeholder(page, cardId).waitFor({ state: "detached" });
}

/** Runs the middle of a drag; if it fails, Escape cancels the drag so the board is usable again. */
async function cancelOnFailure(page: Page, middle: () => Promise<void>, release?: () => Promise<void>) {
  try {
    await middle();
  } catch (error) {
    await page.keyboard.press("Escape").catch(() => undefined);
    await release?.().catch(() => undefined);
    throw error;
  }
}

async function steerWithKeys(page: Page, cardId: string, target: string): Promise<void> {
  for (let presses = 0; ; presses++) {
    const lanes = await laneOrder(page);
    const here = await laneOf(page, cardId);
    const delta = lanes.indexOf(target) - lanes.indexOf(here ?? "");
    if (delta === 0) break;
    if (presses >= lanes.length * 3)
      throw new Error(`keyboard: card ${cardId} did not reach ${target} (stuck in ${here})`);
    await page.keyboard.press(delta > 0 ? "ArrowRight" : "ArrowLeft");
    // dnd-kit starts listening to the arrows a moment after the pick-up (a timeout), so a first
    // arrow can go unheard: if the card has not moved, the loop presses again.
    await poll(() => laneOf(page, cardId), 2_000)
      .not.toBe(here)
      .catch(() => undefined);
  }
  // Crossing into a column that holds cards lands beside the nearest one; go down to the end.
  const place = await placeName(page, target);
  for (let presses = 0; ; presses++) {
    await poll(() => announcedPosition(page, place), 5_000).toBeDefined();
    const [position, total] = (await announcedPosition(page, place)) ?? [];
    if (position === total) break;
    if (presses > 50) throw new Error(`keyboard: card ${cardId} never reached the end of ${target}`);
    const said = await announcement(page);
    await page.keyboard.press("ArrowDown");
    await poll(() => announcement(page), 5_000).not.toBe(said);
  }
}

/**
 * Drags a card with the mouse to the end of a column: presses near the card's top, moves past
 * dnd-kit's activation distance, then into the column (in the part of it that is on screen) below
 * its last card, waits for the board to show the card there and to announce the last position,
 * and releases.
 */
export async function moveWithMouse(page: Page, cardId: string, themeId: string): Promise<void> {
  const column = `column-${themeId}`;
  await cardLocator(page, cardId).scrollIntoViewIfNeeded();
  // Scroll so that the card and the end of the column (with room for one more card) are in view.
  await page.evaluate(
    ({ id, lane }) => {
      const source = document.querySelector(`[data-testid="card-${CSS.escape(id)}"]`)?.getBoundingClientRect();
      const list = document.querySelector(`[data-testid="${lane}"] ul`)?.getBoundingClientRect();
      if (!source || !list) return;
      const top = Math.min(source.top, list.bottom);
      const bottom = Math.max(source.bottom, list.bottom + source.height + 24);
      // Below the participant's sticky bar when the span fits; else the column's end comes first.
      const wanted = bottom - top < window.innerHeight - 140 ? top - 120 : bottom - window.innerHeight + 16;
      window.scrollBy(0, wanted);
    },
    { id: cardId, lane: column },
  );
  const geometry = await page.evaluate(
    ({ id, lane }) => {
      const source = document.querySelector(`[data-testid="card-${CSS.escape(id)}"]`)?.getBoundingClientRect();
      const target = document.querySelector(`[data-testid="${lane}"]`);
      const list = target?.querySelector("ul")?.getBoundingClientRect();
      if (!source || !target || !list) return undefined;
      const laneBox = target.getBoundingClientRect();
      // The lanes scroll sideways: aim at the part of the column that is on screen.
      const clip = target.parentElement?.getBoundingClientRect() ?? laneBox;
      const left = Math.max(laneBox.left, clip.left, 0);
      const right = Math.min(laneBox.right, clip.right, window.innerWidth);
      return {
        from: { x: source.left + source.width / 2, y: source.top + 8 },
        // Below the column's last card: there if the card is higher up, else level with the card.
        to: { x: (left + right) / 2, y: Math.min(Math.max(list.bottom + 12, source.top + 8), laneBox.bottom - 4) },
        visibleWidth: right - left,
        viewportHeight: window.innerHeight,
      };
    },
    { id: cardId, lane: column },
  );
  if (!geometry) throw new Error(`mouse: card ${cardId} or column ${themeId} is not on the page`);
  const { from, to, viewportHeight } = geometry;
  const onScreen = (y: number) => y > 0 && y < viewportHeight - 2;
  if (geometry.visibleWidth < 40 || !onScreen(from.y) || !onScreen(to.y)) {
    throw new Error(`mouse: card ${cardId} and column ${themeId} do not fit on screen (${JSON.stringify(geometry)})`);
  }
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await cancelOnFailure(
    page,
    async () => {
      await page.mouse.move(from.x + 12, from.y, { steps: 3 });
      await placeholder(page, cardId).waitFor();
      await page.mouse.move(to.x, to.y, { steps: 10 });
      await page.getByTestId(column).getByTestId(`card-${cardId}`).waitFor();
      // The board says where a drop would put the card. Until it says "last", point at the end
      // of the column's list as laid out now (it grew by this card), as a sighted user aims
      // below the last card once the cards have made room.
      const place = await placeName(page, column);
      for (let attempt = 0; ; attempt++) {
        const position = await announcedPosition(page, place);
        if (position && position[0] === position[1]) break;
        if (attempt >= 8) throw new Error(`mouse: card ${cardId} never reached the end of column ${themeId}`);
        const end = await page.evaluate(
          (lane) => document.querySelector(`[data-testid="${lane}"] ul`)?.getBoundingClientRect().bottom ?? 0,
          column,
        );
        await page.mouse.move(to.x, Math.min(end - 6 - (attempt % 2) * 4, viewportHeight - 4), { steps: 2 });
        await poll(() => announcedPosition(page, place), 2_000)
          .toSatisfy((now) => now !== undefined && now[0] === now[1])
          .catch(() => undefined);
      }
    },
    () => page.mouse.up(),
  );
  await page.mouse.up();
  await placeholder(page, cardId).waitFor({ state: "detached" });
}
