import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkshopDocument, WorkshopState } from "../src/core/index.js";
import { HAS_REFERENCE_EXAMPLE, needsReferenceExample, readReferenceExample } from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { poll } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import {
  Console,
  describePages,
  openPage,
  PHONE,
  pageErrors,
  screenshot,
  serverState,
  watch,
} from "./support/roles.js";
import { goToPhase } from "./support/workshopEnd.js";

/** The facilitator's laptop the issue names: a common 14-inch screen. */
const LAPTOP_1366 = { viewport: { width: 1366, height: 768 }, locale: "en-CA" };
const PROJECTOR = { width: 1280, height: 720 };

/** An element's box as the page lays it out now, or null when it is not rendered. */
type Box = { x: number; y: number; width: number; height: number };

/** True when the box lies whole inside a viewport of this size. */
const inside = (box: Box | null, width: number, height: number) =>
  box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;

/**
 * Where the phone's notice lies on something the page shows: every button, field, link and text
 * below the top bar and inside the window whose box meets the notice's box, where the page opens
 * and again scrolled to its end (in one go: a notice shows for a few seconds).
 */
function noticeOverlaps(): { top: string[]; bottom: string[] } {
  const check = () => {
    const notice = document.querySelector(".participant-toast[data-visible]")?.getBoundingClientRect();
    const bar = document.querySelector(".participant-bar")?.getBoundingClientRect();
    if (!notice || !bar) return ["no notice or no top bar"];
    const found: string[] = [];
    const things = document.querySelectorAll(
      "main button, main input, main textarea, main a, main h1, main h2, main h3, main p, main li, footer button, footer p",
    );
    for (const thing of things) {
      const box = thing.getBoundingClientRect();
      // Scrolled under the top bar, or below the window: not on screen.
      if (box.width === 0 || box.height === 0 || box.top < bar.bottom || box.top >= window.innerHeight) continue;
      const meets =
        box.left < notice.right && box.right > notice.left && box.top < notice.bottom && box.bottom > notice.top;
      if (meets) found.push(`${thing.tagName.toLowerCase()} "${(thing.textContent ?? "").trim().slice(0, 30)}"`);
    }
    return found;
  };
  const top = check();
  window.scrollTo(0, document.documentElement.scrollHeight);
  return { top, bottom: check() };
}

/**
 * The example's five columns, unnamed (a board in the middle of clustering), the last card of
 * each waiting in the pile, and two more columns of one card each: seven columns, more than a
 * laptop shows at once.
 */
function clusteringWorkshop(example: WorkshopDocument): WorkshopDocument {
  const waiting = example.themes
    .map((theme) => theme.cards[theme.cards.length - 1])
    .filter((card) => card !== undefined);
  const [first, second, ...pile] = waiting;
  const themes = example.themes.map((theme) => ({
    ...theme,
    name: "",
    keyPoints: [],
    headline: "",
    narrative: "",
    cards: theme.cards.slice(0, -1),
  }));
  const extra = (id: string, card: (typeof waiting)[number] | undefined) => ({
    id,
    name: "",
    keyPoints: [],
    headline: "",
    narrative: "",
    cards: card ? [card] : [],
  });
  return {
    ...example,
    themes: [...themes, extra("extra-6", first), extra("extra-7", second)],
    unclusteredCards: pile,
    votes: [],
  };
}

/**
 * What the room sees and does in one laptop-and-phones session: the goal and the phase's
 * instruction on the projector and the phones (and the facilitator's own line reaching them),
 * a cluster board that fits a 1366×768 laptop with "Move to column…" for the keyboard, results
 * at the top of a phone, and notices that never sit on text or buttons.
 */
describe.skipIf(!browserAvailable() || !HAS_REFERENCE_EXAMPLE)(
  needsReferenceExample("the room: goal, instructions, a laptop's cluster board, phones"),
  () => {
    let server: E2eServer;
    let browser: Browser;
    let facilitator: Console;
    let projector: Page;
    let phone: Page;
    let workshopId = "";
    let example: WorkshopDocument;

    beforeAll(async () => {
      [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
      facilitator = new Console((await openPage(browser, LAPTOP_1366, "console")).page, server.baseUrl);
      example = readReferenceExample() as WorkshopDocument;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const state = (): Promise<WorkshopState> => serverState(facilitator.page, server.baseUrl, workshopId);
    const step = (name: string, body: () => Promise<void>) =>
      it(name, async () => {
        try {
          await body();
        } catch (error) {
          console.error(await describePages());
          throw error;
        }
        expect(pageErrors).toEqual([]);
      });

    step("the facilitator imports a board in the middle of clustering; a phone and the projector join", async () => {
      const page = facilitator.page;
      // The sign-up says the password rule in plain sight, tied to the field.
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole("button", { name: "New here? Create an account" }).click();
      const help = page.getByTestId("password-help");
      await help.filter({ hasText: "At least 10 characters." }).waitFor();
      expect(await page.getByLabel("Password").getAttribute("aria-describedby")).toBe(await help.getAttribute("id"));
      await facilitator.signUp("Fran Facilitator", "fran@room.example", "a long enough password");
      await page.locator('input[type="file"]').setInputFiles({
        name: "clustering.workshop.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(clusteringWorkshop(example))),
      });
      await page.waitForURL(/\/w\/[^/]+$/);
      await facilitator.waitLive();
      workshopId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");
      expect((await state()).phase).toBe("cluster");

      // The projector is a second window of the facilitator's browser, signed in.
      projector = await page.context().newPage();
      watch(projector, "projector");
      await projector.setViewportSize(PROJECTOR);
      await projector.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}/present`);
      await projector.getByTestId("present-join-code").waitFor();
      phone = (await openPage(browser, PHONE, "phone")).page;
      await phone.goto(`${server.baseUrl}/join`);
      const code = (await projector.getByTestId("present-join-code").textContent())?.trim() ?? "";
      await phone.getByTestId("join-code-input").pressSequentially(code);
      await phone.getByTestId("join-submit").click();
      await phone.getByTestId("join-name-input").fill("Paz");
      await phone.getByTestId("join-group-select").selectOption({ index: 1 });
      await phone.getByTestId("join-submit").click();
      await phone.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
      await poll(async () => Object.keys((await state()).participants).length).toBe(1);
    });

    step("at 1366×768 the cluster console shows five columns and the pile whole", async () => {
      const page = facilitator.page;
      const now = await state();
      const lanes = [
        page.getByTestId("pile"),
        ...now.themes.slice(0, 5).map((theme) => page.getByTestId(`column-${theme.id}`)),
      ];
      for (const lane of lanes) await lane.waitFor();
      await screenshot(page, "40-cluster-console-1366x768");
      // The join panel and the paper cards are folded away once the brainstorm is over.
      expect(await page.getByTestId("join-code").isVisible()).toBe(false);
      expect(await page.getByTestId("bulk-cards").isVisible()).toBe(false);
      const boxes = await Promise.all(lanes.map((lane) => lane.boundingBox()));
      expect(
        boxes.map((box) => inside(box, 1366, 768)),
        JSON.stringify(boxes),
      ).toEqual(lanes.map(() => true));

      // The board scrolls sideways on its own: the last column comes into view, the pile stays.
      const last = now.themes[now.themes.length - 1];
      if (!last) throw new Error("no columns");
      await page.getByTestId(`column-${last.id}`).scrollIntoViewIfNeeded();
      expect(inside(await page.getByTestId(`column-${last.id}`).boundingBox(), 1366, 768)).toBe(true);
      expect(inside(await page.getByTestId("pile").boundingBox(), 1366, 768)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

      // One click brings the join panel back.
      await page.getByTestId("show-join").click();
      await page.getByTestId("join-code").waitFor();
      await page.getByTestId("show-join").click();
      await page.getByTestId("join-code").waitFor({ state: "hidden" });
    });

    step("a card moves to another column from its menu with the keyboard alone", async () => {
      const page = facilitator.page;
      const before = await state();
      const cardId = before.unclustered[0];
      const target = before.themes[2];
      if (!cardId || !target) throw new Error("no card in the pile");
      await page.getByTestId(`card-${cardId}`).focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      const moveList = dialog.getByRole("group", { name: "Move to column…" });
      // Tab from the dialog's first control to the target column's button, then Enter.
      const button = moveList.getByRole("button", { name: "Column: green square" });
      for (
        let presses = 0;
        presses < 30 && !(await button.evaluate((node) => node === document.activeElement));
        presses++
      ) {
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await dialog.waitFor({ state: "detached" });
      await poll(async () => (await state()).themes[2]?.cardIds).toEqual([...target.cardIds, cardId]);
      await page.getByTestId(`column-${target.id}`).getByTestId(`card-${cardId}`).waitFor();
      // The same command as a drag: the board's undo takes it back.
      await poll(async () => (await state()).undoStack.at(-1)?.eventType).toBe("cardMoved");
    });

    step("the projector and the phone show the goal and what to do; the facilitator's line reaches them", async () => {
      const goal = example.goal;
      for (const page of [projector, phone]) {
        await page.getByTestId("room-goal").filter({ hasText: goal }).waitFor();
        await page
          .getByTestId("room-instruction")
          .filter({ hasText: "Put together the cards that belong together" })
          .waitFor();
      }
      await goToPhase(facilitator.page, "brainstorm");
      for (const page of [projector, phone]) {
        await page.getByTestId("room-instruction").filter({ hasText: "Write 3–5 cards, one idea each" }).waitFor();
        await page.getByTestId("room-goal").filter({ hasText: goal }).waitFor();
      }
      await screenshot(projector, "41-brainstorm-projector-1280x720");
      await screenshot(phone, "41-brainstorm-phone");
      const own = "Two cards each: what would you change first?";
      await facilitator.page.getByTestId("instruction-editor").getByRole("button", { name: "Edit" }).click();
      await facilitator.page.getByTestId("instruction-input").fill(own);
      await facilitator.page.getByTestId("instruction-save").click();
      for (const page of [projector, phone])
        await page.getByTestId("room-instruction").filter({ hasText: own }).waitFor();
      expect((await state()).instructions).toEqual({ brainstorm: own });
      // Back to the default in one click.
      await facilitator.page.getByTestId("instruction-editor").getByRole("button", { name: "Edit" }).click();
      await facilitator.page.getByTestId("instruction-editor").getByRole("button", { name: "Default" }).click();
      await projector.getByTestId("room-instruction").filter({ hasText: "Write 3–5 cards, one idea each" }).waitFor();
      await goToPhase(facilitator.page, "cluster");
    });

    step("in French, the projector tells the room what to do in French, with the workshop's dot count", async () => {
      const language = facilitator.page.getByTestId("workshop-language");
      await language.selectOption("fr");
      await projector
        .getByTestId("room-instruction")
        .filter({ hasText: "Rassemblez les cartes qui vont ensemble" })
        .waitFor();
      await projector.getByTestId("room-goal").filter({ hasText: "But" }).waitFor();
      await facilitator.page.getByTestId("instruction-current").filter({ hasText: "Rassemblez les cartes" }).waitFor();
      await language.selectOption("en");
      await projector.getByTestId("room-instruction").filter({ hasText: "Put together the cards" }).waitFor();
    });

    step("'Use this name' shows which proposal the column is named after", async () => {
      await goToPhase(facilitator.page, "name");
      const proposal = "Career development for every worker";
      await phone.getByTestId("propose-input").fill(proposal);
      await phone.getByTestId("propose-submit").click();
      const panel = facilitator.page.getByTestId("name-panel");
      const item = panel.getByTestId("proposals").locator("li", { hasText: proposal });
      await item.getByRole("button", { name: "Use this name" }).click();
      await item.getByTestId("proposal-used").filter({ hasText: "The column’s name" }).waitFor();
      expect(await item.getByRole("button", { name: "Use this name" }).count()).toBe(0);
      await poll(async () => (await state()).themes.some((theme) => theme.name === proposal)).toBe(true);
    });

    step("on a phone (360×740) a notice takes a row of the top bar: it never lies on text or buttons", async () => {
      await goToPhase(facilitator.page, "prioritize");
      await phone.locator(".participant-toast[data-visible]").filter({ hasText: "Prioritize" }).waitFor();
      // Checked where the page opens and scrolled to its end, where the last buttons are.
      const covered = await phone.evaluate(noticeOverlaps);
      expect(covered).toEqual({ top: [], bottom: [] });
      await screenshot(phone, "42-notice-phone");
      await phone.evaluate(() => window.scrollTo(0, 0));
    });

    step("the vote's line counts the workshop's dots, in English and in French", async () => {
      await projector.getByTestId("room-instruction").filter({ hasText: "Vote: 3 dots each" }).waitFor();
      await phone.getByTestId("room-instruction").filter({ hasText: "Vote: 3 dots each" }).waitFor();
      await projector.getByTestId("room-goal").filter({ hasText: example.goal }).waitFor();
      await screenshot(projector, "43-prioritize-projector-1280x720");
      await screenshot(phone, "43-prioritize-phone");
      const language = facilitator.page.getByTestId("workshop-language");
      await language.selectOption("fr");
      await projector.getByTestId("room-instruction").filter({ hasText: "Votez\u00a0: 3 points chacun" }).waitFor();
      await projector.getByText("Question centrale", { exact: true }).waitFor();
      await language.selectOption("en");
      await projector.getByTestId("room-instruction").filter({ hasText: "Vote: 3 dots each" }).waitFor();
    });

    step("revealed results are at the top of a phone's screen, even one scrolled down", async () => {
      await facilitator.page.getByTestId("open-voting").click();
      await phone
        .getByRole("button", { name: /^Add a dot to/ })
        .first()
        .click();
      await poll(async () => (await state()).votes.length).toBe(1);
      await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await phone.evaluate(() => window.scrollY)).toBeGreaterThan(200);
      await facilitator.page.getByTestId("close-voting").click();
      await facilitator.page.getByTestId("reveal-results").click();
      const chart = phone.getByTestId("results-chart");
      await chart.waitFor();
      await poll(() => phone.evaluate(() => window.scrollY)).toBe(0);
      const bar = await phone.locator(".participant-bar").boundingBox();
      const results = await chart.boundingBox();
      if (!bar || !results) throw new Error("no top bar or no results");
      // First thing under the top bar, with its heading in view.
      expect(results.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      expect(results.y).toBeLessThan(bar.y + bar.height + 40);
      expect(inside(await chart.getByRole("heading", { name: "Results" }).boundingBox(), 360, 740)).toBe(true);
      await screenshot(phone, "44-results-phone");
    });
  },
);
