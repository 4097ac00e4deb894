import { describe, expect, it } from "vitest";
import {
  blankWorkshop,
  boardProblems,
  eventsFor,
  FACILITATOR,
  NOW,
  participant,
  play,
} from "../../test/support/workshops.js";
import type { Command } from "./commands.js";
import { decide } from "./decide.js";
import type { Actor, WorkshopState } from "./model.js";
import type { Phase } from "./phases.js";
import { reduceAll } from "./reducer.js";

const ana = participant("p-ana");
const ben = participant("p-ben");

function attempt(state: WorkshopState, actor: Actor, command: Command) {
  return decide(state, command, actor);
}

function refusal(state: WorkshopState, actor: Actor, command: Command) {
  const result = decide(state, command, actor);
  if (result.ok) throw new Error(`expected ${command.type} to be refused, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function toPhase(state: WorkshopState, phase: Phase): WorkshopState {
  return state.phase === phase ? state : play(state, FACILITATOR, { type: "setPhase", phase });
}

/** Brainstorm phase with Ana (group Ops) and Ben joined and no cards yet. */
function brainstorm(): WorkshopState {
  let state = toPhase(blankWorkshop(), "brainstorm");
  state = play(state, ana, { type: "joinWorkshop", name: "Ana", group: "Ops" });
  return play(state, ben, { type: "joinWorkshop", name: "Ben" });
}

/** Cluster phase: t1 [c1 c2 c3], t2 [c4], t3 [] and the pile [c5 c6]. */
function board(): WorkshopState {
  let state = play(
    brainstorm(),
    FACILITATOR,
    { type: "createTheme", themeId: "t1" },
    { type: "createTheme", themeId: "t2" },
    { type: "createTheme", themeId: "t3" },
  );
  for (const id of ["c1", "c2", "c3"]) {
    state = play(state, FACILITATOR, { type: "addCard", cardId: id, text: `Card ${id}`, themeId: "t1" });
  }
  state = play(state, FACILITATOR, { type: "addCard", cardId: "c4", text: "Card c4", themeId: "t2" });
  state = play(state, ana, { type: "addCard", cardId: "c5", text: "Card c5" });
  state = play(state, ben, { type: "addCard", cardId: "c6", text: "Card c6" });
  return toPhase(state, "cluster");
}

function columns(state: WorkshopState): Record<string, string[]> {
  return { ...Object.fromEntries(state.themes.map((t) => [t.id, t.cardIds])), pile: state.unclustered };
}

function move(state: WorkshopState, cardId: string, toThemeId: string | null, toIndex: number, actor = FACILITATOR) {
  return play(state, actor, { type: "moveCard", cardId, toThemeId, toIndex });
}

describe("decide: adding cards", () => {
  it("a participant's card goes to the end of the unclustered pile with author id, name and group", () => {
    let state = brainstorm();
    state = play(state, ben, { type: "addCard", cardId: "b1", text: "First" });
    const events = eventsFor(state, ana, { type: "addCard", cardId: "a1", text: "More daylight" });
    expect(events).toEqual([
      {
        type: "cardAdded",
        card: { id: "a1", text: "More daylight", authorId: "p-ana", author: "Ana", group: "Ops" },
        place: { themeId: null, index: 1 },
      },
    ]);
    const next = reduceAll(state, events);
    expect(next.unclustered).toEqual(["b1", "a1"]);
    expect(boardProblems(next)).toEqual([]);
  });

  it("anonymous cards keep the author id but not the author's name", () => {
    const state = play(brainstorm(), FACILITATOR, { type: "updateSettings", patch: { anonymousCards: true } });
    const next = play(state, ben, { type: "addCard", cardId: "b1", text: "Quiet" });
    expect(next.cards.b1).toEqual({ id: "b1", text: "Quiet", authorId: "p-ben" });
  });

  it("the facilitator may add a card straight into a theme, at the end of its column", () => {
    const state = board();
    const next = play(state, FACILITATOR, { type: "addCard", cardId: "f1", text: "Typed in", themeId: "t1" });
    expect(next.themes[0]?.cardIds).toEqual(["c1", "c2", "c3", "f1"]);
    expect(next.cards.f1).toEqual({ id: "f1", text: "Typed in" });
    expect(next.unclustered).toEqual(state.unclustered);
  });

  it("a facilitator card without a theme goes to the unclustered pile", () => {
    const next = play(board(), FACILITATOR, { type: "addCard", cardId: "f1", text: "Typed in" });
    expect(next.unclustered).toEqual(["c5", "c6", "f1"]);
  });

  it("a participant may not add a card into a theme", () => {
    const state = play(brainstorm(), FACILITATOR, { type: "createTheme", themeId: "t1" });
    expect(refusal(state, ana, { type: "addCard", cardId: "a1", text: "Here", themeId: "t1" }).code).toBe("forbidden");
  });

  it("adding a card into an unknown theme is not_found", () => {
    expect(refusal(board(), FACILITATOR, { type: "addCard", cardId: "f1", text: "x", themeId: "nope" }).code).toBe(
      "not_found",
    );
  });

  it("a card id that already exists anywhere on the board is a conflict, whoever sends it", () => {
    const state = toPhase(board(), "brainstorm");
    for (const id of ["c1", "c4", "c5", "c6"]) {
      expect(refusal(state, ana, { type: "addCard", cardId: id, text: "Again" }).code).toBe("conflict");
      expect(refusal(state, FACILITATOR, { type: "addCard", cardId: id, text: "Again" }).code).toBe("conflict");
    }
  });

  it("a card longer than settings.cardMaxLength is refused for a participant but allowed for the facilitator", () => {
    const state = brainstorm();
    const max = state.settings.cardMaxLength;
    expect(max).toBe(140);
    play(state, ana, { type: "addCard", cardId: "exact", text: "x".repeat(max) });
    const error = refusal(state, ana, { type: "addCard", cardId: "long", text: "x".repeat(max + 1) });
    expect(error.code).toBe("invalid");
    expect(error.message).toContain(String(max));
    // What a client translates: the reason and the limit, apart from the English words.
    expect(error).toMatchObject({ reason: "cardTooLong", params: { max } });
    const next = play(state, FACILITATOR, { type: "addCard", cardId: "long", text: "x".repeat(max + 1) });
    expect(next.cards.long?.text).toHaveLength(max + 1);
  });

  it("raising cardMaxLength lets participants write longer cards", () => {
    const state = play(brainstorm(), FACILITATOR, { type: "updateSettings", patch: { cardMaxLength: 200 } });
    const next = play(state, ana, { type: "addCard", cardId: "a1", text: "y".repeat(200) });
    expect(next.cards.a1?.text).toHaveLength(200);
  });
});

describe("decide: moving cards", () => {
  it("moves a card down within its column", () => {
    expect(move(board(), "c1", "t1", 2).themes[0]?.cardIds).toEqual(["c2", "c3", "c1"]);
  });

  it("moves a card up within its column", () => {
    expect(move(board(), "c3", "t1", 0).themes[0]?.cardIds).toEqual(["c3", "c1", "c2"]);
  });

  it("clamps an index past the end of its own column to the last position", () => {
    const state = board();
    const events = eventsFor(state, FACILITATOR, { type: "moveCard", cardId: "c1", toThemeId: "t1", toIndex: 99 });
    expect(events).toEqual([
      { type: "cardMoved", cardId: "c1", from: { themeId: "t1", index: 0 }, to: { themeId: "t1", index: 2 } },
    ]);
    expect(reduceAll(state, events).themes[0]?.cardIds).toEqual(["c2", "c3", "c1"]);
  });

  it("clamps an index past the end of another column to its end", () => {
    const state = board();
    const events = eventsFor(state, FACILITATOR, { type: "moveCard", cardId: "c5", toThemeId: "t2", toIndex: 50 });
    expect(events).toEqual([
      { type: "cardMoved", cardId: "c5", from: { themeId: null, index: 0 }, to: { themeId: "t2", index: 1 } },
    ]);
    const next = reduceAll(state, events);
    expect(columns(next)).toEqual({ t1: ["c1", "c2", "c3"], t2: ["c4", "c5"], t3: [], pile: ["c6"] });
    expect(boardProblems(next)).toEqual([]);
  });

  it("moves a card between columns, into an empty column and back to the pile", () => {
    let state = move(board(), "c2", "t2", 0);
    state = move(state, "c4", "t3", 0);
    state = move(state, "c1", null, 1);
    expect(columns(state)).toEqual({ t1: ["c3"], t2: ["c2"], t3: ["c4"], pile: ["c5", "c1", "c6"] });
    expect(boardProblems(state)).toEqual([]);
  });

  it("a move to where the card already is gives no events, even after clamping", () => {
    const state = board();
    expect(eventsFor(state, FACILITATOR, { type: "moveCard", cardId: "c2", toThemeId: "t1", toIndex: 1 })).toEqual([]);
    expect(eventsFor(state, FACILITATOR, { type: "moveCard", cardId: "c3", toThemeId: "t1", toIndex: 7 })).toEqual([]);
    expect(eventsFor(state, FACILITATOR, { type: "moveCard", cardId: "c6", toThemeId: null, toIndex: 9 })).toEqual([]);
  });

  it("moving an unknown card or into an unknown theme is not_found", () => {
    const state = board();
    expect(refusal(state, FACILITATOR, { type: "moveCard", cardId: "zz", toThemeId: null, toIndex: 0 }).code).toBe(
      "not_found",
    );
    expect(refusal(state, FACILITATOR, { type: "moveCard", cardId: "c1", toThemeId: "zz", toIndex: 0 }).code).toBe(
      "not_found",
    );
  });

  it("participants may move cards in the cluster phase only when participantsMayMoveCards is on", () => {
    const state = board();
    expect(state.settings.participantsMayMoveCards).toBe(false);
    const command: Command = { type: "moveCard", cardId: "c1", toThemeId: "t2", toIndex: 0 };
    expect(refusal(state, ana, command).code).toBe("forbidden");
    const allowed = play(state, FACILITATOR, { type: "updateSettings", patch: { participantsMayMoveCards: true } });
    // Any card, not only their own: clustering is a group activity.
    expect(play(allowed, ana, command).themes[1]?.cardIds).toEqual(["c1", "c4"]);
    const revoked = play(allowed, FACILITATOR, { type: "updateSettings", patch: { participantsMayMoveCards: false } });
    expect(refusal(revoked, ana, command).code).toBe("forbidden");
  });
});

describe("decide: themes", () => {
  it("createTheme inserts an empty theme at the given index, clamped to the end", () => {
    let state = play(board(), FACILITATOR, { type: "createTheme", themeId: "t0", name: "Zero", index: 0 });
    state = play(state, FACILITATOR, { type: "createTheme", themeId: "t9", index: 99 });
    expect(state.themes.map((t) => t.id)).toEqual(["t0", "t1", "t2", "t3", "t9"]);
    expect(state.themes[0]).toEqual({
      id: "t0",
      name: "Zero",
      keyPoints: [],
      headline: "",
      narrative: "",
      cardIds: [],
      // Columns t1–t3 hold symbols 0–2: a new column takes the first free one.
      symbol: 3,
    });
  });

  it("createTheme with an existing id is a conflict", () => {
    expect(refusal(board(), FACILITATOR, { type: "createTheme", themeId: "t2" }).code).toBe("conflict");
  });

  it("deleting a theme returns its cards to the end of the unclustered pile", () => {
    const state = play(board(), FACILITATOR, { type: "deleteTheme", themeId: "t1" });
    expect(columns(state)).toEqual({ t2: ["c4"], t3: [], pile: ["c5", "c6", "c1", "c2", "c3"] });
    expect(Object.keys(state.cards)).toHaveLength(6);
    expect(boardProblems(state)).toEqual([]);
  });

  it("deleting an unknown theme is not_found", () => {
    expect(refusal(board(), FACILITATOR, { type: "deleteTheme", themeId: "zz" }).code).toBe("not_found");
  });

  it("mergeThemes appends the source's cards to the target and removes the source", () => {
    const state = play(board(), FACILITATOR, { type: "mergeThemes", sourceThemeId: "t1", targetThemeId: "t2" });
    expect(columns(state)).toEqual({ t2: ["c4", "c1", "c2", "c3"], t3: [], pile: ["c5", "c6"] });
    expect(boardProblems(state)).toEqual([]);
  });

  it("mergeThemes into itself is invalid, and with an unknown source or target is not_found", () => {
    const state = board();
    expect(refusal(state, FACILITATOR, { type: "mergeThemes", sourceThemeId: "t1", targetThemeId: "t1" }).code).toBe(
      "invalid",
    );
    expect(refusal(state, FACILITATOR, { type: "mergeThemes", sourceThemeId: "zz", targetThemeId: "t1" }).code).toBe(
      "not_found",
    );
    expect(refusal(state, FACILITATOR, { type: "mergeThemes", sourceThemeId: "t1", targetThemeId: "zz" }).code).toBe(
      "not_found",
    );
  });

  it("moveTheme moves a column forward and back, clamping the index to the last position", () => {
    const ids = (state: WorkshopState) => state.themes.map((t) => t.id);
    expect(ids(play(board(), FACILITATOR, { type: "moveTheme", themeId: "t1", toIndex: 1 }))).toEqual([
      "t2",
      "t1",
      "t3",
    ]);
    expect(ids(play(board(), FACILITATOR, { type: "moveTheme", themeId: "t3", toIndex: 0 }))).toEqual([
      "t3",
      "t1",
      "t2",
    ]);
    expect(eventsFor(board(), FACILITATOR, { type: "moveTheme", themeId: "t1", toIndex: 40 })).toEqual([
      { type: "themeMoved", themeId: "t1", from: 0, to: 2 },
    ]);
  });

  it("moveTheme to its own index, or past the end when already last, gives no events", () => {
    expect(eventsFor(board(), FACILITATOR, { type: "moveTheme", themeId: "t2", toIndex: 1 })).toEqual([]);
    expect(eventsFor(board(), FACILITATOR, { type: "moveTheme", themeId: "t3", toIndex: 8 })).toEqual([]);
    expect(refusal(board(), FACILITATOR, { type: "moveTheme", themeId: "zz", toIndex: 0 }).code).toBe("not_found");
  });

  it("nameTheme trims the name, records the previous one, and renaming to the same name gives no events", () => {
    const state = toPhase(board(), "name");
    const events = eventsFor(state, FACILITATOR, { type: "nameTheme", themeId: "t1", name: "  Daylight  " });
    expect(events).toEqual([{ type: "themeNamed", themeId: "t1", name: "Daylight", previous: "" }]);
    const named = reduceAll(state, events);
    expect(named.themes[0]?.name).toBe("Daylight");
    expect(eventsFor(named, FACILITATOR, { type: "nameTheme", themeId: "t1", name: "Daylight" })).toEqual([]);
    expect(eventsFor(named, FACILITATOR, { type: "nameTheme", themeId: "t1", name: " Daylight " })).toEqual([]);
  });

  it("setKeyPoints, setHeadline and setNarrative set that field of that theme only", () => {
    const state = play(
      toPhase(board(), "resolve"),
      FACILITATOR,
      { type: "setKeyPoints", themeId: "t2", keyPoints: ["Windows", "Plants"] },
      { type: "setHeadline", themeId: "t2", headline: "Bring the outside in" },
      { type: "setNarrative", themeId: "t2", narrative: "People asked for light." },
    );
    expect(state.themes[1]).toEqual({
      id: "t2",
      name: "",
      keyPoints: ["Windows", "Plants"],
      headline: "Bring the outside in",
      narrative: "People asked for light.",
      cardIds: ["c4"],
      symbol: board().themes[1]?.symbol,
    });
    expect(state.themes[0]).toEqual(board().themes[0]);
  });

  it("setting the same headline or narrative again gives no events; an unknown theme is not_found", () => {
    const state = play(toPhase(board(), "name"), FACILITATOR, { type: "setHeadline", themeId: "t1", headline: "H" });
    expect(eventsFor(state, FACILITATOR, { type: "setHeadline", themeId: "t1", headline: "H" })).toEqual([]);
    expect(eventsFor(state, FACILITATOR, { type: "setNarrative", themeId: "t1", narrative: "" })).toEqual([]);
    for (const command of [
      { type: "nameTheme", themeId: "zz", name: "x" },
      { type: "setKeyPoints", themeId: "zz", keyPoints: [] },
      { type: "setHeadline", themeId: "zz", headline: "x" },
      { type: "setNarrative", themeId: "zz", narrative: "x" },
    ] satisfies Command[]) {
      expect(refusal(state, FACILITATOR, command).code).toBe("not_found");
    }
  });
});

describe("decide: footnotes", () => {
  it("setFootnote adds a mark, then replaces its text in place and records the previous footnote", () => {
    let state = play(board(), FACILITATOR, { type: "setFootnote", mark: "1", text: "First" });
    state = play(state, FACILITATOR, { type: "setFootnote", mark: "2", text: "Second" });
    const events = eventsFor(state, FACILITATOR, { type: "setFootnote", mark: "1", text: "Replaced" });
    expect(events).toEqual([
      { type: "footnoteSet", footnote: { mark: "1", text: "Replaced" }, previous: { mark: "1", text: "First" } },
    ]);
    expect(reduceAll(state, events).footnotes).toEqual([
      { mark: "1", text: "Replaced" },
      { mark: "2", text: "Second" },
    ]);
  });

  it("removeFootnote removes the mark; an unknown mark is not_found", () => {
    let state = play(board(), FACILITATOR, { type: "setFootnote", mark: "*", text: "Note" });
    state = play(state, FACILITATOR, { type: "removeFootnote", mark: "*" });
    expect(state.footnotes).toEqual([]);
    expect(refusal(state, FACILITATOR, { type: "removeFootnote", mark: "*" }).code).toBe("not_found");
  });
});

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
    expect(next.cards.a1).toEqual({ id: "a1", text: "Hello", authorId: "p-ana", author: "Ana B.", group: "R&D" });
  });
});

describe("decide: editing and removing cards", () => {
  /** Brainstorm with Ana's a1 and Ben's b1 in the pile and the facilitator's f1 in t1. */
  function cards(): WorkshopState {
    let state = play(brainstorm(), FACILITATOR, { type: "createTheme", themeId: "t1" });
    state = play(state, ana, { type: "addCard", cardId: "a1", text: "Ana's" });
    state = play(state, ben, { type: "addCard", cardId: "b1", text: "Ben's" });
    return play(state, FACILITATOR, { type: "addCard", cardId: "f1", text: "Facilitator's", themeId: "t1" });
  }

  it("a participant may edit their own card and the event records the previous text", () => {
    const events = eventsFor(cards(), ana, { type: "editCard", cardId: "a1", text: "Ana's, edited" });
    expect(events).toEqual([{ type: "cardEdited", cardId: "a1", text: "Ana's, edited", previous: "Ana's" }]);
    expect(reduceAll(cards(), events).cards.a1).toEqual({
      id: "a1",
      text: "Ana's, edited",
      authorId: "p-ana",
      author: "Ana",
      group: "Ops",
    });
  });

  it("a participant may not edit or remove someone else's card or the facilitator's", () => {
    const state = cards();
    for (const cardId of ["b1", "f1"]) {
      expect(refusal(state, ana, { type: "editCard", cardId, text: "Mine now" }).code).toBe("forbidden");
      expect(refusal(state, ana, { type: "removeCard", cardId }).code).toBe("forbidden");
    }
  });

  it("a participant may remove their own card, which leaves the board", () => {
    const state = play(cards(), ana, { type: "removeCard", cardId: "a1" });
    expect(state.cards.a1).toBeUndefined();
    expect(state.unclustered).toEqual(["b1"]);
    expect(boardProblems(state)).toEqual([]);
  });

  it("the facilitator may edit and remove anyone's card, in any phase", () => {
    let state = toPhase(cards(), "capture");
    state = play(state, FACILITATOR, { type: "editCard", cardId: "b1", text: "Tidied" });
    expect(state.cards.b1?.text).toBe("Tidied");
    state = play(state, FACILITATOR, { type: "removeCard", cardId: "f1" }, { type: "removeCard", cardId: "a1" });
    expect(Object.keys(state.cards)).toEqual(["b1"]);
    expect(columns(state)).toEqual({ t1: [], pile: ["b1"] });
  });

  it("editing a card to the same text gives no events; unknown cards are not_found", () => {
    const state = cards();
    expect(eventsFor(state, ana, { type: "editCard", cardId: "a1", text: "Ana's" })).toEqual([]);
    expect(refusal(state, ana, { type: "editCard", cardId: "zz", text: "x" }).code).toBe("not_found");
    expect(refusal(state, FACILITATOR, { type: "removeCard", cardId: "zz" }).code).toBe("not_found");
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
describe("decide: votes when their theme goes away", () => {
  /** Ana put all 3 of her votes on t1; the facilitator stepped back to resolve. */
  function votedThenBack(): WorkshopState {
    const open = play(toPhase(board(), "prioritize"), FACILITATOR, { type: "openVoting" });
    const state = play(open, ana, { type: "castVote", themeId: "t1", count: 3 });
    return toPhase(state, "resolve");
  }

  function votesOnMissingThemes(state: WorkshopState) {
    return state.votes.filter((vote) => !state.themes.some((theme) => theme.id === vote.themeId));
  }

  it("after a voted theme is deleted, no vote names a theme that no longer exists", () => {
    const state = votedThenBack();
    const result = decide(state, { type: "deleteTheme", themeId: "t1" }, FACILITATOR);
    const next = result.ok ? reduceAll(state, result.value) : state;
    expect(votesOnMissingThemes(next)).toEqual([]);
  });

  it("after a voted theme is merged away, no vote names a theme that no longer exists", () => {
    const state = votedThenBack();
    const result = decide(state, { type: "mergeThemes", sourceThemeId: "t1", targetThemeId: "t2" }, FACILITATOR);
    const next = result.ok ? reduceAll(state, result.value) : state;
    expect(votesOnMissingThemes(next)).toEqual([]);
  });

  it("a voter whose theme was deleted can spend their budget again", () => {
    const deleted = play(votedThenBack(), FACILITATOR, { type: "deleteTheme", themeId: "t1" });
    const state = toPhase(deleted, "prioritize");
    expect(attempt(state, ana, { type: "castVote", themeId: "t2", count: 1 }).ok).toBe(true);
  });
});

/*
 * Card and participant ids are chosen by clients, and state.cards / state.participants are plain
 * objects: ids such as "constructor" or "toString" must behave like any other id, not like the
 * members of Object.prototype that a plain `state.cards[id]` lookup finds.
 */
describe("decide: ids that name Object.prototype members are ordinary ids", () => {
  it.each(["constructor", "__proto__"])("a participant may add a card whose id is %s", (cardId) => {
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
describe("decide: undo and restoreTheme", () => {
  it("undo takes back the last board change", () => {
    const moved = play(board(), FACILITATOR, { type: "moveCard", cardId: "c1", toThemeId: "t2", toIndex: 0 });
    const undone = play(moved, FACILITATOR, { type: "undo" });
    expect(columns(undone)).toEqual(columns(board()));
    expect(boardProblems(undone)).toEqual([]);
  });

  it("undoing a theme deletion brings the column back with its cards, in place", () => {
    const deleted = play(board(), FACILITATOR, { type: "deleteTheme", themeId: "t1" });
    const undone = play(deleted, FACILITATOR, { type: "undo" });
    expect(columns(undone)).toEqual(columns(board()));
    expect(boardProblems(undone)).toEqual([]);
  });

  it("an undo the board has moved on from is refused with the reason of the step that failed", () => {
    // The step would move a card back to a column that someone deleted since.
    const moved = play(board(), FACILITATOR, { type: "moveCard", cardId: "c1", toThemeId: "t2", toIndex: 0 });
    const state = {
      ...moved,
      themes: moved.themes.filter((theme) => theme.id !== "t1"),
      unclustered: [...moved.unclustered, "c2", "c3"],
    };
    const error = refusal(state, FACILITATOR, { type: "undo" });
    expect(error).toMatchObject({
      code: "conflict",
      reason: "undoStale",
      params: { cause: "themeNotFound", themeId: "t1" },
    });
  });

  it("restoreTheme that lists the same card twice leaves every card on the board once", () => {
    const state = board();
    const theme = { id: "t9", name: "", keyPoints: [], headline: "", narrative: "", cardIds: ["c5", "c5"] };
    const result = decide(state, { type: "restoreTheme", theme, index: 0, votes: [] }, FACILITATOR, NOW);
    const next = result.ok ? reduceAll(state, result.value) : state;
    expect(boardProblems(next)).toEqual([]);
  });

  it("undoing a participant's removeCard gives the card back to its author, who may edit it again", () => {
    let state = play(brainstorm(), ana, { type: "addCard", cardId: "a1", text: "Mine" });
    const added = state.cards.a1;
    state = play(state, ana, { type: "removeCard", cardId: "a1" });
    state = play(state, FACILITATOR, { type: "undo" });
    expect(state.cards.a1).toEqual(added);
    expect(attempt(state, ana, { type: "editCard", cardId: "a1", text: "Mine, edited" }).ok).toBe(true);
  });

  it("an updateContext that changes nothing gives no events, so it leaves no empty step for undo", () => {
    const state = board();
    expect(eventsFor(state, FACILITATOR, { type: "updateContext", patch: {} })).toEqual([]);
    expect(eventsFor(state, FACILITATOR, { type: "updateContext", patch: { title: state.context.title } })).toEqual([]);
  });
});
