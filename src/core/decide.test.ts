import { describe, expect, it } from "vitest";
import { ana, attempt, ben, board, brainstorm, refusal, toPhase } from "../../test/support/decideBoards.js";
import { blankWorkshop, boardProblems, eventsFor, FACILITATOR, play } from "../../test/support/workshops.js";
import { commandSchema } from "./commands.js";
import type { WorkshopState } from "./model.js";
import { reduceAll } from "./reducer.js";

describe("decide: participants", () => {
  it("joinWorkshop registers the actor under its own id, whatever phase it is", () => {
    for (const phase of ["context", "prioritize", "capture"] as const) {
      const state = play(toPhase(blankWorkshop(), phase), ana, { type: "joinWorkshop", name: "Ana", group: "Ops" });
      expect(state.participants).toEqual({ "p-ana": { id: "p-ana", name: "Ana", group: "Ops" } });
    }
  });

  it("a rejoin replaces the name and group and records the previous registration", () => {
    const state = brainstorm();
    const events = eventsFor(state, ana, { type: "joinWorkshop", name: "Ana B." });
    expect(events).toEqual([
      {
        type: "participantJoined",
        participant: { id: "p-ana", name: "Ana B." },
        previous: { id: "p-ana", name: "Ana", group: "Ops" },
      },
    ]);
    const next = reduceAll(state, events);
    expect(next.participants["p-ana"]).toEqual({ id: "p-ana", name: "Ana B." });
    expect(Object.keys(next.participants)).toHaveLength(2);
  });

  it("a card added after a rejoin carries the new name", () => {
    const state = play(brainstorm(), ana, { type: "joinWorkshop", name: "Ana B.", group: "R&D" });
    const next = play(state, ana, { type: "addCard", cardId: "a1", text: "Hello" });
    expect(next.cards.get("a1")).toEqual({
      id: "a1",
      text: "Hello",
      authorId: "p-ana",
      author: "Ana B.",
      group: "R&D",
    });
  });
});

describe("decide: voting", () => {
  /** Prioritize phase with voting open on themes t1, t2, t3; the default budget is 3 votes and the cap 3 per theme. */
  function voting(): WorkshopState {
    return play(toPhase(board(), "prioritize"), FACILITATOR, { type: "openVoting" });
  }

  it("a vote within budget and cap is recorded with the previous count", () => {
    const state = voting();
    const events = eventsFor(state, ana, { type: "castVote", themeId: "t1", count: 2 });
    expect(events).toEqual([{ type: "voteCast", vote: { voterId: "p-ana", themeId: "t1", count: 2 }, previous: 0 }]);
    const next = play(reduceAll(state, events), ana, { type: "castVote", themeId: "t2", count: 1 });
    expect(next.votes).toEqual([
      { voterId: "p-ana", themeId: "t1", count: 2 },
      { voterId: "p-ana", themeId: "t2", count: 1 },
    ]);
  });

  it("more votes on one theme than votesPerThemeCap are refused", () => {
    const state = play(voting(), FACILITATOR, {
      type: "updateSettings",
      patch: { voteBudget: 10, votesPerThemeCap: 2 },
    });
    play(state, ana, { type: "castVote", themeId: "t1", count: 2 });
    const error = refusal(state, ana, { type: "castVote", themeId: "t1", count: 3 });
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("2");
    expect(error).toMatchObject({ reason: "tooManyVotesOnTheme", params: { max: 2 } });
  });

  it("votes beyond the voter's budget across themes are refused", () => {
    const state = play(voting(), ana, { type: "castVote", themeId: "t1", count: 2 });
    const error = refusal(state, ana, { type: "castVote", themeId: "t2", count: 2 });
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("3");
    expect(error).toMatchObject({ reason: "voteBudgetSpent", params: { max: 3 } });
    // Another voter's budget is their own.
    expect(play(state, ben, { type: "castVote", themeId: "t2", count: 3 }).votes).toHaveLength(2);
  });

  it("changing the count on a theme counts against the budget only once", () => {
    let state = play(voting(), ana, { type: "castVote", themeId: "t1", count: 3 });
    state = play(
      state,
      ana,
      { type: "castVote", themeId: "t1", count: 2 },
      { type: "castVote", themeId: "t2", count: 1 },
    );
    expect(state.votes).toEqual(
      expect.arrayContaining([
        { voterId: "p-ana", themeId: "t1", count: 2 },
        { voterId: "p-ana", themeId: "t2", count: 1 },
      ]),
    );
    expect(state.votes).toHaveLength(2);
  });

  it("a count of 0 removes the vote and frees the budget", () => {
    let state = play(voting(), ana, { type: "castVote", themeId: "t1", count: 3 });
    state = play(state, ana, { type: "castVote", themeId: "t1", count: 0 });
    expect(state.votes).toEqual([]);
    expect(play(state, ana, { type: "castVote", themeId: "t2", count: 3 }).votes).toEqual([
      { voterId: "p-ana", themeId: "t2", count: 3 },
    ]);
  });

  it("casting the count already held, or 0 when none is held, gives no events", () => {
    const state = play(voting(), ana, { type: "castVote", themeId: "t1", count: 2 });
    expect(eventsFor(state, ana, { type: "castVote", themeId: "t1", count: 2 })).toEqual([]);
    expect(eventsFor(state, ana, { type: "castVote", themeId: "t2", count: 0 })).toEqual([]);
  });

  it("a vote on an unknown theme is not_found", () => {
    expect(refusal(voting(), ana, { type: "castVote", themeId: "zz", count: 1 }).code).toBe("not_found");
  });
});

describe("decide: phases and context", () => {
  it("setPhase to the current phase is a conflict", () => {
    expect(refusal(board(), FACILITATOR, { type: "setPhase", phase: "cluster" }).code).toBe("conflict");
  });

  it("updateContext and updateSettings record the previous values of the patched fields", () => {
    const state = board();
    expect(eventsFor(state, FACILITATOR, { type: "updateContext", patch: { title: "New", goal: "Agree" } })).toEqual([
      { type: "contextUpdated", patch: { title: "New", goal: "Agree" }, previous: { title: "Team retreat", goal: "" } },
    ]);
    expect(eventsFor(state, FACILITATOR, { type: "updateSettings", patch: { voteBudget: 5 } })).toEqual([
      { type: "settingsUpdated", patch: { voteBudget: 5 }, previous: { voteBudget: 3 } },
    ]);
  });

  it("decide never changes the state it is given", () => {
    const state = board();
    const copy = structuredClone(state);
    attempt(state, FACILITATOR, { type: "deleteTheme", themeId: "t1" });
    attempt(state, FACILITATOR, { type: "moveCard", cardId: "c1", toThemeId: null, toIndex: 0 });
    attempt(state, FACILITATOR, { type: "mergeThemes", sourceThemeId: "t1", targetThemeId: "t2" });
    attempt(state, ana, { type: "castVote", themeId: "t1", count: 1 });
    expect(state).toEqual(copy);
  });
});

/*
 * Votes belong to themes. When a voted theme disappears (deleted, or merged into another) the
 * votes must not be left naming a theme that no longer exists: they would keep counting against
 * the voter's budget, could never be withdrawn (castVote on the gone theme is not_found), and
 * make the exported workshop/v1 file invalid ("votes[0].themeId: unknown theme").
 */

describe("decide: ids that name Object.prototype members are ordinary ids", () => {
  it.each(["valueOf", "hasOwnProperty"])("a participant may add a card whose id is %s", (cardId) => {
    const result = attempt(brainstorm(), ana, { type: "addCard", cardId, text: "Ordinary card" });
    expect(result).toEqual({
      ok: true,
      value: [
        {
          type: "cardAdded",
          card: { id: cardId, text: "Ordinary card", authorId: "p-ana", author: "Ana", group: "Ops" },
          place: { themeId: null, index: 0 },
        },
      ],
    });
  });

  it.each(["toString", "constructor"])(
    "editing a card %s that does not exist is not_found and creates no card",
    (cardId) => {
      const state = board();
      const result = attempt(state, FACILITATOR, { type: "editCard", cardId, text: "Phantom" });
      const next = result.ok ? reduceAll(state, result.value) : state;
      expect(result.ok ? "accepted" : result.error.code).toBe("not_found");
      expect(boardProblems(next)).toEqual([]);
    },
  );
});

/*
 * The board's undo runs inverse commands (removeCard → restoreCard, deleteTheme → restoreTheme):
 * what it gives back must be what was taken, and restoreTheme, which a facilitator's client may
 * also send directly, must keep every card on the board exactly once.
 */

describe("decide: the one reserved id", () => {
  it.each(["__proto__", "constructor"])("refuses a card id of %s, which a state's JSON could not carry", (cardId) => {
    const parsed = commandSchema.safeParse({ type: "addCard", cardId, text: "Ordinary card" });
    expect(parsed.success).toBe(false);
  });
});
