import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command, Language, Phase } from "../src/core/index.js";
import en from "../src/web/locales/en.json" with { type: "json" };
import fr from "../src/web/locales/fr.json" with { type: "json" };
import { credentialHeaders, importWorkshop, REPO_FIXTURE, readJson, signUp } from "../test/support/server.js";
import { connectClient } from "../test/support/wsClient.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { seriousViolations } from "./support/axe.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { reflowProblems } from "./support/reflow.js";
import { addSession } from "./support/roles.js";

const TEXT = { en, fr } as const;
const LOCALE: Record<Language, string> = { en: "en-CA", fr: "fr-CA" };
const LAPTOP = { viewport: { width: 1280, height: 800 } } satisfies BrowserContextOptions;
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} satisfies BrowserContextOptions;

/**
 * axe-core on every page and phase, in English and in French: the facilitator's home page
 * (signed out and in), the console and the projector in each phase, a participant's phone at
 * 360 px (join, brainstorm, cluster, vote…), the report page and its preview, and the replay.
 * A violation of serious or critical impact fails; each test lists all it found, page by page.
 * Every page must also say in `<html lang>` the language it shows, the console must tell a
 * screen reader of phases and new cards, and text at 200 % must lose nothing.
 */
describe.skipIf(!browserAvailable())("accessibility (WCAG 2.2 AA) of every page, in English and French", () => {
  let server: E2eServer;
  let browser: Browser;
  let session: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    session = await signUp(server.apiUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A browser context in the given language; all are closed once the tests are done. */
  const contexts: BrowserContext[] = [];
  const open = async (options: BrowserContextOptions, language: Language) => {
    const context = await browser.newContext({ ...options, locale: LOCALE[language] });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  };
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  it("fr: text at 200 % loses nothing — console zoomed to 640 px, phone at 360 px with doubled text", async () => {
    // French, whose words run longer. A 1280 px screen zoomed to 200 % is 640 px wide.
    const doc = { ...(readJson(REPO_FIXTURE) as object), language: "fr" };
    const created = await importWorkshop(server.apiUrl, session, doc);
    const facilitator = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: created.id,
      role: "facilitator",
      facilitatorKey: created.facilitatorKey,
    });
    try {
      const send = (command: Command) => facilitator.send(randomUUID(), command);
      const found: string[] = [];
      const zoomed = await (await open({ viewport: { width: 640, height: 400 } }, "fr")).newPage();
      const phone = await (await open(PHONE, "fr")).newPage();
      await zoomed.goto(`${server.baseUrl}/`);
      await zoomed.getByRole("heading", { level: 2 }).first().waitFor();
      found.push(...(await reflowProblems(zoomed, "home")));
      await send({ type: "setPhase", phase: "context" });
      await zoomed.goto(`${server.baseUrl}/w/${created.id}#key=${created.facilitatorKey}`);
      await phone.goto(`${server.baseUrl}/join/${facilitator.state.joinCode}`);
      await doubleText(phone);
      await phone.getByTestId("join-name-input").fill("Dominique-Alexandrine");
      found.push(...(await reflowProblems(phone, "phone, join form")));
      await phone.getByTestId("join-submit").click();
      for (const phase of ["context", "brainstorm", "cluster", "name", "resolve", "prioritize", "capture"] as const) {
        await send({ type: "setPhase", phase });
        if (phase === "prioritize") await send({ type: "openVoting" });
        await zoomed.locator('.phases [aria-current="step"]', { hasText: fr.phase[phase] }).waitFor();
        await phone.locator(".participant-phase-name", { hasText: fr.phase[phase] }).waitFor();
        await doubleText(phone);
        found.push(...(await reflowProblems(zoomed, `console, ${phase}`)));
        found.push(...(await reflowProblems(phone, `phone, ${phase}`)));
      }
      expect(found).toEqual([]);
    } finally {
      await facilitator.close();
    }
  });

  for (const language of ["en", "fr"] as const) {
    const text = TEXT[language];

    /** Runs axe on each page at once and records what it finds, and any page whose lang is wrong. */
    const checker = (found: string[]) => async (pages: [Page, string, string?][]) => {
      const results = await Promise.all(
        pages.map(async ([page, label, exclude]) => {
          const lang = await page.evaluate(() => document.documentElement.lang);
          // A region may follow ("fr-CA"): the report says which French it is.
          const wrongLang =
            lang.split("-")[0] === language ? [] : [`${label}: <html lang="${lang}">, not "${language}"`];
          return [...wrongLang, ...(await seriousViolations(page, label, exclude))];
        }),
      );
      found.push(...results.flat());
    };

    it(`${language}: the home page, signed out and signed in`, async () => {
      const context = await open(LAPTOP, language);
      const page = await context.newPage();
      const found: string[] = [];
      const check = checker(found);
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole("heading", { level: 2, name: text.account.signIn, exact: true }).waitFor();
      await check([[page, "home, signed out"]]);
      await addSession(context, server.baseUrl, session);
      await page.reload();
      await page.getByRole("heading", { name: text.home.newWorkshop }).waitFor();
      await check([[page, "home, signed in"]]);
      expect(found).toEqual([]);
    });

    it(`${language}: the console, the projector and a phone at 360 px, phase by phase`, async () => {
      // The workshop's language is the facilitator's choice, which the console and projector follow.
      const doc = { ...(readJson(REPO_FIXTURE) as object), language };
      const created = await importWorkshop(server.apiUrl, session, doc);
      const facilitator = await connectClient({
        wsUrl: server.wsUrl,
        workshopId: created.id,
        role: "facilitator",
        facilitatorKey: created.facilitatorKey,
      });
      try {
        const send = async (command: Command) => {
          const answer = await facilitator.send(randomUUID(), command);
          if (answer.type !== "ack") throw new Error(`${command.type} refused: ${JSON.stringify(answer)}`);
        };
        // An imported workshop opens at its last phase; the walk starts from the first.
        await send({ type: "setPhase", phase: "context" });
        const laptop = await open(LAPTOP, language);
        const consolePage = await laptop.newPage();
        await consolePage.goto(`${server.baseUrl}/w/${created.id}#key=${created.facilitatorKey}`);
        const projector = await laptop.newPage();
        await projector.goto(`${server.baseUrl}/w/${created.id}/present`);
        const phone = await (await open(PHONE, language)).newPage();

        const found: string[] = [];
        const check = checker(found);
        const inPhase = (phase: Phase, pages: Page[]) =>
          Promise.all(
            pages.map((page) =>
              page === projector
                ? page.locator(`main.present-phase-${phase}`).waitFor()
                : page === phone
                  ? page.locator(".participant-phase-name", { hasText: text.phase[phase] }).waitFor()
                  : page.locator('.phases [aria-current="step"]', { hasText: text.phase[phase] }).waitFor(),
            ),
          );
        const goTo = async (phase: Phase, pages = [consolePage, projector, phone]) => {
          await send({ type: "setPhase", phase });
          await inPhase(phase, pages);
        };

        // Context: the console's form and the projector's welcome; the phone's two join steps.
        await inPhase("context", [consolePage, projector]);
        await phone.goto(`${server.baseUrl}/join`);
        await phone.getByTestId("join-code-input").waitFor();
        await check([
          [consolePage, "console, context"],
          [projector, "projector, context"],
          [phone, "phone, join code"],
        ]);
        await phone.goto(`${server.baseUrl}/join/${facilitator.state.joinCode}`);
        await phone.getByTestId("join-name-input").fill("Sam");
        await check([[phone, "phone, join form"]]);
        await phone.getByTestId("join-submit").click();
        await inPhase("context", [phone]);

        // Brainstorm, open: a card from the phone, and a timer running on every screen. The
        // console tells a screen reader of the new phase, then of the new card, politely.
        const announcer = consolePage.getByTestId("live-announcer");
        await goTo("brainstorm");
        await announcer
          .filter({ hasText: text.announce.phase.replace("{{phase}}", text.phase.brainstorm) })
          .waitFor({ state: "attached" });
        await send({ type: "startTimer", durationSeconds: 300 });
        await phone.getByTestId("card-input").fill("More time for questions");
        await phone.getByTestId("card-input").press("Enter");
        await consolePage.getByText("More time for questions").first().waitFor();
        await announcer
          .filter({ hasText: text.announce.newCards_one.replace("{{count}}", "1") })
          .waitFor({ state: "attached" });
        await check([
          [consolePage, "console, brainstorm (open)"],
          [projector, "projector, brainstorm (open)"],
          [phone, "phone, brainstorm (open)"],
        ]);

        // Brainstorm in rounds: a round asked for, then revealed.
        const roundId = randomUUID();
        await send({ type: "updateSettings", patch: { brainstormMode: "rounds" } });
        await send({ type: "startRound", roundId, prompt: "What would help most?", perTable: null });
        await Promise.all(
          [consolePage, projector, phone].map((page) => page.getByText("What would help most?").first().waitFor()),
        );
        await check([
          [consolePage, "console, brainstorm (round open)"],
          [projector, "projector, brainstorm (round open)"],
          [phone, "phone, brainstorm (round open)"],
        ]);
        await send({ type: "revealRound", roundId });
        await send({ type: "stopTimer" });
        await projector.locator(".present-round-progress").waitFor({ state: "detached" });
        await check([[projector, "projector, brainstorm (round revealed)"]]);

        // Cluster (with the card dialog open), name with a column in the spotlight, resolve.
        await send({ type: "updateSettings", patch: { participantsMayMoveCards: true } });
        await goTo("cluster");
        await check([
          [consolePage, "console, cluster"],
          [projector, "projector, cluster"],
          [phone, "phone, cluster"],
        ]);
        await consolePage.locator(".board-console .board-card").first().focus();
        await consolePage.keyboard.press("Enter");
        await consolePage.getByRole("dialog").waitFor();
        await check([[consolePage, "console, cluster, card dialog"]]);
        await consolePage.keyboard.press("Escape");
        await consolePage.getByRole("dialog").waitFor({ state: "detached" });
        await goTo("name");
        await send({ type: "spotlightTheme", themeId: facilitator.state.themes[0]?.id ?? null });
        await check([
          [consolePage, "console, name"],
          [projector, "projector, name"],
          [phone, "phone, name"],
        ]);
        await goTo("resolve");
        await check([
          [consolePage, "console, resolve"],
          [projector, "projector, resolve"],
          [phone, "phone, resolve"],
        ]);

        // Prioritize: voting open (the phone's dots), then the results revealed.
        await goTo("prioritize");
        await send({ type: "openVoting" });
        await phone.getByTestId("dot-vote").waitFor();
        await check([
          [consolePage, "console, prioritize (voting open)"],
          [projector, "projector, prioritize (voting open)"],
          [phone, "phone, prioritize (voting open)"],
        ]);
        for (const theme of facilitator.state.themes.slice(0, 2))
          await send({ type: "recordVotes", voterLabel: "Back tables", themeId: theme.id, count: 3 });
        await send({ type: "closeVoting" });
        await send({ type: "revealResults", revealed: true });
        await goTo("capture");
        await check([
          [consolePage, "console, capture (results)"],
          [projector, "projector, capture (results)"],
          [phone, "phone, capture"],
        ]);

        // The report page (its preview frame runs no script, so its document is checked alone), the replay.
        await consolePage.goto(`${server.baseUrl}/w/${created.id}/report`);
        await consolePage.locator("iframe, .report-page [role=alert]").first().waitFor();
        expect(await consolePage.locator(".report-page [role=alert]").count(), await consolePage.content()).toBe(0);
        const preview = await projector.context().newPage();
        const report = await fetch(`${server.apiUrl}/api/workshops/${created.id}/report?format=html`, {
          headers: credentialHeaders(created),
        });
        await preview.setContent(await report.text());
        await projector.goto(`${server.baseUrl}/w/${created.id}/replay`);
        await projector.getByRole("heading", { level: 1 }).waitFor();
        await check([
          [consolePage, "report page", "iframe"],
          [preview, "report preview"],
          [projector, "replay"],
        ]);

        expect(found).toEqual([]);
      } finally {
        await facilitator.close();
      }
    });
  }
});

/** Text at twice its size: the root font doubled, as a browser's text size setting does. */
async function doubleText(page: Page): Promise<void> {
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
}
