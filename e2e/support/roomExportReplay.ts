import { expect } from "vitest";
import type { Vote, WorkshopDocument } from "../../src/core/index.js";
import { readReferenceExample } from "../../test/support/server.js";
import { boardOfState, poll, readBoard, waitForBoard } from "./board.js";
import { facilitatorJson, screenshot, watch } from "./roles.js";
import type { Snapshot } from "./roomEnd.js";
import type { RoomEnd } from "./roomEndContext.js";
import { dots, hands } from "./roomVoting.js";
import { columnNames, eventLog, foldTo } from "./workshopEnd.js";

/** The export equals the example plus the votes; the replay equals every snapshot the session took. */
export function exportReplaySteps(end: RoomEnd): void {
  end.step("the export equals the example's content plus the votes", async () => {
    const { authorOf, baseUrl, example, facilitator, workshopId } = end.room();
    const { votes, privacy, ...content } = await facilitatorJson<WorkshopDocument>(
      facilitator.page,
      `${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}/export`,
    );
    const now = await end.state();
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
    const exampleThemeId = new Map([...end.columnOf].map(([exampleId, roomId]) => [roomId, exampleId]));
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
      ...dots(end.room()).flatMap(([person, given]) =>
        Object.entries(given).map(([themeId, count]) => ({
          voterId: idOf(person.name),
          themeId: end.column(themeId),
          count,
        })),
      ),
      ...Object.entries(hands.counts).map(([themeId, count]) => ({
        voterId: `proxy:${hands.who}`,
        themeId: end.column(themeId),
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

  end.step(
    "the replay at every snapshot's seq, from the first card on, equals what the room held then",
    async () => {
      const { baseUrl, facilitator, snapshots, workshopId } = end.room();
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
      const afterUndos = end.snapshotCalled("after the two undos");
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
      await replay.goto(`${at}?seq=${end.snapshotCalled("named").seq}`);
      await replay.setViewportSize({ width: 360, height: 740 });
      await readBoard(replay);
      await screenshot(replay, "23-replay-phone");
      await replay.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(replay, "23-replay-projector");
      await replay.close();
    },
    end.longStep,
  );
}
