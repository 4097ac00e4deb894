import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { validateWorkshopDocument, type WorkshopDocument, type WorkshopState } from "../../src/core/index.js";
import { readReferenceExample } from "../../test/support/server.js";
import {
  type BoardView,
  boardOfState,
  moveWithKeyboard,
  moveWithMouse,
  placeOf,
  poll,
  readBoard,
  waitForBoard,
} from "./board.js";
import { expectProjectorFits } from "./projectorFit.js";
import {
  Console,
  LAPTOP,
  openPage,
  Participant,
  PHONE,
  screenshot,
  serverSnapshot,
  serverState,
  TABLET,
} from "./roles.js";
import type { Room, Snapshot, Step } from "./roomEnd.js";
import { type BrainstormRoom, type PlannedCard, playRound } from "./roomRounds.js";
import type { ServerAndBrowser } from "./serverAndBrowser.js";
import { keyOf } from "./workshopEnd.js";

/**
 * Scenario 1 up to the board: the facilitator sets up the workshop from the example, three
 * participants join at two tables, two brainstorm rounds bring in the example's 30 cards, and the
 * room clusters them into its 5 columns; every view then shows the server's board. Registers the
 * steps with `step` and returns the room they built, for the steps that carry on to the end.
 */
export function buildTheBoard(step: Step, started: ServerAndBrowser): () => Room {
  const state = (facilitator: Console, workshopId: string) =>
    serverState(facilitator.page, started.server.baseUrl, workshopId);
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
    snapshots.push({ label, ...(await serverSnapshot(facilitator.page, started.server.baseUrl, workshopId)) });
  };

  /** The example's cards, theme by theme, in its order. */
  let cards: { text: string }[];
  /** Which person writes which card in which round. */
  let plan: PlannedCard[];
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

  const brainstormRoom = (): BrainstormRoom => ({
    baseUrl: started.server.baseUrl,
    workshopId,
    facilitator,
    ana,
    carl,
    bea,
    plan,
    extras,
    snapshot,
  });

  step("the facilitator signs up, creates the workshop and sets its context from the example", async () => {
    const { context, page } = await openPage(started.browser, LAPTOP, "console");
    contexts.push(context);
    facilitator = new Console(page, started.server.baseUrl);
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
      openPage(started.browser, PHONE, "Ana's phone"),
      openPage(started.browser, TABLET, "Carl's tablet"),
      openPage(started.browser, LAPTOP, "Bea's laptop"),
    ]);
    contexts.push(phone.context, tablet.context, laptop.context);
    ana = new Participant(phone.page, started.server.baseUrl, "Ana");
    carl = new Participant(tablet.page, started.server.baseUrl, "Carl");
    bea = new Participant(laptop.page, started.server.baseUrl, "Bea");
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
      started.browser,
      { viewport: { width: 1920, height: 1080 }, locale: "en-CA" },
      "projector",
    );
    contexts.push(screen.context);
    projector = screen.page;
    const key = await keyOf(facilitator.page, workshopId);
    await projector.goto(`${started.server.baseUrl}/w/${encodeURIComponent(workshopId)}/present#key=${key}`);
    await poll(() => projector.getByTestId("present-join-code").textContent()).toBe(code);
    await facilitator.page.bringToFront();
  });

  step("round 1: each table writes, picks and sends its 8 clearest ideas; the facilitator reveals them", async () => {
    await playRound(brainstormRoom(), 1, "Each table: your 8 clearest ideas", 8);
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
  });

  step("round 2: each table sends 7 more; after the reveal the board holds the example's 30 cards", async () => {
    await playRound(brainstormRoom(), 2, "Each table: 7 ideas most different from what is up", 7);
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
        for (const card of themes[index]?.cards.slice(1) ?? []) await move(facilitator.page, "mouse", card.text, index);
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

  return () => ({
    baseUrl: started.server.baseUrl,
    browser: started.browser,
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
  });
}
