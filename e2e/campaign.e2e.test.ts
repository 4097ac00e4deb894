import type { Browser, BrowserContext, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import type { BallotResults, BallotSummary, IssuedInvitee, WorkshopState } from "../src/core/index.js";
import en from "../src/web/locales/en.json" with { type: "json" };
import fr from "../src/web/locales/fr.json" with { type: "json" };
import {
  type CreatedWorkshop,
  importWorkshop,
  readReferenceExample,
  requestJson,
  signUp,
} from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { seriousViolations } from "./support/axe.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { tabTo } from "./support/keyboard.js";
import { reflowProblems } from "./support/reflow.js";
import { addSession, Console, LAPTOP, openPage, PHONE, pageStep, screenshot } from "./support/roles.js";

/**
 * A campaign's next step, from the console of a 1366×768 laptop at the venue's address: the
 * facilitator starts the next workshop from this one's themes, lands in its console with the themes
 * on the pile, and each workshop links to the other. Then the campaign summary page, checked
 * against what the server holds of each workshop and ballot.
 */

/** Stakeholder groups of the summary's ballot: Educators, under 3 voters, must never show apart. */
const VOTERS = [
  { group: "Members", rankings: [[0, 1, 2], [0, 2], [1, 0], [0], [2, 1, 0]] },
  {
    group: "Employers",
    rankings: [
      [1, 0],
      [1, 2, 0],
      [3, 1],
    ],
  },
  { group: "Educators", rankings: [[2, 3], [3]] },
];

/** What a theme is called on the summary: its name, else its headline; columns never named are left out. */
const themeNames = (state: WorkshopState) =>
  state.themes.map((theme) => theme.name.trim() || theme.headline.trim()).filter((name) => name !== "");

/** The texts of a locator's elements, spaces folded as the page reads. */
const texts = async (locator: Locator) =>
  (await locator.allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
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
    await new Console(page, server.baseUrl).goToPhase("Cluster");
    for (const theme of doc.themes) await page.getByText(theme.name, { exact: true }).first().waitFor();

    await next.getByRole("link", { name: doc.title }).click();
    await page.waitForURL((url) => url.pathname === `/w/${earlier.id}`);
    await page.getByTestId("campaign-panel").getByRole("link", { name: "Theme development" }).waitFor();
    await page.getByTestId("campaign-panel").scrollIntoViewIfNeeded();
    await screenshot(page, "campaign-console");
  });

  pageStep(
    "the campaign summary shows each workshop, how it started, its themes and its ballot as the server holds them, by keys, at 1366×768 and 360 px, in English and French",
    async () => {
      const session = await signUp(server.apiUrl);
      const doc = readReferenceExample();
      const first = await importWorkshop(server.apiUrl, session, doc);
      const api = <T>(
        method: "GET" | "POST" | "PUT",
        path: string,
        body?: unknown,
        who: string | CreatedWorkshop = session,
      ) => requestJson<T>(server.apiUrl, method, path, body, who);
      const themes = (await api<{ state: WorkshopState }>("GET", `/api/workshops/${first.id}`)).body.state.themes;

      // An instant run-off on the first workshop's themes, voted through personal links.
      const ballot = (await api<BallotSummary>("POST", `/api/workshops/${first.id}/ballots`, { method: "irv" })).body;
      const csv = [
        "name,email,group",
        ...VOTERS.flatMap(({ group, rankings }) => rankings.map((_, n) => `${group} ${n},,${group}`)),
      ];
      const invitees = (
        await api<{ invitees: IssuedInvitee[] }>("POST", `/api/ballots/${ballot.id}/invitees`, { csv: csv.join("\n") })
      ).body.invitees;
      const rankings = VOTERS.flatMap(({ rankings }) => rankings);
      for (const [index, invitee] of invitees.entries()) {
        const ranking = (rankings[index] ?? []).map((place) => themes[place]?.id);
        const voted = await api("PUT", `/api/vote/${invitee.link.split("/").at(-1)}`, { vote: { ranking } });
        expect(voted.status).toBe(200);
      }
      const followUp = async (from: CreatedWorkshop, title: string, start: string) =>
        (await api<CreatedWorkshop>("POST", `/api/workshops/${from.id}/follow-up`, { title, start })).body;
      const second = await followUp(first, "Theme development", "columns");
      const third = await followUp(second, "Message testing", "cards");

      // What the server holds: each workshop's state and the ballot's results, from their own routes.
      const workshops = [first, second, third];
      const states = await Promise.all(
        workshops.map(
          async (workshop) => (await api<{ state: WorkshopState }>("GET", `/api/workshops/${workshop.id}`)).body.state,
        ),
      );
      const results = (await api<BallotResults>("GET", `/api/ballots/${ballot.id}/results`)).body;
      const [firstState, secondState] = states;
      if (!firstState || !secondState) throw new Error("the workshops were not read");

      const { context, page } = await openPage(
        browser,
        { ...LAPTOP, viewport: { width: 1366, height: 768 } },
        "summary",
      );
      contexts.push(context);
      await addSession(context, server.baseUrl, session);
      await page.goto(`${server.baseUrl}/w/${third.id}`);
      await page.getByTestId("campaign-summary-link").click();
      await page.waitForURL((url) => url.pathname === `/w/${third.id}/campaign`);
      const steps = page.getByTestId("campaign-step");
      await expect.poll(() => steps.count()).toBe(3);

      expect(await texts(steps.locator("h2 a"))).toEqual(states.map((state) => state.context.title));
      expect(
        await steps.locator("h2 a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))),
      ).toEqual(workshops.map((workshop) => `/w/${workshop.id}`));
      expect(await texts(steps.getByTestId("campaign-phase"))).toEqual(
        states.map((state) => `Phase: ${en.phase[state.phase]}`),
      );
      expect(await texts(steps.getByTestId("campaign-started-from"))).toEqual([
        `Started from ${firstState.context.title}, with its themes as starting columns`,
        `Started from ${secondState.context.title}, with its themes as candidate cards`,
      ]);
      for (const [index, state] of states.entries()) {
        expect(await texts(steps.nth(index).getByTestId("campaign-themes").locator("li")), state.context.title).toEqual(
          themeNames(state),
        );
      }
      await steps.nth(2).getByText("No named themes yet.").waitFor();

      // The ballot, on the first workshop only: as the results route counts it, no group under 3 apart.
      expect(await steps.getByTestId("campaign-ballot").count()).toBe(1);
      const shown = steps.nth(0).getByTestId("campaign-ballot");
      expect(await shown.getByTestId("campaign-turnout").textContent()).toBe(
        `${rankings.length} voted of ${rankings.length} invited`,
      );
      expect(await shown.getByText(en.ballots.method.irv).count()).toBe(1);
      const counts = [results.overall, ...results.byGroup, ...(results.other ? [results.other] : [])];
      const captions = await texts(shown.locator("caption"));
      expect(captions).toEqual([
        "Everyone",
        ...results.byGroup.map((group) => `${group.group} (${group.ballots} voters)`),
        ...(results.other ? [`Other groups (${results.other.ballots} voters)`] : []),
      ]);
      expect(captions.join(" ")).not.toContain("Educators");
      for (const [index, count] of counts.entries()) {
        const rows = shown.getByTestId("ballot-count").nth(index).locator("tbody tr");
        expect(await texts(rows.locator("td:nth-child(2)"))).toEqual(count.results.map((result) => result.name));
        expect((await texts(rows.locator("td:nth-child(3)"))).map(Number)).toEqual(
          count.results.map((result) => result.score),
        );
        expect((await texts(rows.locator("td:nth-child(1)"))).map(Number)).toEqual(
          count.results.map((result) => result.rank),
        );
      }
      expect(await seriousViolations(page, "campaign summary")).toEqual([]);
      await screenshot(page, "campaign-summary", { fullPage: true });

      // By keys alone: from the page's top to the second workshop's link, and into its console.
      await tabTo(page, `.campaign-step h2 a[href="/w/${second.id}"]`);
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === `/w/${second.id}`);

      // A phone of 360 px, in French: nothing scrolls sideways or is cut off.
      const phone = await openPage(browser, { ...PHONE, locale: "fr-CA" }, "summary phone");
      contexts.push(phone.context);
      await addSession(phone.context, server.baseUrl, session);
      await phone.page.goto(`${server.baseUrl}/w/${second.id}/campaign`);
      await phone.page.getByRole("heading", { name: fr.campaign.summary.title }).waitFor();
      const phoneSteps = phone.page.getByTestId("campaign-step");
      await expect.poll(() => phoneSteps.count()).toBe(3);
      expect(await texts(phone.page.getByTestId("campaign-started-from"))).toEqual([
        `Issu de ${firstState.context.title}, ses thèmes comme colonnes de départ`,
        `Issu de ${secondState.context.title}, ses thèmes comme cartes candidates`,
      ]);
      await phoneSteps.nth(1).getByText("(cet atelier)").waitFor();
      expect(await reflowProblems(phone.page, "campaign summary at 360 px")).toEqual([]);
      expect(await seriousViolations(phone.page, "campaign summary in French")).toEqual([]);
    },
  );
});
