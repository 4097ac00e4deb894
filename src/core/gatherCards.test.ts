import { describe, expect, it } from "vitest";
import { blankWorkshop, boardProblems, FACILITATOR, play } from "../../test/support/workshops.js";
import { decide } from "./decide.js";
import type { WorkshopState } from "./model.js";

/** Columns t1 [a b c] and t2 [d], the pile [e f g]; cluster phase. */
function board(): WorkshopState {
  let state = play(blankWorkshop(), FACILITATOR, { type: "setPhase", phase: "brainstorm" });
  for (const themeId of ["t1", "t2"]) state = play(state, FACILITATOR, { type: "createTheme", themeId });
  for (const [cardId, themeId] of [
    ["a", "t1"],
    ["b", "t1"],
    ["c", "t1"],
    ["d", "t2"],
    ["e", undefined],
    ["f", undefined],
    ["g", undefined],
  ] as const)
    state = play(state, FACILITATOR, {
      type: "addCard",
      cardId,
      text: `Card ${cardId}`,
      ...(themeId ? { themeId } : {}),
    });
  return play(state, FACILITATOR, { type: "setPhase", phase: "cluster" });
}

const lanes = (state: WorkshopState) => ({
  ...Object.fromEntries(state.themes.map((theme) => [theme.id, theme.cardIds])),
  pile: state.unclustered,
});

describe("a new column that gathers cards (an accepted suggestion)", () => {
  it("takes the cards from wherever they are, in the order given, as one step", () => {
    const before = board();
    const after = play(before, FACILITATOR, { type: "createTheme", themeId: "n", cardIds: ["f", "b", "e", "d"] });
    expect(lanes(after)).toEqual({ t1: ["a", "c"], t2: [], n: ["f", "b", "e", "d"], pile: ["g"] });
    expect(boardProblems(after)).toEqual([]);
    expect(after.undoStack.length - before.undoStack.length).toBe(1);
  });

  it("is undone in one step, back to the exact earlier board", () => {
    const before = board();
    const after = play(before, FACILITATOR, { type: "createTheme", themeId: "n", cardIds: ["f", "b", "e", "a", "g"] });
    const undone = play(after, FACILITATOR, { type: "undo" });
    expect(lanes(undone)).toEqual(lanes(before));
    expect(undone.themes.map((theme) => theme.id)).toEqual(["t1", "t2"]);
    expect(boardProblems(undone)).toEqual([]);
  });

  it("refuses a card listed twice or not on the board, and changes nothing", () => {
    const state = board();
    const twice = decide(state, { type: "createTheme", themeId: "n", cardIds: ["e", "e"] }, FACILITATOR);
    expect(twice.ok ? "accepted" : twice.error.code).toBe("invalid");
    const missing = decide(state, { type: "createTheme", themeId: "n", cardIds: ["e", "zz"] }, FACILITATOR);
    expect(missing.ok ? "accepted" : missing.error.code).toBe("not_found");
  });
});
