import { describe, expect, it } from "vitest";
import { ana, ben, board, brainstorm, columns, move, refusal, toPhase } from "../../test/support/decideBoards.js";
import { boardProblems, eventsFor, FACILITATOR, NOW, play } from "../../test/support/workshops.js";
import type { Command } from "./commands.js";
import type { WorkshopState } from "./model.js";
import { reduceAll } from "./reducer.js";

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
        pace: { since: NOW, cards: 1 },
      },
    ]);
    const next = reduceAll(state, events);
    expect(next.unclustered).toEqual(["b1", "a1"]);
    expect(boardProblems(next)).toEqual([]);
  });

  it("anonymous cards keep the author id but not the author's name", () => {
    const state = play(brainstorm(), FACILITATOR, { type: "updateSettings", patch: { anonymousCards: true } });
    const next = play(state, ben, { type: "addCard", cardId: "b1", text: "Quiet" });
    expect(next.cards.get("b1")).toEqual({ id: "b1", text: "Quiet", authorId: "p-ben" });
  });

  it("the facilitator may add a card straight into a theme, at the end of its column", () => {
    const state = board();
    const next = play(state, FACILITATOR, { type: "addCard", cardId: "f1", text: "Typed in", themeId: "t1" });
    expect(next.themes[0]?.cardIds).toEqual(["c1", "c2", "c3", "f1"]);
    expect(next.cards.get("f1")).toEqual({ id: "f1", text: "Typed in" });
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
    expect(next.cards.get("long")?.text).toHaveLength(max + 1);
  });

  it("raising cardMaxLength lets participants write longer cards", () => {
    const state = play(brainstorm(), FACILITATOR, { type: "updateSettings", patch: { cardMaxLength: 200 } });
    const next = play(state, ana, { type: "addCard", cardId: "a1", text: "y".repeat(200) });
    expect(next.cards.get("a1")?.text).toHaveLength(200);
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
    expect(reduceAll(cards(), events).cards.get("a1")).toEqual({
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
    expect(state.cards.get("a1")).toBeUndefined();
    expect(state.unclustered).toEqual(["b1"]);
    expect(boardProblems(state)).toEqual([]);
  });

  it("the facilitator may edit and remove anyone's card, in any phase", () => {
    let state = toPhase(cards(), "capture");
    state = play(state, FACILITATOR, { type: "editCard", cardId: "b1", text: "Tidied" });
    expect(state.cards.get("b1")?.text).toBe("Tidied");
    state = play(state, FACILITATOR, { type: "removeCard", cardId: "f1" }, { type: "removeCard", cardId: "a1" });
    expect([...state.cards.keys()]).toEqual(["b1"]);
    expect(columns(state)).toEqual({ t1: [], pile: ["b1"] });
  });

  it("editing a card to the same text gives no events; unknown cards are not_found", () => {
    const state = cards();
    expect(eventsFor(state, ana, { type: "editCard", cardId: "a1", text: "Ana's" })).toEqual([]);
    expect(refusal(state, ana, { type: "editCard", cardId: "zz", text: "x" }).code).toBe("not_found");
    expect(refusal(state, FACILITATOR, { type: "removeCard", cardId: "zz" }).code).toBe("not_found");
  });
});
