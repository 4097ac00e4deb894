import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Vote, validateWorkshopDocument, type WorkshopDocument, type WorkshopState } from "../src/core/index.js";
import {
  HAS_REFERENCE_EXAMPLE,
  needsReferenceExample,
  readReferenceExample,
  requestJson,
} from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { boardOfState, moveWithKeyboard, readBoard, waitForBoard } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import {
  Console,
  LAPTOP,
  openPage,
  Participant,
  PHONE,
  pageErrors,
  screenshot,
  serverState,
  TABLET,
  watch,
} from "./support/roles.js";
import {
  columnNames,
  emptied,
  eventLog,
  foldTo,
  goToPhase,
  keyOf,
  snapshotOf,
  typeOver,
  writeText,
} from "./support/workshopEnd.js";

const poll = <T>(read: () => Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 100 });

/**
 * The live room continued to the end in real Chromium against a real `concord serve`: the
 * example's cards already in their five columns, a facilitator and a co-facilitator, three
 * participants (one on a 360 px phone) and the projector name the columns, co-write the
 * statements, vote with dots and a show of hands, and the export equals the example plus the
 * votes. Undo and replay are checked against what every screen showed.
 */
describe.skipIf(!browserAvailable())("the live room, continued to the end, in Chromium", () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Steps share the room: after a failed step the later ones are skipped, not failed again. */
  const scenarioSteps = () => {
    let failedStep: string | undefined;
    return (name: string, body: () => Promise<void>, timeout?: number) =>
      it(
        name,
        async (context) => {
          if (failedStep) context.skip(`an earlier step failed: ${failedStep}`);
          try {
            await body();
            expect(pageErrors, "uncaught errors in the pages").toEqual([]);
          } catch (error) {
            failedStep = name;
            const output = server?.output().trim();
            if (output) console.error(`server output:\n${output.slice(-4000)}`);
            throw error;
          }
        },
        timeout,
      );
  };

  describe.skipIf(!HAS_REFERENCE_EXAMPLE)(
    needsReferenceExample("scenario 2: the room names, resolves and prioritizes the example's five themes"),
    () => {
      const step = scenarioSteps();
      let example: WorkshopDocument;
      let workshopId: string;
      let facilitator: Console;
      let cofacilitator: Page;
      let projector: Page;
      let ana: Participant; // phone, 360 × 740, table 1, invited to write
      let bea: Participant; // tablet, table 2, invited to write
      let carl: Participant; // laptop, table 1
      const contexts: BrowserContext[] = [];
      /** What the room held at moments of the session, to check the replay against. */
      const snapshots: { label: string; seq: number; state: WorkshopState }[] = [];

      const state = () => serverState(server.baseUrl, workshopId);
      const theme = (id: string) => {
        const found = example.themes.find((candidate) => candidate.id === id);
        if (!found) throw new Error(`the example has no theme ${id}`);
        return found;
      };
      const snapshot = async (label: string) => {
        snapshots.push({ label, ...(await snapshotOf(server.baseUrl, workshopId)) });
      };
      /** Every screen that shows the board in the cluster phase. */
      const boardPages = () => [facilitator.page, cofacilitator, projector, ana.page, bea.page, carl.page];

      beforeAll(() => {
        const validated = validateWorkshopDocument(readReferenceExample());
        if (!validated.ok) throw new Error("the reference example is not a valid workshop/v1 document");
        example = validated.value;
        expect(example.themes.map((candidate) => candidate.id)).toEqual([
          "empower-all",
          "clarify-unify-elevate",
          "repair-disparities",
          "evidence-based-case",
          "co-create-community",
        ]);
      });
      afterAll(async () => {
        for (const context of contexts) await context.close();
      });

      step("a signed-up facilitator imports the example with its names and statements emptied", async () => {
        const { context, page } = await openPage(browser, LAPTOP, "console");
        contexts.push(context);
        facilitator = new Console(page, server.baseUrl);
        await facilitator.signUp("Rachel Hofstetter", "rachel.end@overlap.example", "a long enough password");
        await page.locator('input[type="file"]').setInputFiles({
          name: "beyond-decent.workshop.json",
          mimeType: "application/json",
          buffer: Buffer.from(JSON.stringify(emptied(example))),
        });
        await page.waitForURL(/\/w\/[^/]+$/);
        await facilitator.waitLive();
        workshopId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");
        const imported = await state();
        expect(imported.phase).toBe("cluster");
        expect(imported.themes.map((column) => [column.id, column.name, column.cardIds.length])).toEqual(
          example.themes.map((column) => [column.id, "", column.cards.length]),
        );
        await facilitator.switchOn("Participants sit at tables");
        await facilitator.addTable("Table 1");
        await facilitator.addTable("Table 2");
        await snapshot("imported, tables set up");
      });

      step("a co-facilitator, three participants and the projector join the room", async () => {
        const key = await keyOf(facilitator.page, workshopId);
        expect(key).not.toBe("");
        const [second, phone, tablet, laptop] = await Promise.all([
          openPage(browser, LAPTOP, "co-facilitator"),
          openPage(browser, PHONE, "Ana's phone"),
          openPage(browser, TABLET, "Bea's tablet"),
          openPage(browser, LAPTOP, "Carl's laptop"),
        ]);
        contexts.push(second.context, phone.context, tablet.context, laptop.context);
        cofacilitator = second.page;
        await cofacilitator.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}#key=${key}`);
        await new Console(cofacilitator, server.baseUrl).waitLive();

        const code = await facilitator.joinCode();
        const [steering, workingGroup, board] = example.participantGroups;
        if (!steering || !workingGroup || !board) throw new Error("the example names fewer than 3 groups");
        ana = new Participant(phone.page, server.baseUrl, "Ana");
        bea = new Participant(tablet.page, server.baseUrl, "Bea");
        carl = new Participant(laptop.page, server.baseUrl, "Carl");
        for (const [person, group, table] of [
          [ana, steering, "Table 1"],
          [bea, workingGroup, "Table 2"],
          [carl, board, "Table 1"],
        ] as const) {
          await person.join(code, group, table);
          await person.submitJoin();
        }
        await poll(async () =>
          Object.values((await state()).participants)
            .map((person) => person.name)
            .sort(),
        ).toEqual(["Ana", "Bea", "Carl"]);
        // The projector in a window of its own: a page in the console's window would hide the
        // console (a background tab), and the console is where the facilitator works.
        const screen = await openPage(
          browser,
          { viewport: { width: 1920, height: 1080 }, locale: "en-CA" },
          "projector",
        );
        contexts.push(screen.context);
        projector = screen.page;
        await projector.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}/present#key=${key}`);
        const now = await state();
        for (const page of boardPages()) await waitForBoard(page, boardOfState(now));
      });

      step("undo of a card move restores the exact earlier board on every screen", async () => {
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
        const before = await state();
        const [source, target] = [before.themes[3], before.themes[1]];
        if (!source || !target) throw new Error("expected five columns");
        const column = facilitator.page.getByTestId(`column-${source.id}`);
        await column.getByRole("button", { name: /^More actions for/ }).click();
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

      step("the console leads the naming, largest column first; phones propose; the projector follows", async () => {
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
          await panel.getByTestId(`naming-current-${themeId}`).waitFor();
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
          await poll(async () => (await state()).themes.find((column) => column.id === themeId)?.name).toBe(
            wanted.name,
          );
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
          await poll(async () => (await state()).themes.find((column) => column.id === themeId)?.keyPoints).toEqual(
            wanted.keyPoints,
          );
          if (index < order.length - 1) await panel.getByTestId("next-column").click();
        }
        await expect(panel.getByTestId("next-column")).toBeDefined();
        await snapshot("named");
      });

      step("headlines and narratives are written together, and no one's edit is lost", async () => {
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
        await ana.page.getByTestId("pick-theme").selectOption("empower-all");
        await ana.page.getByTestId("headline-empower-all").click();
        // The console sees where Ana is writing: her name on the field and her caret in it.
        const consoleHeadline = facilitator.page.getByTestId("writer-empower-all");
        await consoleHeadline.getByTestId("peer-chip").filter({ hasText: "Ana is writing here" }).waitFor();
        await Promise.all([
          ana.page.getByTestId("headline-empower-all").pressSequentially(empower.headline),
          (async () => {
            await facilitator.page.getByTestId("narrative-empower-all").click();
            await facilitator.page.keyboard.insertText(empower.narrative);
          })(),
        ]);
        await consoleHeadline.getByTestId("peer-caret").waitFor();
        await ana.page.getByTestId("writer-empower-all").getByTestId("peer-caret").waitFor();
        await screenshot(facilitator.page, "21-resolve-console");
        await screenshot(ana.page, "21-resolve-phone");
        await poll(async () => {
          const column = (await state()).themes.find((candidate) => candidate.id === "empower-all");
          return [column?.headline, column?.narrative];
        }).toEqual([empower.headline, empower.narrative]);
        await ana.page.getByTestId("headline-empower-all").blur();

        // Clarify: the facilitator drafts the narrative with two gaps; the co-facilitator fills
        // the first sentence's and Bea the last sentence's, at the same time.
        const clarify = theme("clarify-unify-elevate");
        const [first, second] = ["clarity and understanding", "national credential"];
        expect(clarify.narrative).toContain(first);
        expect(clarify.narrative).toContain(second);
        const draft = clarify.narrative.replace(first, "[gap one]").replace(second, "[gap two]");
        await writeText(facilitator.page, "narrative-clarify-unify-elevate", draft);
        await poll(async () => (await state()).themes.find((column) => column.id === clarify.id)?.narrative).toBe(
          draft,
        );
        await bea.page.getByTestId("pick-theme").selectOption(clarify.id);
        await bea.page.getByTestId("narrative-clarify-unify-elevate").waitFor();
        await poll(() => bea.page.getByTestId("narrative-clarify-unify-elevate").inputValue()).toBe(draft);
        await poll(() => cofacilitator.getByTestId("narrative-clarify-unify-elevate").inputValue()).toBe(draft);
        const seqBefore = (await snapshotOf(server.baseUrl, workshopId)).seq;
        await Promise.all([
          typeOver(cofacilitator, "narrative-clarify-unify-elevate", "[gap one]", first),
          typeOver(bea.page, "narrative-clarify-unify-elevate", "[gap two]", second),
        ]);
        await poll(async () => (await state()).themes.find((column) => column.id === clarify.id)?.narrative).toBe(
          clarify.narrative,
        );
        // Two writers, two edits, both in the log.
        const writers = (await eventLog(server.baseUrl, workshopId))
          .filter((envelope) => envelope.seq > seqBefore && envelope.event.type === "narrativeSet")
          .map((envelope) => envelope.actor.role);
        expect(writers.sort()).toEqual(["facilitator", "participant"]);
        for (const page of [facilitator.page, cofacilitator, bea.page]) {
          await poll(() => page.getByTestId("narrative-clarify-unify-elevate").inputValue()).toBe(clarify.narrative);
        }

        // Repair: both consoles type over the same word of the headline at once. The second edit
        // to arrive is refused as a conflict and shown beside the other; nothing is lost.
        const repair = theme("repair-disparities");
        const word = "practice";
        expect(repair.headline).toContain(word);
        const headlineDraft = repair.headline.replace(word, "[verb]");
        await writeText(facilitator.page, "headline-repair-disparities", headlineDraft);
        await poll(() => cofacilitator.getByTestId("headline-repair-disparities").inputValue()).toBe(headlineDraft);
        await Promise.all([
          typeOver(facilitator.page, "headline-repair-disparities", "[verb]", word),
          typeOver(cofacilitator, "headline-repair-disparities", "[verb]", "preach"),
        ]);
        const conflictOn = await Promise.race(
          [facilitator.page, cofacilitator].map((page) =>
            page
              .getByTestId("conflict-headline-repair-disparities")
              .waitFor()
              .then(() => page),
          ),
        );
        const conflict = conflictOn.getByTestId("conflict-headline-repair-disparities");
        await screenshot(conflictOn, "21b-resolve-conflict-console");
        if (conflictOn === facilitator.page) {
          await expect(conflict.getByTestId("conflict-mine").textContent()).resolves.toContain("practice");
          await conflict.getByRole("button", { name: "Keep mine" }).click();
        } else {
          await expect(conflict.getByTestId("conflict-theirs").textContent()).resolves.toContain("practice");
          await expect(conflict.getByTestId("conflict-mine").textContent()).resolves.toContain("preach");
          await conflict.getByRole("button", { name: "Keep theirs" }).click();
        }
        await poll(async () => (await state()).themes.find((column) => column.id === repair.id)?.headline).toBe(
          repair.headline,
        );

        // The rest, by the facilitator alone.
        for (const column of example.themes) {
          const now = (await state()).themes.find((candidate) => candidate.id === column.id);
          if (now?.headline !== column.headline)
            await writeText(facilitator.page, `headline-${column.id}`, column.headline);
          if (now?.narrative !== column.narrative)
            await writeText(facilitator.page, `narrative-${column.id}`, column.narrative);
        }
        const reflections = facilitator.page.getByRole("form", { name: "Reflections and next steps" });
        await reflections.getByLabel("Reflections").fill(example.reflections);
        await reflections.getByLabel("Next steps").fill(example.nextSteps);
        await reflections.getByTestId("save-reflections").click();
        await poll(async () => {
          const now = await state();
          return [
            now.themes.map((column) => [column.headline, column.narrative]),
            now.context.reflections,
            now.context.nextSteps,
          ];
        }).toEqual([
          example.themes.map((column) => [column.headline, column.narrative]),
          example.reflections,
          example.nextSteps,
        ]);
        // Headlines read in capitals on the projector; the text is stored as typed.
        const headline = projector.getByTestId("statement-empower-all").getByTestId("statement-headline");
        await headline.filter({ hasText: empower.headline }).waitFor();
        expect(await headline.evaluate((element) => getComputedStyle(element).textTransform)).toBe("uppercase");
        // The rendered text, capitals and all, is what innerText gives (textContent is the stored text).
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
        expect(await headline.innerText()).toBe(empower.headline.toUpperCase());
        await screenshot(projector, "21-resolve-projector");
        await snapshot("resolved");
      });

      step("a dot vote on the phones and one show of hands; results stay hidden until revealed", async () => {
        await goToPhase(facilitator.page, "prioritize");
        await facilitator.page.getByTestId("open-voting").click();
        await poll(async () => (await state()).voting.status).toBe("open");
        const plan: [Participant, Record<string, number>][] = [
          [ana, { "empower-all": 2, "evidence-based-case": 1 }],
          [bea, { "clarify-unify-elevate": 3 }],
          [carl, { "empower-all": 1, "co-create-community": 1, "repair-disparities": 1 }],
        ];
        // Ana changes her mind: a dot on one theme, taken off again.
        const repairName = theme("repair-disparities").name;
        await ana.page.getByRole("button", { name: `Add a dot to ${repairName}` }).click();
        await ana.page.getByTestId("dots-left").filter({ hasText: "2 of 3 dots left" }).waitFor();
        await poll(async () => (await state()).votes.length).toBe(1);
        await ana.page.getByRole("button", { name: `Take a dot off ${repairName}` }).click();
        await poll(async () => (await state()).votes.length).toBe(0);
        for (const [person, dots] of plan) {
          await person.page.getByTestId("dots-left").filter({ hasText: "3 of 3 dots left" }).waitFor();
          for (const [themeId, count] of Object.entries(dots)) {
            for (let tap = 0; tap < count; tap++) {
              await person.page.getByRole("button", { name: `Add a dot to ${theme(themeId).name}` }).click();
            }
          }
          await person.page.getByTestId("dots-left").filter({ hasText: "0 of 3 dots left" }).waitFor();
          // The budget is spent: every + is off.
          for (const column of example.themes) {
            await expect(
              person.page.getByRole("button", { name: `Add a dot to ${column.name}` }).isDisabled(),
            ).resolves.toBe(true);
          }
        }
        await screenshot(ana.page, "22-vote-phone");
        // A show of hands for the people at the back, recorded by the facilitator.
        const hands = facilitator.page.getByRole("form", { name: "Show of hands" });
        await hands.getByLabel("Whose hands").fill("Back row");
        await hands.getByTestId("hands-empower-all").fill("4");
        await hands.getByTestId("hands-co-create-community").fill("2");
        await hands.getByTestId("record-hands").click();
        await poll(async () => (await state()).votes.length).toBe(8);
        // Nobody sees results before the reveal.
        for (const page of [projector, ana.page, facilitator.page]) {
          expect(await page.getByTestId("results-chart").count()).toBe(0);
        }
        await projector.getByTestId("voting-wait").getByText("3 people have voted").waitFor();
        await facilitator.page.getByTestId("close-voting").click();
        await poll(async () => (await state()).voting.status).toBe("closed");
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
              chart.locator(".results-bars:not(.is-small)").getByTestId(`result-${themeId}`).getAttribute("data-total"),
            ).resolves.toBe(String(total));
          }
          // By participant group and by table, with the show of hands marked as such.
          await chart.getByTestId("results-by-group").getByText("Show of hands: Back row").waitFor();
          await chart.getByTestId("results-by-table").getByText("Table 1", { exact: false }).first().waitFor();
        }
        await facilitator.page.getByTestId("results-chart").scrollIntoViewIfNeeded();
        await screenshot(facilitator.page, "22-results-console");
        await ana.page.getByTestId("results-chart").scrollIntoViewIfNeeded();
        await screenshot(ana.page, "22-results-phone");
        await screenshot(projector, "22-results-projector");
        await snapshot("voted and revealed");
      });

      step("the export equals the example's content plus the votes", async () => {
        const response = await requestJson<WorkshopDocument>(
          server.baseUrl,
          "GET",
          `/api/workshops/${encodeURIComponent(workshopId)}/export`,
        );
        expect(response.status).toBe(200);
        const { votes, ...content } = response.body;
        expect(content).toEqual(readReferenceExample());
        const now = await state();
        const idOf = (name: string) => Object.values(now.participants).find((person) => person.name === name)?.id;
        const expected: Vote[] = [
          { voterId: idOf("Ana") ?? "", themeId: "empower-all", count: 2 },
          { voterId: idOf("Ana") ?? "", themeId: "evidence-based-case", count: 1 },
          { voterId: idOf("Bea") ?? "", themeId: "clarify-unify-elevate", count: 3 },
          { voterId: idOf("Carl") ?? "", themeId: "empower-all", count: 1 },
          { voterId: idOf("Carl") ?? "", themeId: "co-create-community", count: 1 },
          { voterId: idOf("Carl") ?? "", themeId: "repair-disparities", count: 1 },
          { voterId: "proxy:Back row", themeId: "empower-all", count: 4, proxy: true },
          { voterId: "proxy:Back row", themeId: "co-create-community", count: 2, proxy: true },
        ];
        const key = (vote: Vote) => `${vote.voterId}/${vote.themeId}`;
        expect([...(votes ?? [])].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          expected.sort((a, b) => key(a).localeCompare(key(b))),
        );
      });

      step("the replay at every snapshot's seq equals what the room held then, on the page too", async () => {
        const events = await eventLog(server.baseUrl, workshopId);
        expect(events.map((envelope) => envelope.seq)).toEqual(events.map((_, index) => index + 1));
        for (const taken of snapshots) {
          expect(foldTo(workshopId, events, taken.seq), taken.label).toEqual(taken.state);
        }
        const replay = await facilitator.page.context().newPage();
        watch(replay, "replay");
        await replay.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}/replay`);
        const position = replay.getByTestId("replay-position");
        const last = snapshots[snapshots.length - 1];
        if (!last) throw new Error("no snapshots");
        await poll(() => position.getAttribute("data-seq")).toBe(String(events.length));
        const showsSnapshot = async (taken: (typeof snapshots)[number]) => {
          await poll(() => position.getAttribute("data-seq")).toBe(String(taken.seq));
          await poll(() => replay.getByTestId("replay-phase").getAttribute("data-phase")).toBe(taken.state.phase);
          await waitForBoard(replay, boardOfState(taken.state));
          expect(await columnNames(replay)).toEqual(taken.state.themes.map((column) => column.name));
        };
        // Scrubbing with the slider to the moment after the two undos.
        const afterUndos = snapshots[1];
        if (!afterUndos) throw new Error("no snapshot after the undos");
        await replay.getByTestId("replay-slider").fill(String(afterUndos.seq));
        await showsSnapshot(afterUndos);
        await screenshot(replay, "23-replay-console");
        // Opening the replay at a seq, as a shared link does.
        for (const taken of [snapshots[2], last]) {
          if (!taken) continue;
          await replay.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}/replay?seq=${taken.seq}`);
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
        await replay.goto(`${server.baseUrl}/w/${encodeURIComponent(workshopId)}/replay?seq=${snapshots[3]?.seq ?? 1}`);
        await replay.setViewportSize({ width: 360, height: 740 });
        await readBoard(replay);
        await screenshot(replay, "23-replay-phone");
        await replay.setViewportSize({ width: 1920, height: 1080 });
        await screenshot(replay, "23-replay-projector");
        await replay.close();
      });
    },
  );
});
