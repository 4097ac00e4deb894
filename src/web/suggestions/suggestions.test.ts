import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, play } from "../../../test/support/workshops.js";
import type { Command, WorkshopState } from "../../core/index.js";
import {
  acceptCommands,
  boardSignature,
  cardsSignature,
  duplicateFlags,
  fitHints,
  mergeCommand,
  pairKey,
  withSuggestedPoints,
} from "./suggestions.js";

/** Cluster phase: column t1 [a], and the pile [b c d e]. */
function board(): WorkshopState {
  let state = play(blankWorkshop(), FACILITATOR, { type: "setPhase", phase: "brainstorm" });
  state = play(state, FACILITATOR, { type: "createTheme", themeId: "t1" });
  state = play(state, FACILITATOR, { type: "addCard", cardId: "a", text: "Card a", themeId: "t1" });
  for (const cardId of ["b", "c", "d", "e"])
    state = play(state, FACILITATOR, { type: "addCard", cardId, text: `Card ${cardId}` });
  return play(state, FACILITATOR, { type: "setPhase", phase: "cluster" });
}

const playAll = (state: WorkshopState, commands: readonly Command[]) =>
  commands.reduce((current, command) => play(current, FACILITATOR, command), state);

describe("accepting a proposed column", () => {
  it("creates an unnamed column and moves the proposal's cards into it, in order, from wherever they are", () => {
    const state = board();
    const commands = acceptCommands(
      state,
      { label: "Cards a to c", keyPoints: [], cardIds: ["c", "a", "b"], confidence: 5 },
      "new",
    );
    expect(commands).toEqual([{ type: "createTheme", themeId: "new", cardIds: ["c", "a", "b"] }]);
    const after = playAll(state, commands);
    expect(after.themes.find((theme) => theme.id === "new")).toMatchObject({ name: "", cardIds: ["c", "a", "b"] });
    expect(after.unclustered).toEqual(["d", "e"]);
    // One board change for everyone: one undo takes the whole column back.
    expect(after.undoStack.length - state.undoStack.length).toBe(1);
    const undone = playAll(after, [{ type: "undo" }]);
    expect(undone.themes.map((theme) => [theme.id, theme.cardIds])).toEqual(
      state.themes.map((theme) => [theme.id, theme.cardIds]),
    );
    expect(undone.unclustered).toEqual(state.unclustered);
  });

  it("skips cards removed or merged since the proposal, and does nothing when none is left", () => {
    const state = play(board(), FACILITATOR, { type: "removeCard", cardId: "b" });
    expect(
      acceptCommands(state, { label: "x", keyPoints: [], cardIds: ["b", "gone", "d"], confidence: 5 }, "n"),
    ).toEqual([{ type: "createTheme", themeId: "n", cardIds: ["d"] }]);
    expect(acceptCommands(state, { label: "x", keyPoints: [], cardIds: ["b", "gone"], confidence: 5 }, "n")).toEqual(
      [],
    );
  });
});

describe("fit hints", () => {
  it("names the best column that still exists and holds cards, for cards still on the pile", () => {
    const state = playAll(board(), [
      { type: "createTheme", themeId: "t2", cardIds: ["e"] },
      { type: "createTheme", themeId: "empty" },
    ]);
    const hints = fitHints(state, {
      placements: [
        { cardId: "b", themeIds: ["deleted", "empty", "t1"], confident: true },
        { cardId: "a", themeIds: ["t1"], confident: true },
        { cardId: "c", themeIds: [], confident: true },
        { cardId: "d", themeIds: ["t2", "t1"], confident: false },
      ],
    });
    // d's ranking is not confident: no hint rather than a guess.
    expect([...hints]).toEqual([["b", "t1"]]);
    expect(fitHints(state, undefined).size).toBe(0);
  });

  it("says nothing until two columns hold cards", () => {
    const placements = { placements: [{ cardId: "b", themeIds: ["t1", "t2"], confident: true }] };
    // One column with cards and one empty: the hint would name the same column on every card.
    const oneHolds = play(board(), FACILITATOR, { type: "createTheme", themeId: "t2" });
    expect(fitHints(oneHolds, placements).size).toBe(0);
    // No column holds cards.
    const noneHold = play(oneHolds, FACILITATOR, { type: "moveCard", cardId: "a", toThemeId: null, toIndex: 0 });
    expect(fitHints(noneHold, placements).size).toBe(0);
    const twoHold = play(oneHolds, FACILITATOR, { type: "moveCard", cardId: "c", toThemeId: "t2", toIndex: 0 });
    expect([...fitHints(twoHold, placements)]).toEqual([["b", "t1"]]);
  });
});

describe("duplicate flags", () => {
  it("flags the later card of each pair against the first card it repeats, unless dismissed or gone", () => {
    const state = board();
    const duplicates = {
      duplicates: [
        ["b", "d"],
        ["c", "d"],
        ["a", "e"],
        ["b", "missing"],
      ] as [string, string][],
    };
    expect([...duplicateFlags(state, duplicates, new Set())]).toEqual([
      ["d", "b"],
      ["e", "a"],
    ]);
    expect([...duplicateFlags(state, duplicates, new Set([pairKey("d", "b")]))]).toEqual([
      ["d", "c"],
      ["e", "a"],
    ]);
  });

  it("merges the later card into the earlier one, which keeps both texts", () => {
    const after = play(board(), FACILITATOR, mergeCommand("d", "b"));
    expect(after.cards.get("b")?.text).toBe("Card b\nCard d");
    expect(after.cards.get("d")).toBeUndefined();
    expect(duplicateFlags(after, { duplicates: [["b", "d"]] }, new Set()).size).toBe(0);
  });
});

describe("signatures", () => {
  it("change with what each suggestion reads, and only then", () => {
    const state = board();
    const moved = play(state, FACILITATOR, { type: "moveCard", cardId: "b", toThemeId: "t1", toIndex: 1 });
    const edited = play(state, FACILITATOR, { type: "editCard", cardId: "b", text: "Another text" });
    const timer = play(state, FACILITATOR, { type: "startTimer", durationSeconds: 60 });
    expect(cardsSignature(moved)).toBe(cardsSignature(state));
    expect(boardSignature(moved)).not.toBe(boardSignature(state));
    expect(cardsSignature(edited)).not.toBe(cardsSignature(state));
    expect(boardSignature(timer)).toBe(boardSignature(state));
  });
});

describe("suggested key points", () => {
  it("adds the points the draft lacks, up to the limit", () => {
    expect(withSuggestedPoints(["Parking"], ["parking", "Repave the lot", "More spaces"], 2)).toEqual([
      "Parking",
      "Repave the lot",
    ]);
    expect(withSuggestedPoints(["a", "b", "c"], ["d"], 2)).toEqual(["a", "b", "c"]);
  });
});
