import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, play } from "../../../test/support/workshops.js";
import type { WorkshopState } from "../../core/index.js";
import { boardContainers, columnDragId, PILE_ID } from "./boardModel.js";
import { steadyArray, steadyCardLists, steadyExtras } from "./steadyLists.js";

/** Cluster phase: t1 [a b], t2 [c], t3 [d] and the pile [e]. */
function board(): WorkshopState {
  let state = play(blankWorkshop(), FACILITATOR, { type: "setPhase", phase: "brainstorm" });
  for (const themeId of ["t1", "t2", "t3"]) state = play(state, FACILITATOR, { type: "createTheme", themeId });
  const place: Record<string, string | undefined> = { a: "t1", b: "t1", c: "t2", d: "t3", e: undefined };
  for (const [cardId, themeId] of Object.entries(place)) {
    state = play(state, FACILITATOR, {
      type: "addCard",
      cardId,
      text: `Card ${cardId}`,
      ...(themeId ? { themeId } : {}),
    });
  }
  return play(state, FACILITATOR, { type: "setPhase", phase: "cluster" });
}

const listsOf = (state: WorkshopState, previous = {}) => steadyCardLists(previous, boardContainers(state), state.cards);

describe("steady card lists", () => {
  it("keeps every list a move did not touch, and gives the two it touched new arrays", () => {
    const before = board();
    const first = listsOf(before);
    const after = play(before, FACILITATOR, { type: "moveCard", cardId: "a", toThemeId: "t2", toIndex: 0 });
    const second = listsOf(after, first);
    expect(second[columnDragId("t1")]?.map((card) => card.id)).toEqual(["b"]);
    expect(second[columnDragId("t2")]?.map((card) => card.id)).toEqual(["a", "c"]);
    expect(second[columnDragId("t1")]).not.toBe(first[columnDragId("t1")]);
    expect(second[columnDragId("t2")]).not.toBe(first[columnDragId("t2")]);
    expect(second[columnDragId("t3")]).toBe(first[columnDragId("t3")]);
    expect(second[PILE_ID]).toBe(first[PILE_ID]);
  });

  it("gives a new list when a card in it was edited, though its ids did not change", () => {
    const before = board();
    const first = listsOf(before);
    const after = play(before, FACILITATOR, { type: "editCard", cardId: "d", text: "Card d, clearer" });
    const second = listsOf(after, first);
    expect(second[columnDragId("t3")]).not.toBe(first[columnDragId("t3")]);
    expect(second[columnDragId("t3")]?.[0]?.text).toBe("Card d, clearer");
    expect(second[columnDragId("t1")]).toBe(first[columnDragId("t1")]);
  });

  it("keeps an array whose items are the same, and takes one whose items differ", () => {
    const previous = ["column:a", "column:b"];
    expect(steadyArray(previous, ["column:a", "column:b"])).toBe(previous);
    const reordered = ["column:b", "column:a"];
    expect(steadyArray(previous, reordered)).toBe(reordered);
    expect(steadyArray(undefined, reordered)).toBe(reordered);
  });

  it("keeps each list's extras while every card shows the same thing, and none where nothing shows", () => {
    const state = board();
    const lists = listsOf(state);
    const hints = new Map([
      ["a", { hint: "fits t2" }],
      ["e", { hint: "fits t1" }],
    ]);
    const extra = (card: { id: string }) => hints.get(card.id) ?? null;
    const shows = (item: unknown) => item !== null;
    const first = steadyExtras({}, lists, extra, shows);
    expect(first[columnDragId("t1")]).toEqual([{ hint: "fits t2" }, null]);
    expect(first[columnDragId("t2")]).toBeUndefined();
    const second = steadyExtras(first, lists, extra, shows);
    expect(second[columnDragId("t1")]).toBe(first[columnDragId("t1")]);
    expect(second[PILE_ID]).toBe(first[PILE_ID]);
    hints.set("e", { hint: "fits t3" });
    const third = steadyExtras(second, lists, extra, shows);
    expect(third[PILE_ID]).not.toBe(second[PILE_ID]);
    expect(third[columnDragId("t1")]).toBe(first[columnDragId("t1")]);
  });
});
