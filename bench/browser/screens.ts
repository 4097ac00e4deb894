/**
 * One screen of the room opened alone in Chromium, and what the board bench does to it: load it,
 * move cards from the facilitator's socket, drag cards with the mouse (the console). Every time
 * is taken in the page by bench/browser/pageProbe.ts.
 */
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { ROOM_HOST } from "../../e2e/support/browser.js";
import { BOARD_COLUMNS } from "../../test/support/bigBoard.js";
import { percentiles, sleep } from "../load/measure.js";
import type { BoardWorkshop } from "./boardWorkshop.js";
import { PAGE_PROBE } from "./pageProbe.js";

export type ScreenName = "console" | "projector" | "phone";

/** Each screen at the size it has in the room. */
export const SCREENS: Record<ScreenName, BrowserContextOptions> = {
  console: { viewport: { width: 1366, height: 768 }, locale: "en-CA" },
  projector: { viewport: { width: 1280, height: 720 }, locale: "en-CA" },
  phone: {
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "en-CA",
  },
};

export interface ScreenFigures {
  loadMs: number;
  moveMs: { p50: number; p99: number };
  longestTaskMs: number;
  domNodes: number;
}

/** What the bench reports beside the figures (stderr): DOM changes per move, frame gaps. */
export interface ScreenNotes {
  mutationsPerMove: number;
}

export interface DragFigures {
  dragDropToPaintMs: { p50: number; p99: number };
  longestFrameGapMs: number;
}

const round = (value: number) => Math.round(value * 10) / 10;
/** A line on stderr at each step, so that a stalled run shows where it stands. */
const progress = (text: string) => process.stderr.write(`  ${text}\n`);
const lane = (themeId: string) => `column-${themeId}`;
// The columns a 1366 px console shows beside the pile; the lanes scrolled out of its sight render
// no cards (src/web/board/useInScrollerView.ts), so moves and drags there are among these.
const CONSOLE_COLUMNS_SHOWN = 5;

/** Where the page is: the server as the browser reaches it, an insecure origin like a phone on Wi-Fi. */
export const pageOrigin = (port: number) => `http://${ROOM_HOST}:${port}`;

/**
 * Opens `screen`, measures its load, then `moves` moves from the facilitator's socket one a
 * second, and on the console `drags` mouse drags; closes it.
 */
export async function measureScreen(
  browser: Browser,
  screen: ScreenName,
  origin: string,
  workshop: BoardWorkshop,
  counts: { moves: number; drags: number },
): Promise<{ figures: ScreenFigures; notes: ScreenNotes; drag?: DragFigures }> {
  const context = await browser.newContext(SCREENS[screen]);
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PAGE_PROBE });
    const url = await screenUrl(page, screen, origin, workshop);
    // Not the fragment: it carries the facilitator's key.
    progress(`${screen}: opening ${url.split("#")[0]}`);
    await page.goto(url, { waitUntil: "commit" });
    const paintedAt = await page.evaluate((columns) => window.__boardProbe.boardShown(columns), BOARD_COLUMNS);
    const loadMs = await page.evaluate((at) => window.__boardProbe.interactive(at), paintedAt);
    const domNodes = await page.evaluate(() => window.__boardProbe.domNodes());
    const loadedAt = await page.evaluate(() => performance.now());
    progress(`${screen}: board painted at ${round(paintedAt)} ms, interactive at ${round(loadMs)} ms`);
    const columns = screen === "console" ? CONSOLE_COLUMNS_SHOWN : BOARD_COLUMNS;
    const { times: moveMs, mutations } = await moveCards(page, workshop, counts.moves, columns);
    progress(`${screen}: ${moveMs.length} moves, p50 ${percentiles(moveMs).p50} ms`);
    const drag = screen === "console" && counts.drags > 0 ? await dragCards(page, workshop, counts.drags) : undefined;
    if (drag) progress(`${screen}: drags, p50 ${drag.dragDropToPaintMs.p50} ms`);
    const longestTaskMs = await page.evaluate((since) => window.__boardProbe.longestTaskSince(since), loadedAt);
    const figures: ScreenFigures = {
      loadMs: round(loadMs),
      moveMs: pick(percentiles(moveMs)),
      longestTaskMs: round(longestTaskMs),
      domNodes,
    };
    const notes = { mutationsPerMove: percentiles(mutations).p50 };
    return drag ? { figures, notes, drag } : { figures, notes };
  } finally {
    await context.close();
  }
}

const pick = ({ p50, p99 }: { p50: number; p99: number }) => ({ p50, p99 });

/**
 * The address that opens the screen. The phone joins first (the join form, once per device),
 * then the bench loads the page again: that load, straight into the workshop, is what is timed.
 */
async function screenUrl(page: Page, screen: ScreenName, origin: string, workshop: BoardWorkshop): Promise<string> {
  const id = encodeURIComponent(workshop.workshopId);
  if (screen === "console") return `${origin}/w/${id}#key=${workshop.facilitatorKey}`;
  // The projector is the facilitator's screen too: it opens with the key.
  if (screen === "projector") return `${origin}/w/${id}/present#key=${workshop.facilitatorKey}`;
  const join = `${origin}/join/${workshop.joinCode}`;
  await page.goto(join);
  await page.getByTestId("join-name-input").fill("Bench phone");
  await page.getByTestId("join-submit").click();
  await page.locator('[data-testid^="column-"]').first().waitFor();
  return join;
}

/**
 * Moves the top card of a column to the top of the next one, round the first `columns` columns
 * (those the screen shows), and returns for each the milliseconds from the event's arrival in the
 * page to the frame that shows the card in its new column, and the DOM changes made until then. One move a second, as a facilitator at a
 * brisk pace.
 */
async function moveCards(
  page: Page,
  workshop: BoardWorkshop,
  moves: number,
  columns: number,
): Promise<{ times: number[]; mutations: number[] }> {
  const { facilitator } = workshop;
  const times: number[] = [];
  const mutations: number[] = [];
  for (let move = 0; move < moves; move++) {
    const themes = facilitator.state.themes.slice(0, columns);
    const from = themes[move % themes.length];
    const to = themes[(move + 1) % themes.length];
    const cardId = from?.cardIds[0];
    if (!from || !to || cardId === undefined) throw new Error(`no card to move at move ${move}`);
    const started = Date.now();
    await page.evaluate(([card, target]) => window.__boardProbe.expectMove(card, target), [
      cardId,
      lane(to.id),
    ] as const);
    await facilitator.expectAck(randomUUID(), { type: "moveCard", cardId, toThemeId: to.id, toIndex: 0 });
    const ms = await page.evaluate(() => window.__boardProbe.result());
    if (ms < 0) throw new Error(`move ${move}: the page never saw the event that moved ${cardId}`);
    times.push(ms);
    mutations.push(await page.evaluate(() => window.__boardProbe.mutations));
    await sleep(Math.max(0, 1000 - (Date.now() - started)));
  }
  return { times, mutations };
}

/**
 * Drags a card with the mouse from the top of one column onto the top card of the next, and
 * returns the milliseconds from mouse-up to the frame that shows it dropped, and the longest
 * gap between frames from the press to that frame.
 */
async function dragCards(page: Page, workshop: BoardWorkshop, drags: number): Promise<DragFigures> {
  const times: number[] = [];
  let longestFrameGapMs = 0;
  for (let drag = 0; drag < drags; drag++) {
    const themes = workshop.facilitator.state.themes;
    const from = themes[drag % (CONSOLE_COLUMNS_SHOWN - 1)];
    const to = themes[(drag % (CONSOLE_COLUMNS_SHOWN - 1)) + 1];
    const cardId = from?.cardIds[0];
    const target = to?.cardIds[0];
    if (!from || !to || cardId === undefined || target === undefined) throw new Error(`no card to drag at ${drag}`);
    const card = page.getByTestId(`card-${cardId}`);
    const onto = page.getByTestId(lane(to.id)).getByTestId(`card-${target}`);
    await card.scrollIntoViewIfNeeded();
    const source = await card.boundingBox();
    const aim = await onto.boundingBox();
    if (!source || !aim) throw new Error(`drag ${drag}: ${cardId} or ${target} is not on screen`);
    await page.evaluate(() => window.__boardProbe.startFrames());
    await page.mouse.move(source.x + source.width / 2, source.y + 8);
    await page.mouse.down();
    // Past dnd-kit's activation distance, then over the target's upper half in a few steps.
    await page.mouse.move(source.x + source.width / 2, source.y + 20, { steps: 2 });
    await page.mouse.move(aim.x + aim.width / 2, aim.y + 4, { steps: 8 });
    await page
      .getByTestId(lane(to.id))
      .locator(`[data-testid="card-${cardId}"].board-card-placeholder`)
      .waitFor({ timeout: 30_000 });
    await page.evaluate(([id, into]) => window.__boardProbe.expectDrop(id, into), [cardId, lane(to.id)] as const);
    await page.mouse.up();
    const ms = await page.evaluate(() => window.__boardProbe.result());
    longestFrameGapMs = Math.max(longestFrameGapMs, await page.evaluate(() => window.__boardProbe.stopFrames()));
    if (ms < 0) throw new Error(`drag ${drag}: no mouseup reached the page`);
    times.push(ms);
    // The drop is sent to the server: wait for it there, so that the next drag starts from it.
    await workshop.facilitator.waitFor(
      (state) => state.themes.find((theme) => theme.id === to.id)?.cardIds.includes(cardId) ?? false,
      30_000,
    );
    await sleep(500);
  }
  return { dragDropToPaintMs: pick(percentiles(times)), longestFrameGapMs: round(longestFrameGapMs) };
}
