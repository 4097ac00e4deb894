import { describe, expect, it } from "vitest";
import { ana, board, brainstorm, refusal, toPhase } from "../../test/support/decideBoards.js";
import { eventsFor, FACILITATOR, NOW, participant, play } from "../../test/support/workshops.js";
import { commandSchema } from "./commands.js";
import { decide } from "./decide.js";
import { documentToContent, stateToDocument } from "./interchange/convert.js";
import { validateWorkshopDocument } from "./interchange/validate.js";
import type { WorkshopState } from "./model.js";
import { DEFAULT_QUOTAS, quotasOf } from "./quotas.js";
import { reduceAll } from "./reducer.js";

const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

/** Ana adds a card at `seconds` after NOW: the events, or the refusal. */
const addAt = (state: WorkshopState, cardId: string, seconds: number) =>
  decide(state, { type: "addCard", cardId, text: `Idea ${cardId}` }, ana, at(seconds));

function withQuotas(patch: { cardsPerMinute?: number; cardsPerParticipant?: number }): WorkshopState {
  return play(brainstorm(), FACILITATOR, { type: "updateSettings", patch });
}

/** Plays Ana's cards one second apart from `from`; throws on a refusal. */
function addCards(state: WorkshopState, count: number, from = 0): WorkshopState {
  let next = state;
  for (let n = 0; n < count; n++) {
    const decided = addAt(next, `${from}-${n}`, from + n);
    if (!decided.ok) throw new Error(decided.error.message);
    next = reduceAll(next, decided.value);
  }
  return next;
}

describe("participant quotas", () => {
  it("the 6th card within a minute, at a limit of 5, is refused with a clear message", () => {
    const state = addCards(withQuotas({ cardsPerMinute: 5 }), 5);
    const sixth = addAt(state, "sixth", 30);
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.error).toMatchObject({ code: "invalid", reason: "cardsPerMinute", params: { max: 5 } });
    expect(sixth.error.message).toBe("At most 5 cards a minute; wait a moment");
    // Another participant is not held back by Ana's minute.
    expect(decide(state, { type: "addCard", cardId: "b", text: "Mine" }, participant("p-ben"), at(30)).ok).toBe(true);
  });

  it("a minute after the first card of the last minute, cards are taken again", () => {
    const state = addCards(withQuotas({ cardsPerMinute: 5 }), 5);
    expect(addAt(state, "late", 59.9).ok).toBe(false);
    const next = addAt(state, "next", 60);
    expect(next.ok).toBe(true);
    if (next.ok) expect(next.value).toMatchObject([{ type: "cardAdded", pace: { since: at(60), cards: 1 } }]);
  });

  it("the board holds at most cardsPerParticipant cards of one person; removing one frees a place", () => {
    let state = addCards(withQuotas({ cardsPerParticipant: 3 }), 3);
    const fourth = addAt(state, "fourth", 120);
    expect(fourth.ok ? undefined : fourth.error).toMatchObject({ reason: "cardsPerParticipant", params: { max: 3 } });
    state = play(state, ana, { type: "removeCard", cardId: "0-0" });
    expect(addAt(state, "fourth", 120).ok).toBe(true);
  });

  it("the facilitator is never held to the quotas (paper cards typed in)", () => {
    let state = withQuotas({ cardsPerMinute: 1, cardsPerParticipant: 1 });
    for (let n = 0; n < 5; n++)
      state = play(state, FACILITATOR, { type: "addCard", cardId: `f${n}`, text: `Paper card ${n}` });
    expect(Object.keys(state.cards)).toHaveLength(5);
  });

  it("a quota of 0, or beyond its bound, is refused by the command's schema", () => {
    for (const patch of [{ cardsPerMinute: 0 }, { cardsPerParticipant: 1_000_000 }, { newParticipantsPerMinute: -1 }])
      expect(commandSchema.safeParse({ type: "updateSettings", patch }).success).toBe(false);
  });

  it("a workshop from before quotas (no quota settings) gets the defaults", () => {
    const { cardsPerMinute: _a, cardsPerParticipant: _b, newParticipantsPerMinute: _c, ...old } = brainstorm().settings;
    expect(quotasOf(old)).toEqual(DEFAULT_QUOTAS);
  });
});

describe("dots come only from people who joined", () => {
  it("a made-up participant id cannot cast dots", () => {
    const state = play(toPhase(board(), "prioritize"), FACILITATOR, { type: "openVoting" });
    const error = refusal(state, participant("p-made-up"), { type: "castVote", themeId: "t1", count: 3 });
    expect(error).toMatchObject({ code: "forbidden", reason: "notJoined" });
    // Once joined, the same id votes.
    const joined = play(state, participant("p-made-up"), { type: "joinWorkshop", name: "Newcomer" });
    expect(eventsFor(joined, participant("p-made-up"), { type: "castVote", themeId: "t1", count: 3 })).toHaveLength(1);
  });
});

describe("quotas in workshop/v1", () => {
  it("changed quotas are exported and imported again; defaults are not written", () => {
    expect(stateToDocument(brainstorm())).not.toHaveProperty("quotas");
    const state = withQuotas({ cardsPerMinute: 4 });
    const doc = stateToDocument(state);
    expect(doc.quotas).toEqual({ cardsPerMinute: 4 });
    const validated = validateWorkshopDocument(JSON.parse(JSON.stringify(doc)));
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const content = documentToContent(validated.value, NOW);
    expect(quotasOf(content.settings)).toEqual({ ...DEFAULT_QUOTAS, cardsPerMinute: 4 });
  });

  it("a quota out of bounds in a file is refused with its path", () => {
    const doc = { ...stateToDocument(brainstorm()), quotas: { cardsPerMinute: 0 } };
    const validated = validateWorkshopDocument(doc);
    expect(validated.ok ? [] : validated.error.issues.map((issue) => issue.path)).toEqual(["quotas.cardsPerMinute"]);
  });
});
