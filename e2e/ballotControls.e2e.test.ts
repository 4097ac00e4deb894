import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { BallotSummary, IssuedInvitee } from "../src/core/index.js";
import { inviteOn, openBallotOn, voteAs } from "../test/support/ballots.js";
import { type CreatedWorkshop, importWorkshop, REPO_FIXTURE, readJson, signUp } from "../test/support/server.js";
import { browserAvailable } from "./support/browser.js";
import { addSession } from "./support/roles.js";
import { withServerAndBrowser } from "./support/serverAndBrowser.js";

/**
 * The ballot's controls as a keyboard and a narrow column meet them, on the French example at
 * `http://concord.test:PORT`: the voter's buttons keep the focus at the end of their range, the
 * console's ballot panel keeps its shareable link inside the side column, and a run-off's results
 * read on a 360 px phone without a sideways scroll or themes cut mid-word.
 */

const THEMES = (readJson(REPO_FIXTURE) as { themes: { id: string; name: string }[] }).themes;

describe.skipIf(!browserAvailable())("a ballot's controls", () => {
  let session: string;
  let workshop: CreatedWorkshop;

  const started = withServerAndBrowser();

  beforeAll(async () => {
    session = await signUp(started.server.apiUrl);
    workshop = await importWorkshop(started.server.apiUrl, session, readJson(REPO_FIXTURE));
  });

  /** Opens a ballot and gives one invitee's voter page on a 360 px phone. */
  async function voterPage(
    body: { method: string } & Record<string, unknown>,
  ): Promise<{ page: Page; ballot: BallotSummary }> {
    const opened = await openBallotOn(started.server.apiUrl, workshop, body);
    const added = await inviteOn(started.server.apiUrl, workshop, opened.body.id, "name,email,group\nAnne,,Parents");
    const link = added.body.invitees[0]?.link ?? "";
    const context = await started.browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      locale: "fr-CA",
    });
    const page = await context.newPage();
    await page.goto(`${started.server.baseUrl}${new URL(link).pathname}`);
    return { page, ballot: opened.body };
  }

  /** Tabs from the top of the page to the button of this accessible name (keys alone). */
  async function tabTo(page: Page, label: string) {
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === label) return;
    }
    throw new Error(`${label} was not reached by Tab`);
  }

  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));

  it("keys alone move the last theme to the top: its button keeps the focus all the way, and each move is said", async () => {
    const { page } = await voterPage({ method: "irv" });
    const last = THEMES.at(-1)?.name ?? "";
    await page.getByTestId("ranked-theme").first().waitFor();
    await tabTo(page, `Monter ${last}`);
    for (let place = THEMES.length; place > 1; place--) await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("ranked-theme").locator(".ballot-theme").first().textContent()).toBe(last);
    // Once more at the top: nothing moves, and the focus stays where the hand is.
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe(`Monter ${last}`);
    expect(await page.getByTestId("ranking-said").textContent()).toBe(
      `${last}\u00a0: maintenant 1 sur ${THEMES.length}`,
    );
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(`Descendre ${last}`);
    await page.context().close();
  });

  it("keys alone add dots up to the cap per theme: the + button keeps the focus and the count stops there", async () => {
    const { page } = await voterPage({ method: "dots", settings: { dotBudget: 5, maxPerTheme: 2 } });
    const first = THEMES[0]?.name ?? "";
    await page.getByTestId("dots-left").waitFor();
    await tabTo(page, `Ajouter une gommette à ${first}`);
    for (let press = 0; press < 3; press++) await page.keyboard.press("Enter");
    expect(await focused(page)).toBe(`Ajouter une gommette à ${first}`);
    expect(await page.locator("output").first().textContent()).toBe("2");
    await page.context().close();
  });

  it("the console's ballot panel keeps the shareable link inside the side column at 1366 px, and offers no closing-time button with nothing to do", async () => {
    await openBallotOn(started.server.apiUrl, workshop, { method: "borda" });
    const context = await started.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "fr-CA" });
    await addSession(context, started.server.baseUrl, session);
    const page = await context.newPage();
    await page.goto(`${started.server.baseUrl}/w/${workshop.id}`);
    const link = page.getByTestId("share-link").first();
    await link.waitFor();
    const panel = await page.getByTestId("ballot-panel").boundingBox();
    const box = await link.boundingBox();
    expect(box && panel && box.x + box.width).toBeLessThanOrEqual((panel?.x ?? 0) + (panel?.width ?? 0));
    // No closing time set and none typed: the closing button offers to set one, once one is typed.
    const closing = page.getByTestId("ballot-closing").first();
    expect(await closing.textContent()).toBe("Fixer la fermeture");
    expect(await closing.isDisabled()).toBe(true);
    await context.close();
  });

  it("a run-off's dashboard and campaign summary fit a 360 px phone: no sideways scroll, no theme name cut mid-word", async () => {
    const opened = await openBallotOn(started.server.apiUrl, workshop, { method: "irv" });
    const [a, b, c, d] = THEMES.map((theme) => theme.id) as [string, string, string, string];
    // Three rounds: d goes, then b, then a wins; the later rounds' cells say "already eliminated".
    const rankings = [[a], [a], [a], [b, a], [b], [c, b], [c], [d, c]];
    const csv = ["name,email,group", ...rankings.map((_, n) => `V${n},,Parents`)].join("\n");
    const added = await inviteOn(started.server.apiUrl, workshop, opened.body.id, csv);
    for (const [n, invitee] of added.body.invitees.entries()) {
      await voteAs(started.server.apiUrl, invitee, { ranking: rankings[n] });
    }
    const context = await started.browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-CA" });
    await addSession(context, started.server.baseUrl, session);
    const page = await context.newPage();
    await page.goto(`${started.server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}`);
    await page.getByTestId("irv-rounds").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto(`${started.server.baseUrl}/w/${workshop.id}/campaign`);
    await page.getByTestId("campaign-ballot").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // A word broken across two lines has two boxes (a hyphen is a fair place to break).
    const cutWords = await page.getByTestId("ballot-count").evaluateAll((tables) =>
      tables.flatMap((table) =>
        [...table.querySelectorAll("tbody td:nth-child(2)")].flatMap((cell) => {
          const text = cell.firstChild;
          if (!text?.textContent) return [];
          return [...text.textContent.matchAll(/[^\s-]+-?/g)].flatMap((word) => {
            const range = document.createRange();
            range.setStart(text, word.index ?? 0);
            range.setEnd(text, (word.index ?? 0) + word[0].length);
            return range.getClientRects().length > 1 ? [word[0]] : [];
          });
        }),
      ),
    );
    expect(cutWords).toEqual([]);
    await context.close();
  });

  it("the console's ballot panel follows votes cast while it is open: the turnout and the invitee's 'voted'", async () => {
    const opened = await openBallotOn(started.server.apiUrl, workshop, { method: "borda" });
    const added = await inviteOn(started.server.apiUrl, workshop, opened.body.id, "name,email,group\nZoé,,Parents");
    const context = await started.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "fr-CA" });
    await addSession(context, started.server.baseUrl, session);
    const page = await context.newPage();
    await page.goto(`${started.server.baseUrl}/w/${workshop.id}`);
    const item = page.getByTestId("ballot-item").last();
    await item.getByText("Zoé (Parents) · n’a pas encore voté").waitFor();
    const [zoe] = added.body.invitees as [IssuedInvitee];
    await voteAs(started.server.apiUrl, zoe, { ranking: [THEMES[0]?.id] });
    // The panel asks again every few seconds; nobody reloads the page.
    await item.getByText("Zoé (Parents) · a voté").waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain("Personnes invitées ayant voté\u00a0: 1 sur 1");
    await context.close();
  });
});
