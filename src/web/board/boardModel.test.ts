import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, play } from "../../../test/support/workshops.js";
import type { WorkshopState } from "../../core/index.js";
import {
  boardContainers,
  columnDragId,
  footnotesOf,
  moveCommand,
  nextFreeMark,
  PILE_ID,
  placeCard,
  splitMarks,
  withoutMark,
} from "./boardModel.js";

/** Cluster phase: t1 [a b c], t2 [d], t3 [] and the pile [e f]. */
function board(): WorkshopState {
  let state = play(blankWorkshop(), FACILITATOR, { type: "setPhase", phase: "brainstorm" });
  for (const themeId of ["t1", "t2", "t3"]) state = play(state, FACILITATOR, { type: "createTheme", themeId });
  const place: Record<string, string | undefined> = { a: "t1", b: "t1", c: "t1", d: "t2", e: undefined, f: undefined };
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

describe("board model", () => {
  it("shows the pile and every column, without cards that wait for their round", () => {
    const state = board();
    const hidden = { ...state, cards: state.cards.set("e", { id: "e", text: "Card e", stage: "submitted" as const }) };
    expect(boardContainers(hidden)).toEqual({
      [PILE_ID]: ["f"],
      [columnDragId("t1")]: ["a", "b", "c"],
      [columnDragId("t2")]: ["d"],
      [columnDragId("t3")]: [],
    });
  });

  it("the optimistic placement of a drop is exactly what the server makes of its moveCard", () => {
    const containerIds = [PILE_ID, ...["t1", "t2", "t3"].map(columnDragId)];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.constantFrom(...containerIds), fc.nat(7)), {
          maxLength: 12,
        }),
        (drops) => {
          let state = board();
          for (const [cardId, to, index] of drops) {
            const optimistic = placeCard(boardContainers(state), cardId, to, index);
            const command = moveCommand(optimistic, cardId);
            if (!command) throw new Error("a placed card has a move");
            state = play(state, FACILITATOR, command);
            expect(boardContainers(state)).toEqual(optimistic);
          }
        },
      ),
    );
  });

  it("finds footnote marks, longest first, and raises them out of the text", () => {
    const footnotes = [
      { mark: "*", text: "one" },
      { mark: "**", text: "two" },
    ];
    expect(footnotesOf("Open till 9pm**", footnotes).map((footnote) => footnote.mark)).toEqual(["**"]);
    expect(footnotesOf("Both* and**", footnotes).map((footnote) => footnote.mark)).toEqual(["**", "*"]);
    expect(splitMarks("Sunday* hours", ["*"])).toEqual([
      { text: "Sunday", mark: false },
      { text: "*", mark: true },
      { text: " hours", mark: false },
    ]);
    expect(withoutMark("Open till 9pm *", "*")).toBe("Open till 9pm");
    expect(nextFreeMark(footnotes)).toBe("***");
  });
});
