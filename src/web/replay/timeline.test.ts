import { describe, expect, it } from "vitest";
import { blankWorkshop, eventsFor, FACILITATOR, NOW, participant } from "../../../test/support/workshops.js";
import {
  type Actor,
  blankContent,
  type Command,
  type EventEnvelope,
  emptyWorkshop,
  reduceAll,
  type WorkshopState,
} from "../../core/index.js";
import { loadAllEvents, Timeline } from "./timeline.js";

const ana = participant("p-ana");

/** A session's log: each command's events numbered from 1, one second apart from NOW. */
function session(): { envelopes: EventEnvelope[]; states: WorkshopState[] } {
  const envelopes: EventEnvelope[] = [];
  const blank = blankContent({ title: "Replay", language: "en" }, NOW);
  // One person's 150 cards a second apart make a long log, far beyond the default quotas.
  const settings = { ...blank.settings, cardsPerMinute: 10_000, cardsPerParticipant: 10_000 };
  const created = { type: "workshopCreated" as const, workshop: { ...blank, settings } };
  let state = reduceAll(emptyWorkshop("w1"), [created]);
  const states = [emptyWorkshop("w1"), state];
  const at = (seq: number) => new Date(Date.parse(NOW) + seq * 1000).toISOString();
  envelopes.push({ seq: 1, at: at(1), actor: FACILITATOR, commandId: "create", event: created });
  const run = (actor: Actor, command: Command) => {
    for (const event of eventsFor(state, actor, command)) {
      state = reduceAll(state, [event]);
      const seq = envelopes.length + 1;
      envelopes.push({ seq, at: at(seq), actor, commandId: `c${seq}`, event });
      states.push(state);
    }
  };
  run(FACILITATOR, { type: "setPhase", phase: "brainstorm" });
  run(ana, { type: "joinWorkshop", name: "Ana" });
  for (let card = 0; card < 150; card++) run(ana, { type: "addCard", cardId: `c${card}`, text: `Idea ${card}` });
  run(FACILITATOR, { type: "setPhase", phase: "cluster" });
  run(FACILITATOR, { type: "createTheme", themeId: "t1" });
  for (let card = 0; card < 40; card++)
    run(FACILITATOR, { type: "moveCard", cardId: `c${card}`, toThemeId: "t1", toIndex: 0 });
  run(FACILITATOR, { type: "undo" });
  run(FACILITATOR, { type: "setPhase", phase: "name" });
  run(FACILITATOR, { type: "nameTheme", themeId: "t1", name: "The first forty ideas" });
  return { envelopes, states };
}

describe("Timeline", () => {
  it("the state at every position equals the fold of the log up to it, whatever order positions are asked in", () => {
    const { envelopes, states } = session();
    const timeline = new Timeline("w1", envelopes);
    expect(timeline.length).toBe(envelopes.length);
    const positions = [...states.keys()];
    // Forwards (playing), backwards (scrubbing back) and scattered (jumping about).
    const scattered = positions.map((_, index) => (index * 97) % positions.length);
    for (const position of [...positions, ...[...positions].reverse(), ...scattered]) {
      expect(timeline.stateAt(position), `position ${position}`).toEqual(states[position]);
    }
    expect(timeline.stateAt(-5)).toEqual(states[0]);
    expect(timeline.stateAt(10_000)).toEqual(states[states.length - 1]);
  });

  it("finds positions by seq and by time, and where the first card reached the board", () => {
    const { envelopes } = session();
    const timeline = new Timeline("w1", envelopes);
    expect(timeline.positionOfSeq(0)).toBe(0);
    expect(timeline.positionOfSeq(42)).toBe(42);
    expect(timeline.seqAt(42)).toBe(42);
    expect(timeline.seqAt(0)).toBe(0);
    const tenSeconds = Date.parse(NOW) + 10_500;
    expect(timeline.positionAtTime(tenSeconds)).toBe(10);
    expect(timeline.timeAt(10)).toBe(Date.parse(NOW) + 10_000);
    expect(timeline.positionAtTime(0)).toBe(0);
    // Created, brainstorm, Ana joins, then her first card.
    expect(timeline.firstCardPosition()).toBe(4);
    expect([...timeline.stateAt(4).cards.keys()]).toEqual(["c0"]);
  });

  it("an empty log replays to the state before the workshop existed", () => {
    const timeline = new Timeline("w1", []);
    expect(timeline.stateAt(0)).toEqual(emptyWorkshop("w1"));
    expect(timeline.firstCardPosition()).toBe(0);
    expect(blankWorkshop("w1").id).toBe(timeline.stateAt(0).id);
  });
});

describe("loadAllEvents", () => {
  it("pages through the log by `since` until a short page", async () => {
    const { envelopes } = session();
    const asked: [number, number][] = [];
    const all = await loadAllEvents(async (since, limit) => {
      asked.push([since, limit]);
      return envelopes.filter((envelope) => envelope.seq > since).slice(0, limit);
    }, 100);
    expect(all).toEqual(envelopes);
    // 198 events: two full pages would need a third call to see the end; 98 on the second is short.
    expect(envelopes).toHaveLength(198);
    expect(asked).toEqual([
      [0, 100],
      [100, 100],
    ]);
  });
});
