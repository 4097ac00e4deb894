import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { Vote, WorkshopDocument, WorkshopState } from "../../src/core/index.js";
import { readReferenceExample } from "../../test/support/server.js";
import { boardOfState, moveWithKeyboard, poll, readBoard, waitForBoard } from "./board.js";
import {
  type Console,
  facilitatorJson,
  LAPTOP,
  openPage,
  type Participant,
  screenshot,
  serverSnapshot,
  serverState,
  watch,
} from "./roles.js";
import {
  columnNames,
  coWritingReport,
  eventLog,
  foldTo,
  goToPhase,
  keyOf,
  typeOver,
  writeText,
} from "./workshopEnd.js";

/** One step of a scenario: an `it` that is skipped once an earlier step of its scenario failed. */
export type Step = (name: string, body: () => Promise<void>, timeout?: number) => void;

/** What the room held at one moment of the session, to check the replay against. */
export interface Snapshot {
  label: string;
  seq: number;
  state: WorkshopState;
}

/** A live room whose board holds the example's cards in its five columns, in the example's order. */
export interface Room {
  baseUrl: string;
  browser: Browser;
  example: WorkshopDocument;
  workshopId: string;
  facilitator: Console;
  projector: Page;
  ana: Participant; // a 360 px phone, table 1
  carl: Participant; // table 1
  bea: Participant; // table 2
  /** Browser contexts the scenario closes at its end; pages opened here join them. */
  contexts: BrowserContext[];
  /** Who wrote each of the example's cards, by its text. */
  authorOf(text: string): string | undefined;
  /** The snapshots taken so far, in order, from the session's first card on. */
  snapshots: Snapshot[];
  /** Records what the room holds now under `label`. */
  snapshot(label: string): Promise<void>;
}

/**
 * The rest of the live room, as steps of the scenario that built the board: a co-facilitator
 * joins; the example's footnote is added; a card move and a theme merge are undone; the room names
 * the columns, co-writes the statements, votes with dots and a show of hands; the export equals
 * the example plus the votes; the replay equals every snapshot the session took. `room` is read
 * when each step runs, after the earlier steps have filled it in.
 */
export function continueToTheEnd(step: Step, room: () => Room): void {
  /** For the steps with the most typing and page loads, on a machine that may be busy. */
  const longStep = 300_000;
  let cofacilitator: Page;
  /** The room's column for each of the example's themes, by the example's theme id. */
  const columnOf = new Map<string, string>();

  const state = () => serverState(room().facilitator.page, room().baseUrl, room().workshopId);
  const theme = (id: string) => {
    const found = room().example.themes.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`the example has no theme ${id}`);
    return found;
  };
  const column = (exampleId: string) => {
    const found = columnOf.get(exampleId);
    if (!found) throw new Error(`no column for the example's theme ${exampleId}`);
    return found;
  };
  const columnIn = (now: WorkshopState, exampleId: string) =>
    now.themes.find((candidate) => candidate.id === column(exampleId));
  /** Every screen that shows the board in the cluster phase. */
  const boardPages = () => {
    const { facilitator, projector, ana, bea, carl } = room();
    return [facilitator.page, cofacilitator, projector, ana.page, bea.page, carl.page];
  };
  const snapshotCalled = (label: string) => {
    const found = room().snapshots.find((taken) => taken.label === label);
    if (!found) throw new Error(`no snapshot "${label}"`);
    return found;
  };

  step("a co-facilitator opens the console from the facilitator's link, on the board the room built", async () => {
    const { baseUrl, browser, contexts, example, facilitator, workshopId } = room();
    const now = await state();
    expect(now.themes.map((candidate) => candidate.cardIds.map((id) => now.cards.get(id)?.text))).toEqual(
      example.themes.map((candidate) => candidate.cards.map((card) => card.text)),
    );
    for (const [index, candidate] of example.themes.entries()) columnOf.set(candidate.id, now.themes[index]?.id ?? "");
    const key = await keyOf(facilitator.page, workshopId);
    expect(key).not.toBe("");
    const second = await openPage(browser, LAPTOP, "co-facilitator");
    contexts.push(second.context);
    cofacilitator = second.page;
    await cofacilitator.goto(`${baseUrl}/w/${encodeURIComponent(workshopId)}#key=${key}`);
    await cofacilitator.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
    await facilitator.page.bringToFront();
    for (const page of boardPages()) await waitForBoard(page, boardOfState(now));
  });

  step("the facilitator adds the example's footnote to the card that carries its mark", async () => {
    const { example, facilitator } = room();
    const [footnote] = example.footnotes;
    if (!footnote) throw new Error("the example has no footnote");
    const before = await state();
    const marked = [...before.cards.values()].filter((card) => card.text.includes(footnote.mark));
    expect(marked).toHaveLength(1);
    const card = marked[0]?.id ?? "";
    await facilitator.page.getByTestId(`card-${card}`).getByRole("button", { name: "Card actions" }).click();
    const dialog = facilitator.page.getByRole("dialog");
    await dialog.getByLabel("Mark", { exact: true }).fill(footnote.mark);
    await dialog.getByLabel("Footnote text", { exact: true }).fill(footnote.text);
    await dialog.getByRole("button", { name: "Add footnote" }).click();
    await poll(async () => (await state()).footnotes).toEqual(example.footnotes);
    // The card already carried the mark: its text is unchanged.
    expect((await state()).cards.get(card)?.text).toBe(before.cards.get(card)?.text);
    for (const page of boardPages()) {
      await page
        .locator(".board-footnotes li")
        .filter({ hasText: `${footnote.mark} ${footnote.text}` })
        .waitFor();
    }
  });

  step("undo of a card move restores the exact earlier board on every screen", async () => {
    const { facilitator } = room();
    const before = await state();
    // The first card of the fourth column to the end of the third (the smallest), by keyboard.
    const cardId = before.themes[3]?.cardIds[0] ?? "";
    const target = before.themes[2]?.id ?? "";
    await moveWithKeyboard(facilitator.page, cardId, target);
    await poll(async () => (await state()).themes[2]?.cardIds.at(-1)).toBe(cardId);
    const moved = await state();
    for (const page of boardPages()) await waitForBoard(page, boardOfState(moved));
    // The undo button says what it will take back, the same on both consoles.
    for (const page of [facilitator.page, cofacilitator]) {
      await page.getByTestId("undo-what").filter({ hasText: "Card moved" }).waitFor();
    }
    await facilitator.page.getByTestId("undo").click();
    await poll(async () => (await state()).themes).toEqual(before.themes);
    const after = await state();
    expect(after.unclustered).toEqual(before.unclustered);
    for (const page of boardPages()) await waitForBoard(page, boardOfState(before));
  });

  step("undo of a theme merge restores the exact earlier board on every screen", async () => {
    const { facilitator, snapshot } = room();
    const before = await state();
    const [source, target] = [before.themes[3], before.themes[1]];
    if (!source || !target) throw new Error("expected five columns");
    const sourceColumn = facilitator.page.getByTestId(`column-${source.id}`);
    await sourceColumn.getByRole("button", { name: /^More actions for/ }).click();
    const dialog = facilitator.page.getByRole("dialog");
    const targetLabel = await facilitator.page
      .getByTestId(`column-${target.id}`)
      .getByRole("button", { name: /^More actions for/ })
      .getAttribute("aria-label");
    await dialog.getByLabel("Merge into another column").selectOption({
      label: (targetLabel ?? "").replace(/^More actions for /, ""),
    });
    await dialog.getByRole("button", { name: "Merge columns" }).click();
    await poll(async () => (await state()).themes.length).toBe(4);
    const merged = await state();
    expect(merged.themes.find((candidate) => candidate.id === target.id)?.cardIds).toEqual([
      ...target.cardIds,
      ...source.cardIds,
    ]);
    for (const page of boardPages()) await waitForBoard(page, boardOfState(merged));
    await cofacilitator.getByTestId("undo-what").filter({ hasText: "Columns merged" }).waitFor();
    // The co-facilitator takes it back: undo is the room's, not one console's.
    await cofacilitator.getByTestId("undo").click();
    await poll(async () => (await state()).themes).toEqual(before.themes);
    expect((await state()).unclustered).toEqual(before.unclustered);
    for (const page of boardPages()) await waitForBoard(page, boardOfState(before));
    await snapshot("after the two undos");
  });

  step(
    "the console leads the naming, largest column first; phones propose; the projector follows",
    async () => {
      const { facilitator, projector, ana, carl, snapshot } = room();
      await goToPhase(facilitator.page, "name");
      const order = [
        "empower-all",
        "clarify-unify-elevate",
        "evidence-based-case",
        "co-create-community",
        "repair-disparities",
      ];
      const panel = facilitator.page.getByTestId("name-panel");
      for (const [index, themeId] of order.entries()) {
        const wanted = theme(themeId);
        await panel.getByTestId(`naming-current-${column(themeId)}`).waitFor();
        await projector
          .getByTestId("spotlight")
          .getByText(wanted.cards[0]?.text ?? "", { exact: true })
          .waitFor();
        if (index < 2) {
          // The phone shows the column on screen too, with its cards, to propose a name for it.
          await ana.page.getByTestId("phone-column").waitFor();
          await ana.page
            .getByText(wanted.cards[0]?.text ?? "", { exact: true })
            .first()
            .waitFor();
        }
        const nameInput = panel.getByTestId("theme-name-input");
        if (index === 0) {
          // Ana proposes the name the room settles on; Carl proposes a long one; the facilitator picks Ana's.
          await ana.page.getByTestId("propose-input").fill(wanted.name);
          await ana.page.getByTestId("word-count").filter({ hasText: "6 words" }).waitFor();
          await ana.page.getByTestId("propose-submit").click();
          const long = "Everyone everywhere should embrace career development for their whole lives";
          await carl.page.getByTestId("propose-input").fill(long);
          await carl.page.getByText("more than 7 words").waitFor();
          await carl.page.getByTestId("propose-submit").click();
          await panel.getByTestId("proposals").getByText(wanted.name, { exact: true }).waitFor();
          await panel.getByTestId("proposals").getByText(long, { exact: true }).waitFor();
          await projector.getByTestId("spotlight").getByText(long, { exact: true }).waitFor();
          await screenshot(ana.page, "20-name-phone");
          await screenshot(facilitator.page, "20-name-console");
          await screenshot(projector, "20-name-projector");
          await panel
            .getByTestId("proposals")
            .locator("li", { hasText: wanted.name })
            .getByRole("button", { name: "Use this name" })
            .click();
        } else {
          // Too short first: the editor warns, and saving is still possible; then the real name.
          await nameInput.fill("Repair");
          await panel.getByText("fewer than 3 words").waitFor();
          await nameInput.fill(wanted.name);
          await panel.getByTestId("word-count").first().filter({ hasNotText: "fewer" }).waitFor();
          await panel.getByTestId("save-theme-name").click();
        }
        await poll(async () => columnIn(await state(), themeId)?.name).toBe(wanted.name);
        await projector.getByTestId("spotlight-name").filter({ hasText: wanted.name }).waitFor();

        // Key points: added one by one; the first column's are typed out of order and reordered.
        const points = index === 0 ? [...wanted.keyPoints].reverse() : wanted.keyPoints;
        for (const point of points) {
          await panel.getByLabel("New key point").fill(point);
          await panel.getByRole("button", { name: "Add", exact: true }).click();
        }
        if (index === 0) {
          const last = wanted.keyPoints[0] ?? "";
          const middle = wanted.keyPoints[1] ?? "";
          await panel.getByRole("button", { name: `Move “${last}” up` }).click();
          await panel.getByRole("button", { name: `Move “${last}” up` }).click();
          await panel.getByRole("button", { name: `Move “${middle}” up` }).click();
        }
        await panel.getByTestId("save-key-points").click();
        await poll(async () => columnIn(await state(), themeId)?.keyPoints).toEqual(wanted.keyPoints);
        if (index < order.length - 1) await panel.getByTestId("next-column").click();
      }
      await snapshot("named");
    },
    longStep,
  );

  step(
    "headlines and narratives are written together, and no one's edit is lost",
    async () => {
      const { baseUrl, example, facilitator, projector, ana, bea, workshopId, snapshot } = room();
      await goToPhase(facilitator.page, "resolve");
      await facilitator.page.getByTestId("resolve-panel").waitFor();
      // The facilitator invites Ana and Bea to write from their own devices.
      for (const name of ["Ana", "Bea"]) {
        // The box shows the server's answer, so it is ticked once the invitation made the round trip.
        const box = facilitator.page.getByLabel(`${name} may write`);
        await box.click();
        await poll(() => box.isChecked()).toBe(true);
      }
      await poll(async () =>
        Object.values((await state()).participants)
          .filter((person) => person.writer)
          .map((person) => person.name)
          .sort(),
      ).toEqual(["Ana", "Bea"]);

      // Empower all: Ana writes the headline on her phone while the facilitator writes the narrative.
      const empower = theme("empower-all");
      const empowerId = column(empower.id);
      await ana.page.getByTestId("pick-theme").selectOption(empowerId);
      await ana.page.getByTestId(`headline-${empowerId}`).click();
      // The console sees where Ana is writing: her name on the field and her caret in it.
      const consoleHeadline = facilitator.page.getByTestId(`writer-${empowerId}`);
      await consoleHeadline.getByTestId("peer-chip").filter({ hasText: "Ana is writing here" }).waitFor();
      await Promise.all([
        ana.page.getByTestId(`headline-${empowerId}`).pressSequentially(empower.headline),
        (async () => {
          await facilitator.page.getByTestId(`narrative-${empowerId}`).click();
          await facilitator.page.keyboard.insertText(empower.narrative);
        })(),
      ]);
      await consoleHeadline.getByTestId("peer-caret").waitFor();
      await ana.page.getByTestId(`writer-${empowerId}`).getByTestId("peer-caret").waitFor();
      await screenshot(facilitator.page, "21-resolve-console");
      await screenshot(ana.page, "21-resolve-phone");
      await poll(async () => {
        const now = columnIn(await state(), empower.id);
        return [now?.headline, now?.narrative];
      }).toEqual([empower.headline, empower.narrative]);
      await ana.page.getByTestId(`headline-${empowerId}`).blur();

      // Clarify: the facilitator drafts the narrative with two gaps; the co-facilitator fills
      // the first sentence's and Bea the last sentence's, at the same time.
      const clarify = theme("clarify-unify-elevate");
      const clarifyNarrative = `narrative-${column(clarify.id)}`;
      const [first, second] = ["clarity and understanding", "national credential"];
      expect(clarify.narrative).toContain(first);
      expect(clarify.narrative).toContain(second);
      const draft = clarify.narrative.replace(first, "[gap one]").replace(second, "[gap two]");
      await writeText(facilitator.page, clarifyNarrative, draft);
      await poll(async () => columnIn(await state(), clarify.id)?.narrative).toBe(draft);
      await bea.page.getByTestId("pick-theme").selectOption(column(clarify.id));
      await bea.page.getByTestId(clarifyNarrative).waitFor();
      await poll(() => bea.page.getByTestId(clarifyNarrative).inputValue()).toBe(draft);
      await poll(() => cofacilitator.getByTestId(clarifyNarrative).inputValue()).toBe(draft);
      const seqBefore = (await serverSnapshot(facilitator.page, baseUrl, workshopId)).seq;
      await Promise.all([
        typeOver(cofacilitator, clarifyNarrative, "[gap one]", first),
        typeOver(bea.page, clarifyNarrative, "[gap two]", second),
      ]);
      await poll(async () => columnIn(await state(), clarify.id)?.narrative)
        .toBe(clarify.narrative)
        .catch(async (error: Error) => {
          const pages = { cofacilitator, bea: bea.page };
          const report = await coWritingReport(pages, clarifyNarrative).catch((failure) => `no report: ${failure}`);
          throw new Error(`${error.message}\n${report}`);
        });
      // Two writers, two edits, both in the log.
      const writers = (await eventLog(facilitator.page, baseUrl, workshopId))
        .filter((envelope) => envelope.seq > seqBefore && envelope.event.type === "narrativeSet")
        .map((envelope) => envelope.actor.role);
      expect(writers.sort()).toEqual(["facilitator", "participant"]);
      for (const page of [facilitator.page, cofacilitator, bea.page]) {
        await poll(() => page.getByTestId(clarifyNarrative).inputValue()).toBe(clarify.narrative);
      }

      // Repair: both consoles type over the same word of the headline at once. The second edit
      // to arrive is refused as a conflict and shown beside the other; nothing is lost.
      const repair = theme("repair-disparities");
      const repairHeadline = `headline-${column(repair.id)}`;
      const word = "practice";
      expect(repair.headline).toContain(word);
      const headlineDraft = repair.headline.replace(word, "[verb]");
      await writeText(facilitator.page, repairHeadline, headlineDraft);
      await poll(() => cofacilitator.getByTestId(repairHeadline).inputValue()).toBe(headlineDraft);
      await Promise.all([
        typeOver(facilitator.page, repairHeadline, "[verb]", word),
        typeOver(cofacilitator, repairHeadline, "[verb]", "preach"),
      ]);
      const conflictId = `conflict-${repairHeadline}`;
      const conflictOn = await Promise.race(
        [facilitator.page, cofacilitator].map((page) =>
          page
            .getByTestId(conflictId)
            .waitFor()
            .then(() => page),
        ),
      );
      const conflict = conflictOn.getByTestId(conflictId);
      await screenshot(conflictOn, "21b-resolve-conflict-console");
      if (conflictOn === facilitator.page) {
        await expect(conflict.getByTestId("conflict-mine").textContent()).resolves.toContain("practice");
        await conflict.getByRole("button", { name: "Keep mine" }).click();
      } else {
        await expect(conflict.getByTestId("conflict-theirs").textContent()).resolves.toContain("practice");
        await expect(conflict.getByTestId("conflict-mine").textContent()).resolves.toContain("preach");
        await conflict.getByRole("button", { name: "Keep theirs" }).click();
      }
      await poll(async () => columnIn(await state(), repair.id)?.headline).toBe(repair.headline);

      // The rest, by the facilitator alone.
      for (const wanted of example.themes) {
        const now = columnIn(await state(), wanted.id);
        const id = column(wanted.id);
        if (now?.headline !== wanted.headline) await writeText(facilitator.page, `headline-${id}`, wanted.headline);
        if (now?.narrative !== wanted.narrative) await writeText(facilitator.page, `narrative-${id}`, wanted.narrative);
      }
      const reflections = facilitator.page.getByRole("form", { name: "Reflections and next steps" });
      await reflections.getByLabel("Reflections").fill(example.reflections);
      await reflections.getByLabel("Next steps").fill(example.nextSteps);
      await reflections.getByTestId("save-reflections").click();
      await poll(async () => {
        const now = await state();
        return [
          now.themes.map((candidate) => [candidate.headline, candidate.narrative]),
          now.context.reflections,
          now.context.nextSteps,
        ];
      }).toEqual([
        example.themes.map((candidate) => [candidate.headline, candidate.narrative]),
        example.reflections,
        example.nextSteps,
      ]);
      // Headlines read in capitals on the projector; the text is stored as typed.
      const headline = projector.getByTestId(`statement-${empowerId}`).getByTestId("statement-headline");
      await headline.filter({ hasText: empower.headline }).waitFor();
      expect(await headline.evaluate((element) => getComputedStyle(element).textTransform)).toBe("uppercase");
      // The rendered text, capitals and all, is what innerText gives (textContent is the stored text).
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
      expect(await headline.innerText()).toBe(empower.headline.toUpperCase());
      await screenshot(projector, "21-resolve-projector");
      await snapshot("resolved");
    },
    longStep,
  );

  /** Each person's dots, by the example's theme id. */
  const dots = (): [Participant, Record<string, number>][] => {
    const { ana, bea, carl } = room();
    return [
      [ana, { "empower-all": 2, "evidence-based-case": 1 }],
      [bea, { "clarify-unify-elevate": 3 }],
      [carl, { "empower-all": 1, "co-create-community": 1, "repair-disparities": 1 }],
    ];
  };
  const hands = { who: "Back row", counts: { "empower-all": 4, "co-create-community": 2 } };

  step(
    "a dot vote on the phones and one show of hands; results stay hidden until revealed",
    async () => {
      const { example, facilitator, projector, ana, snapshot } = room();
      await goToPhase(facilitator.page, "prioritize");
      await facilitator.page.getByTestId("open-voting").click();
      await poll(async () => (await state()).voting.status).toBe("open");
      // Ana changes her mind: a dot on one theme, taken off again.
      const repairName = theme("repair-disparities").name;
      await ana.page.getByRole("button", { name: `Add a dot to ${repairName}` }).click();
      await ana.page.getByTestId("dots-left").filter({ hasText: "2 of 3 dots left" }).waitFor();
      await poll(async () => (await state()).votes.length).toBe(1);
      await ana.page.getByRole("button", { name: `Take a dot off ${repairName}` }).click();
      await poll(async () => (await state()).votes.length).toBe(0);
      for (const [person, given] of dots()) {
        await person.page.getByTestId("dots-left").filter({ hasText: "3 of 3 dots left" }).waitFor();
        for (const [themeId, count] of Object.entries(given)) {
          for (let tap = 0; tap < count; tap++) {
            await person.page.getByRole("button", { name: `Add a dot to ${theme(themeId).name}` }).click();
          }
        }
        await person.page.getByTestId("dots-left").filter({ hasText: "0 of 3 dots left" }).waitFor();
        // The budget is spent: every + is off.
        for (const candidate of example.themes) {
          await expect(
            person.page.getByRole("button", { name: `Add a dot to ${candidate.name}` }).isDisabled(),
          ).resolves.toBe(true);
        }
      }
      await screenshot(ana.page, "22-vote-phone");
      // A show of hands for the people at the back, recorded by the facilitator.
      const form = facilitator.page.getByRole("form", { name: "Show of hands" });
      await form.getByLabel("Whose hands").fill(hands.who);
      for (const [themeId, count] of Object.entries(hands.counts)) {
        await form.getByTestId(`hands-${column(themeId)}`).fill(String(count));
      }
      await form.getByTestId("record-hands").click();
      await poll(async () => (await state()).votes.length).toBe(8);
      // Nobody sees results before the reveal.
      for (const page of [projector, ana.page, facilitator.page]) {
        expect(await page.getByTestId("results-chart").count()).toBe(0);
      }
      await projector.getByTestId("voting-wait").getByText("3 people have voted").waitFor();
      await facilitator.page.getByTestId("close-voting").click();
      await poll(async () => (await state()).voting.status).toBe("closed");
      // A room of three: the facilitator shows every group and table, on the projector and phones too
      // (by default no group of fewer than 3 voters is shown, and breakdowns stay on the console).
      await facilitator.page.getByTestId("setting-breakdownsOnProjector").check();
      const minVoters = facilitator.page.getByTestId("setting-min-voters");
      await minVoters.fill("1");
      await minVoters.blur();
      await poll(async () => (await state()).settings.minVotersPerGroup).toBe(1);
      await poll(async () => (await state()).settings.breakdownsOnProjector).toBe(true);
      await facilitator.page.getByTestId("reveal-results").click();
      const totals = {
        "empower-all": 7,
        "clarify-unify-elevate": 3,
        "repair-disparities": 1,
        "evidence-based-case": 1,
        "co-create-community": 3,
      };
      for (const page of [facilitator.page, projector, ana.page]) {
        const chart = page.getByTestId("results-chart");
        await chart.waitFor();
        for (const [themeId, total] of Object.entries(totals)) {
          await expect(
            chart
              .locator(".results-bars:not(.is-small)")
              .getByTestId(`result-${column(themeId)}`)
              .getAttribute("data-total"),
          ).resolves.toBe(String(total));
        }
        // By participant group and by table, with the show of hands marked as such.
        await chart.getByTestId("results-by-group").getByText(`Show of hands: ${hands.who}`).waitFor();
        await chart.getByTestId("results-by-table").getByText("Table 1", { exact: false }).first().waitFor();
      }
      await facilitator.page.getByTestId("results-chart").scrollIntoViewIfNeeded();
      await screenshot(facilitator.page, "22-results-console");
      await ana.page.getByTestId("results-chart").scrollIntoViewIfNeeded();
      await screenshot(ana.page, "22-results-phone");
      await screenshot(projector, "22-results-projector");
      await snapshot("voted and revealed");
    },
    longStep,
  );

  step("the export equals the example's content plus the votes", async () => {
    const { authorOf, baseUrl, example, facilitator, workshopId } = room();
    const { votes, privacy, ...content } = await facilitatorJson<WorkshopDocument>(
      facilitator.page,
      `${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}/export`,
    );
    const now = await state();
    // The room made its own columns and typed its own cards, so their ids are the room's, and
    // each card carries who wrote it and their group: those are checked on their own. With the
    // example's ids in place of the room's, the export is the example, to the last character.
    expect(content.themes.map((candidate) => candidate.id)).toEqual(now.themes.map((candidate) => candidate.id));
    const groupOf = (name: string | undefined) =>
      Object.values(now.participants).find((person) => person.name === name)?.group;
    const written = content.themes.flatMap((candidate) => candidate.cards);
    expect(written.map((card) => [card.text, card.author, card.group])).toEqual(
      written.map((card) => [card.text, authorOf(card.text), groupOf(authorOf(card.text))]),
    );
    expect(written.every((card) => card.author && card.group)).toBe(true);
    const exampleCardId = new Map(
      example.themes.flatMap((candidate) => candidate.cards.map((card) => [card.text, card.id] as const)),
    );
    const exampleThemeId = new Map([...columnOf].map(([exampleId, roomId]) => [roomId, exampleId]));
    const asExample: WorkshopDocument = {
      ...content,
      themes: content.themes.map((candidate) => ({
        ...candidate,
        id: exampleThemeId.get(candidate.id) ?? candidate.id,
        cards: candidate.cards.map((card) => ({ id: exampleCardId.get(card.text) ?? card.id, text: card.text })),
      })),
    };
    expect(asExample).toEqual(readReferenceExample());
    // The settings the facilitator changed for the vote travel with the workshop.
    expect(privacy).toEqual({ minVotersPerGroup: 1, breakdownsOnProjector: true });

    const idOf = (name: string) => Object.values(now.participants).find((person) => person.name === name)?.id ?? "";
    const expected: Vote[] = [
      ...dots().flatMap(([person, given]) =>
        Object.entries(given).map(([themeId, count]) => ({
          voterId: idOf(person.name),
          themeId: column(themeId),
          count,
        })),
      ),
      ...Object.entries(hands.counts).map(([themeId, count]) => ({
        voterId: `proxy:${hands.who}`,
        themeId: column(themeId),
        count,
        proxy: true,
      })),
    ];
    expect(expected).toHaveLength(8);
    const key = (vote: Vote) => `${vote.voterId}/${vote.themeId}`;
    expect([...(votes ?? [])].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  step(
    "the replay at every snapshot's seq, from the first card on, equals what the room held then",
    async () => {
      const { baseUrl, facilitator, snapshots, workshopId } = room();
      const events = await eventLog(facilitator.page, baseUrl, workshopId);
      expect(events.map((envelope) => envelope.seq)).toEqual(events.map((_, index) => index + 1));
      expect(snapshots[0]?.label).toBe("the first card");
      for (const taken of snapshots) {
        expect(foldTo(workshopId, events, taken.seq), taken.label).toEqual(taken.state);
      }
      const replay = await facilitator.page.context().newPage();
      watch(replay, "replay");
      const at = `${baseUrl}/w/${encodeURIComponent(workshopId)}/replay`;
      await replay.goto(at);
      const position = replay.getByTestId("replay-position");
      const last = snapshots[snapshots.length - 1];
      if (!last) throw new Error("no snapshots");
      await poll(() => position.getAttribute("data-seq")).toBe(String(events.length));
      const showsSnapshot = async (taken: Snapshot) => {
        await poll(() => position.getAttribute("data-seq")).toBe(String(taken.seq));
        await poll(() => replay.getByTestId("replay-phase").getAttribute("data-phase")).toBe(taken.state.phase);
        await waitForBoard(replay, boardOfState(taken.state));
        expect(await columnNames(replay), taken.label).toEqual(taken.state.themes.map((candidate) => candidate.name));
      };
      // Scrubbing with the slider to the moment after the two undos.
      const afterUndos = snapshotCalled("after the two undos");
      await replay.getByTestId("replay-slider").fill(String(afterUndos.seq));
      await showsSnapshot(afterUndos);
      await screenshot(replay, "23-replay-console");
      // Opening the replay at a seq, as a shared link does: every moment the session kept.
      for (const taken of snapshots) {
        await replay.goto(`${at}?seq=${taken.seq}`);
        await showsSnapshot(taken);
      }
      // Play runs the session forward from where the slider is.
      await replay.getByTestId("replay-slider").fill(String(afterUndos.seq));
      await replay.getByTestId("replay-play").click();
      await poll(async () => Number(await position.getAttribute("data-seq"))).toBeGreaterThan(afterUndos.seq);
      await replay.getByTestId("replay-play").click();
      // By time: the end of the time slider is the final board.
      await replay.getByLabel("By time").check();
      const clock = replay.getByTestId("replay-time-slider");
      await clock.fill((await clock.getAttribute("max")) ?? "");
      await showsSnapshot(last);
      // The same page on a phone and on the projector's screen.
      await replay.goto(`${at}?seq=${snapshotCalled("named").seq}`);
      await replay.setViewportSize({ width: 360, height: 740 });
      await readBoard(replay);
      await screenshot(replay, "23-replay-phone");
      await replay.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(replay, "23-replay-projector");
      await replay.close();
    },
    longStep,
  );
}
