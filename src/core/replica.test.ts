import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, NOW } from "../../test/support/workshops.js";
import type { DomainEvent } from "./events.js";
import type { EventEnvelope } from "./protocol.js";
import { reduceAll } from "./reducer.js";
import { applyEnvelopes, type Replica } from "./replica.js";

const EVENTS: DomainEvent[] = [
  { type: "phaseChanged", phase: "brainstorm", previous: "context" },
  { type: "cardAdded", card: { id: "c1", text: "One" }, place: { themeId: null, index: 0 } },
  { type: "cardAdded", card: { id: "c2", text: "Two" }, place: { themeId: null, index: 1 } },
  { type: "cardMoved", cardId: "c2", from: { themeId: null, index: 1 }, to: { themeId: null, index: 0 } },
  { type: "cardEdited", cardId: "c1", text: "One, edited", previous: "One" },
];

/** Envelope n carries EVENTS[n - 2]: seq 1 is the creation, which the base replica already holds. */
function envelope(seq: number): EventEnvelope {
  const event = EVENTS[seq - 2];
  if (!event) throw new Error(`no event for seq ${seq}`);
  return { seq, at: NOW, actor: FACILITATOR, commandId: `cmd-${seq}`, event };
}

function envelopes(...seqs: number[]): EventEnvelope[] {
  return seqs.map(envelope);
}

const base: Replica = { seq: 1, state: blankWorkshop() };

/** The state after seq `n`, folded directly. */
function stateAt(n: number) {
  return reduceAll(base.state, EVENTS.slice(0, n - 1));
}

describe("applyEnvelopes", () => {
  it("applies consecutive envelopes in order and advances seq", () => {
    const next = applyEnvelopes(base, envelopes(2, 3, 4, 5, 6));
    expect(next?.seq).toBe(6);
    expect(next?.state).toEqual(stateAt(6));
    expect(next?.state.unclustered).toEqual(["c2", "c1"]);
    expect(next?.state.cards.get("c1")?.text).toBe("One, edited");
  });

  it("in several batches gives the same replica as in one", () => {
    const stepwise = [envelopes(2), envelopes(3, 4), envelopes(5, 6)].reduce<Replica | undefined>(
      (replica, batch) => replica && applyEnvelopes(replica, batch),
      base,
    );
    expect(stepwise).toEqual(applyEnvelopes(base, envelopes(2, 3, 4, 5, 6)));
  });

  it("skips envelopes the replica already holds, as after a resend on reconnect", () => {
    const at4 = applyEnvelopes(base, envelopes(2, 3, 4));
    if (!at4) throw new Error("expected a replica");
    const resent = applyEnvelopes(at4, envelopes(2, 3, 4, 5, 6));
    expect(resent).toEqual({ seq: 6, state: stateAt(6) });
  });

  it("a batch made only of envelopes already held leaves the replica as it was", () => {
    const at4 = applyEnvelopes(base, envelopes(2, 3, 4));
    if (!at4) throw new Error("expected a replica");
    const again = applyEnvelopes(at4, envelopes(3, 4));
    expect(again).toEqual(at4);
    expect(again?.state).toBe(at4.state);
    expect(applyEnvelopes(at4, [])).toEqual(at4);
  });

  it("returns undefined on a gap at the start of the batch", () => {
    expect(applyEnvelopes(base, envelopes(3, 4))).toBeUndefined();
  });

  it("returns undefined on a gap in the middle of the batch", () => {
    expect(applyEnvelopes(base, envelopes(2, 3, 5, 6))).toBeUndefined();
  });

  it("does not apply the same seq twice when a batch repeats it", () => {
    const next = applyEnvelopes(base, envelopes(2, 3, 3, 4));
    expect(next).toEqual({ seq: 4, state: stateAt(4) });
    expect(next?.state.unclustered).toEqual(["c1", "c2"]);
  });

  it("never changes the replica it is given", () => {
    const copy = structuredClone(base);
    applyEnvelopes(base, envelopes(2, 3, 4, 5, 6));
    applyEnvelopes(base, envelopes(2, 4));
    expect(base).toEqual(copy);
  });
});
