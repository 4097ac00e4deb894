import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateWorkshopDocument, type WorkshopDocument, type WorkshopState } from "../src/core/index.js";
import {
  HAS_REFERENCE_EXAMPLE,
  needsReferenceExample,
  readReferenceExample,
  requestJson,
  signUp,
} from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import {
  type BoardView,
  boardOfState,
  moveWithKeyboard,
  moveWithMouse,
  placeOf,
  poll,
  readBoard,
  waitForBoard,
} from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { NetworkSwitch } from "./support/network.js";
import {
  addSession,
  Console,
  describePages,
  LAPTOP,
  openPage,
  Participant,
  PHONE,
  pageErrors,
  screenshot,
  serverSnapshot,
  serverState,
  TABLET,
} from "./support/roles.js";
import { continueToTheEnd, type Snapshot, type Step } from "./support/roomEnd.js";
import { keyOf } from "./support/workshopEnd.js";

/**
 * The live room in real Chromium against a real `concord serve`: a facilitator's console, three
 * participants on their own devices and the projector, each in its own browser context, from the
 * first card to the exported report and the replay.
 */
describe.skipIf(!browserAvailable())("the live room in Chromium", () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The steps of one scenario share its room: after a failed step the scenario's later steps are
   * skipped rather than failed again. Each step also fails on any uncaught error in any page.
   */
  const scenarioSteps = (): Step => {
    let failedStep: string | undefined;
    return (name, body, timeout) =>
      it(
        name,
        async (context) => {
          if (failedStep) context.skip(`an earlier step failed: ${failedStep}`);
          // Also on a timeout, when the body is still running and its catch has not run.
          context.onTestFailed(() => {
            failedStep ??= name;
          });
          const errorsBefore = pageErrors.length;
          try {
            await body();
            expect(pageErrors.slice(errorsBefore), "uncaught errors in the pages").toEqual([]);
          } catch (error) {
            failedStep = name;
            console.error(`pages:\n${await describePages()}`);
            const output = server?.output().trim();
            if (output) console.error(`server output:\n${output.slice(-4000)}`);
            throw error;
          }
        },
        timeout,
      );
  };

  const state = (facilitator: Console, workshopId: string) => serverState(facilitator.page, server.baseUrl, workshopId);

  describe.skipIf(!HAS_REFERENCE_EXAMPLE)(
    needsReferenceExample(
      "scenario 1: a room of four brings in the example's 30 cards, clusters, names, resolves and prioritizes them",
    ),
    () => {
      const step = scenarioSteps();
      let example: WorkshopDocument;
      let workshopId: string;
      let code: string;
      let facilitator: Console;
      let projector: Page;
      let ana: Participant; // phone, table 1
      let carl: Participant; // tablet, table 1
      let bea: Participant; // laptop, table 2: moves cards on the board
      const contexts: BrowserContext[] = [];
      /** What the room held at moments of the session, to check the replay against. */
      const snapshots: Snapshot[] = [];
      const snapshot = async (label: string) => {
        snapshots.push({ label, ...(await serverSnapshot(facilitator.page, server.baseUrl, workshopId)) });
      };

      /** The example's cards, theme by theme, in its order. */
      let cards: { text: string }[];
      /** Which person writes which card in which round. */
      let plan: { round: 1 | 2; author: () => Participant; text: string }[];
      /** Cards that a table writes but does not choose: they must never reach the board. */
      const extras = { ana: "Free coffee at every session", bea: "Longer lunch breaks" };

      beforeAll(() => {
        const validated = validateWorkshopDocument(readReferenceExample());
        if (!validated.ok) throw new Error("the reference example is not a valid workshop/v1 document");
        example = validated.value;
        cards = example.themes.flatMap((theme) => theme.cards.map((card) => ({ text: card.text })));
        // Round 1: every other card and the last (16, 8 per table); round 2: the 14 others (7 per
        // table). In each round the tables alternate; at table 1, Ana and Carl alternate.
        const round1 = cards.filter((_, index) => index % 2 === 0 || index === cards.length - 1);
        const round2 = cards.filter((card) => !round1.includes(card));
        plan = [round1, round2].flatMap((round, roundIndex) => {
          let atTable1 = 0;
          return round.map((card, index) => {
            const author = index % 2 === 1 ? () => bea : atTable1++ % 2 === 0 ? () => ana : () => carl;
            return { round: (roundIndex + 1) as 1 | 2, author, text: card.text };
          });
        });
      });
      afterAll(async () => {
        for (const context of contexts) await context.close();
      });

      const textsOf = (round: 1 | 2, table: 1 | 2) =>
        plan
          .filter((entry) => entry.round === round && (entry.author() === bea) === (table === 2))
          .map((entry) => entry.text);

      step("the facilitator signs up, creates the workshop and sets its context from the example", async () => {
        const { context, page } = await openPage(browser, LAPTOP, "console");
        contexts.push(context);
        facilitator = new Console(page, server.baseUrl);
        await facilitator.signUp("Rachel Hofstetter", "rachel@overlap.example", "a long enough password");
        workshopId = await facilitator.createWorkshop("Untitled session");
        await facilitator.fillContext(example);
        await screenshot(page, "01-context-console", { fullPage: true });
        await facilitator.saveContext();
        await poll(async () => {
          const { context: saved } = await state(facilitator, workshopId);
          return [saved.title, saved.focusQuestion, saved.participantGroups, saved.facilitators, saved.overview];
        }).toEqual([
          example.title,
          example.focusQuestion,
          example.participantGroups,
          example.facilitators,
          example.overview,
        ]);
        const saved = (await state(facilitator, workshopId)).context;
        expect(saved).toMatchObject({
          organization: example.organization,
          event: example.event,
          preparedFor: example.preparedFor,
          preparedBy: example.preparedBy,
          heldOn: example.heldOn,
          reportDate: example.reportDate,
          goal: example.goal,
          method: example.method,
        });
        // The console's header follows the saved context.
        await page.getByRole("heading", { level: 1, name: example.title }).waitFor();
      });

      step("the facilitator sets up two tables, rounds and moving cards, then opens the brainstorm", async () => {
        await facilitator.switchOn("Participants sit at tables");
        await facilitator.addTable("Table 1");
        await facilitator.addTable("Table 2");
        await facilitator.switchOn("In rounds, revealed together");
        await facilitator.switchOn("Participants may move cards");
        await poll(async () => {
          const { settings, tables } = await state(facilitator, workshopId);
          return [
            settings.useTables,
            settings.brainstormMode,
            settings.participantsMayMoveCards,
            tables.map((t) => t.name),
          ];
        }).toEqual([true, "rounds", true, ["Table 1", "Table 2"]]);
        await facilitator.goToPhase("Brainstorm");
        code = await facilitator.joinCode();
        expect(code).toMatch(/^[A-Z0-9]{6}$/);
        expect((await state(facilitator, workshopId)).phase).toBe("brainstorm");
      });

      step("three participants join with the code from the console: a name, a group and a table each", async () => {
        const [phone, tablet, laptop] = await Promise.all([
          openPage(browser, PHONE, "Ana's phone"),
          openPage(browser, TABLET, "Carl's tablet"),
          openPage(browser, LAPTOP, "Bea's laptop"),
        ]);
        contexts.push(phone.context, tablet.context, laptop.context);
        ana = new Participant(phone.page, server.baseUrl, "Ana");
        carl = new Participant(tablet.page, server.baseUrl, "Carl");
        bea = new Participant(laptop.page, server.baseUrl, "Bea");
        const [steering, workingGroup, board] = example.participantGroups;
        if (!steering || !workingGroup || !board) throw new Error("the example names fewer than 3 groups");
        await ana.join(code, steering, "Table 1");
        await screenshot(ana.page, "02-join-phone");
        await ana.submitJoin();
        await carl.join(code, workingGroup, "Table 1");
        await carl.submitJoin();
        await bea.join(code, board, "Table 2");
        await bea.submitJoin();

        const { tables } = await state(facilitator, workshopId);
        const tableName = (id: string | undefined) => tables.find((table) => table.id === id)?.name;
        await poll(async () =>
          Object.values((await state(facilitator, workshopId)).participants)
            .map((person) => [person.name, person.group, tableName(person.tableId)])
            .sort(),
        ).toEqual([
          ["Ana", steering, "Table 1"],
          ["Bea", board, "Table 2"],
          ["Carl", workingGroup, "Table 1"],
        ]);
        // The console sees who is connected, by table.
        await facilitator.page.getByRole("heading", { name: "3 people connected" }).waitFor();
        await facilitator.page.getByText("Table 1 (2)").waitFor();
        await facilitator.page.getByText("Table 2 (1)").waitFor();
        // Everyone sees the focus question.
        for (const person of [ana, carl, bea]) {
          await person.page.getByRole("heading", { name: example.focusQuestion }).waitFor();
        }
        // The projector, in a window of its own opened with the facilitator's key: a tab in the
        // console's window would hide the console (a tab behind barely renders: no animation
        // frames, slow input), and the console is where the facilitator works. Whichever page is
        // being used is still brought to the front.
        const screen = await openPage(
          browser,
          { viewport: { width: 1920, height: 1080 }, locale: "en-CA" },
          "projector",
        );
        contexts.push(screen.context);
        projector = screen.page;
        const key = await keyOf(facilitator.page, workshopId);
        await projector.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}/present#key=${key}`);
        await poll(() => projector.getByTestId("present-join-code").textContent()).toBe(code);
        await facilitator.page.bringToFront();
      });

      /** One brainstorm round: the tables write, each picks and sends its cards, the facilitator reveals. */
      const playRound = async (round: 1 | 2, prompt: string, perTable: number) => {
        await facilitator.page.bringToFront();
        await facilitator.startRound(prompt, perTable);
        for (const person of [ana, carl, bea]) {
          await person.page.getByText(prompt, { exact: true }).waitFor();
        }
        for (const [index, entry] of plan.filter((candidate) => candidate.round === round).entries()) {
          await entry.author().write(entry.text);
          if (round === 1 && index === 0) {
            // The replay is checked from here on: the session's first card, waiting for the reveal.
            await poll(async () => [...(await state(facilitator, workshopId)).cards.keys()]).toHaveLength(1);
            await snapshot("the first card");
          }
        }
        const table1 = textsOf(round, 1);
        const table2 = textsOf(round, 2);
        if (round === 1) {
          await ana.write(extras.ana);
          await bea.write(extras.bea);
        }
        const written1 = round === 1 ? [...table1, extras.ana] : table1;
        const written2 = round === 1 ? [...table2, extras.bea] : table2;
        // Both people at table 1 see everything the table wrote; nobody sees the other table's.
        await ana.waitForCandidates(written1);
        await carl.waitForCandidates(written1);
        await bea.waitForCandidates(written2);
        // Nothing is on the wall before the reveal.
        const before = await state(facilitator, workshopId);
        const waiting = [...before.cards.values()].filter((card) => card.roundId === before.activeRoundId);
        expect(waiting.every((card) => card.stage === "candidate")).toBe(true);

        // Table 1 talks it over around one device: Ana's phone in round 1, Carl's tablet in round 2.
        const picker1 = round === 1 ? ana : carl;
        await picker1.tick(table1);
        if (round === 1) {
          // The phone's table list says the table is full and refuses a 9th card.
          const extra = ana.page
            .getByTestId("table-candidates")
            .locator("label", { has: ana.page.getByText(extras.ana, { exact: true }) })
            .getByRole("checkbox");
          await poll(() => extra.isDisabled()).toBe(true);
          await ana.page.getByTestId("table-candidates").getByText(`${perTable} of ${perTable} chosen`).waitFor();
          await ana.page.getByTestId("table-submit").scrollIntoViewIfNeeded();
          await screenshot(ana.page, "03-brainstorm-phone");
        }
        await picker1.sendForTable();
        await (picker1 === ana ? carl : ana).waitTableSent();
        await facilitator.waitTablesReady(1, 2);
        await bea.tick(table2);
        await bea.sendForTable();
        await facilitator.waitTablesReady(2, 2);
        await facilitator.page
          .getByTestId("active-round")
          .getByText(`${perTable * 2} cards waiting to be revealed`)
          .waitFor();
        if (round === 1) await screenshot(facilitator.page, "04-brainstorm-console", { fullPage: true });
        // Still nothing on the wall: the round's cards appear together at the reveal.
        expect(boardOfState(await state(facilitator, workshopId)).pile).toHaveLength(round === 1 ? 0 : 16);

        await facilitator.page.getByTestId("reveal-round").click();
        const expected = plan.filter((entry) => entry.round <= round).map((entry) => entry.text);
        await poll(async () => {
          const now = await state(facilitator, workshopId);
          return boardOfState(now)
            .pile.map((id) => now.cards.get(id)?.text)
            .sort();
        }).toEqual([...expected].sort());
        const now = await state(facilitator, workshopId);
        await waitForBoard(facilitator.page, boardOfState(now));
        await waitForBoard(ana.page, boardOfState(now));
        await snapshot(`round ${round} revealed`);
      };

      step(
        "round 1: each table writes, picks and sends its 8 clearest ideas; the facilitator reveals them",
        async () => {
          await playRound(1, "Each table: your 8 clearest ideas", 8);
          const revealed = await state(facilitator, workshopId);
          // The cards a table did not choose are gone; the chosen ones carry their author, group and table.
          const texts = [...revealed.cards.values()].map((card) => card.text);
          expect(texts).not.toContain(extras.ana);
          expect(texts).not.toContain(extras.bea);
          const people = Object.fromEntries(Object.values(revealed.participants).map((p) => [p.name, p]));
          for (const card of [...revealed.cards.values()]) {
            const entry = plan.find((candidate) => candidate.text === card.text);
            expect(card.author).toBe(entry?.author().name);
            expect(card.group).toBe(people[card.author ?? ""]?.group);
            expect(card.tableId).toBe(people[card.author ?? ""]?.tableId);
            expect(card.stage).toBeUndefined();
          }
          // The projector shows the round and its revealed cards, large, at both sizes.
          await projector.bringToFront();
          await poll(() => projector.locator(".present-wall-card").count()).toBe(16);
          await screenshot(projector, "05-round-revealed-projector");
          await expectProjectorFits(projector, code, example.focusQuestion, ".present-wall-card");
          await projector.setViewportSize({ width: 1280, height: 720 });
          await expectProjectorFits(projector, code, example.focusQuestion, ".present-wall-card");
          await screenshot(projector, "05b-round-revealed-projector-1280x720");
          await projector.setViewportSize({ width: 1920, height: 1080 });
        },
      );

      step("round 2: each table sends 7 more; after the reveal the board holds the example's 30 cards", async () => {
        await playRound(2, "Each table: 7 ideas most different from what is up", 7);
        const revealed = await state(facilitator, workshopId);
        const onBoard = boardOfState(revealed).pile.map((id) => revealed.cards.get(id)?.text);
        expect(onBoard).toHaveLength(30);
        expect([...onBoard].sort()).toEqual(cards.map((card) => card.text).sort());
        expect(revealed.cards.size).toBe(30);
        expect(revealed.rounds.map((round) => [round.revealed, round.readyTableIds.length])).toEqual([
          [true, 2],
          [true, 2],
        ]);
        await screenshot(ana.page, "03b-brainstorm-phone-revealed");
      });

      step(
        "cluster: the facilitator and a participant build the example's 5 columns by mouse and keyboard",
        async () => {
          await facilitator.page.bringToFront();
          await facilitator.goToPhase("Cluster");
          const addColumn = facilitator.page.getByTestId("add-column");
          for (let count = 1; count <= example.themes.length; count++) {
            await addColumn.click();
            await poll(async () => (await state(facilitator, workshopId)).themes.length).toBe(count);
          }
          const columns = (await state(facilitator, workshopId)).themes.map((theme) => theme.id);
          const idOf = (text: string, now: WorkshopState) => {
            const found = [...now.cards.values()].find((card) => card.text === text);
            if (!found) throw new Error(`no card "${text}"`);
            return found.id;
          };

          /** One move by one person; waits until the server has the card at the end of its column. */
          const move = async (who: Page, how: "keyboard" | "mouse", text: string, themeIndex: number) => {
            const before = await state(facilitator, workshopId);
            const cardId = idOf(text, before);
            const themeId = columns[themeIndex] ?? "";
            // Move from the board the mover sees, and only once it shows the latest state.
            await who.bringToFront();
            await waitForBoard(who, boardOfState(before));
            if (how === "keyboard") await moveWithKeyboard(who, cardId, themeId);
            else await moveWithMouse(who, cardId, themeId);
            const end = before.themes.find((theme) => theme.id === themeId)?.cardIds.length ?? 0;
            await poll(async () => placeOf(await state(facilitator, workshopId), cardId)).toEqual({
              themeId,
              index: end,
            });
          };
          let keyboardMoves = 0;
          const themes = example.themes;
          // Bea starts each column with its first card, by keyboard alone.
          for (const [index, theme] of themes.entries()) {
            await move(bea.page, "keyboard", theme.cards[0]?.text ?? "", index);
            keyboardMoves++;
          }
          // The facilitator fills the first two columns with the mouse...
          for (const index of [0, 1]) {
            for (const card of themes[index]?.cards.slice(1) ?? [])
              await move(facilitator.page, "mouse", card.text, index);
          }
          // ... and the third by keyboard.
          for (const card of themes[2]?.cards.slice(1) ?? []) {
            await move(facilitator.page, "keyboard", card.text, 2);
            keyboardMoves++;
          }
          // Bea fills the last two with the mouse, on her laptop.
          for (const index of [3, 4]) {
            for (const card of themes[index]?.cards.slice(1) ?? []) await move(bea.page, "mouse", card.text, index);
          }
          expect(keyboardMoves).toBeGreaterThanOrEqual(5);

          // Each column holds exactly one theme's cards, in the example's order; the pile is empty.
          const clustered = await state(facilitator, workshopId);
          expect(boardOfState(clustered).pile).toEqual([]);
          expect(clustered.themes.map((theme) => theme.cardIds.map((id) => clustered.cards.get(id)?.text))).toEqual(
            themes.map((theme) => theme.cards.map((card) => card.text)),
          );
          await snapshot("clustered");
        },
        // Thirty drags on a machine that may be busy: most take a second or two, some much longer.
        300_000,
      );

      step("every view shows the same board as the server", async () => {
        const truth = boardOfState(await state(facilitator, workshopId));
        const views: [string, Page][] = [
          ["console", facilitator.page],
          ["projector", projector],
          ["Ana's phone", ana.page],
          ["Carl's tablet", carl.page],
          ["Bea's laptop", bea.page],
        ];
        for (const [, page] of views) {
          await page.bringToFront();
          await waitForBoard(page, truth);
        }
        const seen: Record<string, BoardView> = {};
        for (const [label, page] of views) seen[label] = await readBoard(page);
        for (const [label] of views) expect(seen[label], label).toEqual(seen.console);
        expect(truth.columns.map((column) => column.cardIds.length)).toEqual(
          example.themes.map((theme) => theme.cards.length),
        );

        await facilitator.page.bringToFront();
        await facilitator.page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(facilitator.page, "06-cluster-console");
        // The phone shows the board one lane at a time: the first column.
        await ana.page.getByTestId(`column-${truth.columns[0]?.themeId}`).scrollIntoViewIfNeeded();
        await screenshot(ana.page, "07-cluster-phone");
        await bea.page.getByTestId("pile").scrollIntoViewIfNeeded();
        await screenshot(bea.page, "07b-cluster-laptop");
        await projector.bringToFront();
        await expectProjectorFits(projector, code, example.focusQuestion, '[data-testid^="card-"]');
        await screenshot(projector, "08-cluster-projector");
        await projector.setViewportSize({ width: 1280, height: 720 });
        await expectProjectorFits(projector, code, example.focusQuestion, '[data-testid^="card-"]');
        await screenshot(projector, "08b-cluster-projector-1280x720");
        await projector.setViewportSize({ width: 1920, height: 1080 });
      });

      // The same room, on the same pages, carries on to the end of the workshop.
      continueToTheEnd(step, () => ({
        baseUrl: server.baseUrl,
        browser,
        example,
        workshopId,
        facilitator,
        projector,
        ana,
        carl,
        bea,
        contexts,
        authorOf: (text) => plan.find((entry) => entry.text === text)?.author().name,
        snapshots,
        snapshot,
      }));
    },
  );

  describe("scenario 2: a participant's connection drops mid-brainstorm", () => {
    const step = scenarioSteps();
    let workshopId: string;
    let facilitator: Console;
    let dana: Participant;
    let network: NetworkSwitch;
    const contexts: BrowserContext[] = [];
    afterAll(async () => {
      for (const context of contexts) await context.close();
    });

    /** How many cards with this text the server holds, and how many the console's board shows. */
    const copies = async (text: string) => {
      const now = await state(facilitator, workshopId);
      const onServer = [...now.cards.values()].filter((card) => card.text === text).length;
      const onConsole = await facilitator.page.evaluate(
        (wanted) =>
          [...document.querySelectorAll('[data-testid^="card-"] .board-card-text')].filter(
            (element) => element.textContent === wanted,
          ).length,
        text,
      );
      return { onServer, onConsole };
    };
    const waitingOnPhone = (text: string) =>
      dana.page.getByTestId("my-cards").locator(".is-waiting", { hasText: text });
    /** Live again, with nothing left to send (a reconnect can wait out one back-off of a few seconds). */
    const settled = async () => {
      await dana.page.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor({ timeout: 30_000 });
      await dana.page.locator(".participant-status-strip").waitFor({ state: "detached" });
      await poll(() => dana.page.getByTestId("my-cards").locator(".is-waiting").count()).toBe(0);
    };

    step("a facilitator opens an open brainstorm and a participant joins on a phone", async () => {
      const { context, page } = await openPage(browser, LAPTOP, "console (scenario 2)");
      contexts.push(context);
      // Signed up over REST; the session cookie then goes into this browser context.
      const session = await signUp(server.apiUrl);
      await addSession(context, server.baseUrl, session);
      const created = await requestJson<{ id: string }>(
        server.apiUrl,
        "POST",
        "/api/workshops",
        { title: "Renewing our library hours", language: "en" },
        session,
      );
      expect(created.status).toBe(201);
      workshopId = created.body.id;
      facilitator = new Console(page, server.baseUrl);
      await page.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}`);
      await facilitator.waitLive();
      await facilitator.goToPhase("Brainstorm");
      const code = await facilitator.joinCode();

      const phone = await openPage(browser, PHONE, "Dana's phone");
      contexts.push(phone.context);
      network = await NetworkSwitch.install(phone.context);
      dana = new Participant(phone.page, server.baseUrl, "Dana");
      await dana.page.goto(`${server.baseUrl}/join/${code}`);
      await dana.page.getByTestId("join-name-input").fill("Dana");
      await dana.submitJoin();
      await dana.write("Open on Sunday afternoons");
      await poll(() => copies("Open on Sunday afternoons")).toEqual({ onServer: 1, onConsole: 1 });
    });

    const offline = ["Evening hours on weekdays", "Quiet study rooms you can book online"];

    step("cards typed while the connection is down wait on the phone and do not reach the server", async () => {
      await network.cut();
      await dana.page.getByTestId("connection-status").getByText("Offline").waitFor();
      for (const text of offline) await dana.write(text);
      for (const text of offline) await waitingOnPhone(text).waitFor();
      await dana.page.getByTestId("connection-status").getByText("2 waiting to send").waitFor();
      // The phone has tried to reconnect, and was refused: the cards had their chance to leak.
      await poll(() => network.refused).toBeGreaterThanOrEqual(1);
      for (const text of offline) expect(await copies(text)).toEqual({ onServer: 0, onConsole: 0 });
      await dana.page.getByTestId("my-cards").scrollIntoViewIfNeeded();
      await screenshot(dana.page, "09-offline-phone");
    });

    step("when the connection returns, each card arrives exactly once, on the server and the console", async () => {
      await network.restore();
      await settled();
      for (const text of offline) {
        await poll(() => copies(text)).toEqual({ onServer: 1, onConsole: 1 });
        await dana.page.getByTestId("my-cards").locator(".is-onBoard", { hasText: text }).waitFor();
      }
      // Sent once each: nothing was sent while the network was cut.
      for (const text of offline) {
        const sends = network.sent.filter((frame) => frame.type === "command" && frame.command?.text === text);
        expect(sends, text).toHaveLength(1);
      }
      // After the reconnect the phone shows the board exactly as the server has it.
      await waitForBoard(dana.page, boardOfState(await state(facilitator, workshopId)));
      await screenshot(dana.page, "10-back-online-phone");
    });

    step("a card whose acknowledgement is lost is resent under its id and still arrives once", async () => {
      const text = "Self-checkout open 7 to 11";
      network.loseNextAck();
      await dana.write(text);
      const sends = () => network.sent.filter((frame) => frame.type === "command" && frame.command?.text === text);
      const acks = () => network.received.filter((frame) => frame.type === "ack" && frame.id === sends()[0]?.id);
      // The server committed it and acknowledged; the ack was lost with the connection. After
      // reconnecting the phone sends it again under the same id, and the server says "duplicate".
      await poll(() => acks().map((frame) => frame.duplicate), 30_000).toEqual([false, true]);
      expect(sends()).toHaveLength(2);
      expect(new Set(sends().map((frame) => frame.id)).size).toBe(1);
      await settled();
      await poll(() => copies(text)).toEqual({ onServer: 1, onConsole: 1 });
      await waitForBoard(facilitator.page, boardOfState(await state(facilitator, workshopId)));
    });
  });
});

/**
 * The projector must be read from the back of the room without anyone scrolling: the join code,
 * the focus question and every card of `cards` lie inside the window.
 */
async function expectProjectorFits(page: Page, code: string, focusQuestion: string, cards: string): Promise<void> {
  await page.getByRole("heading", { name: focusQuestion }).waitFor();
  expect(await page.getByTestId("present-join-code").textContent()).toBe(code);
  const outside = async () =>
    page.evaluate((selector) => {
      const inside = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
      };
      const checked = [
        ...document.querySelectorAll('[data-testid="present-join-code"], .present-focus h1'),
        ...document.querySelectorAll(selector),
      ];
      return checked.filter((element) => !inside(element)).map((element) => element.textContent ?? "");
    }, cards);
  // The view refits its type when the window changes size; wait for it to settle.
  await poll(outside).toEqual([]);
}
