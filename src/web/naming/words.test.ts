import { describe, expect, it } from "vitest";
import { blankWorkshop } from "../../../test/support/workshops.js";
import type { Theme, WorkshopState } from "../../core/index.js";
import { columnOnScreen, countWords, nameAdvice, namingOrder, nextColumn } from "./words.js";

const column = (id: string, cards: number, name = ""): Theme => ({
  id,
  name,
  keyPoints: [],
  headline: "",
  narrative: "",
  cardIds: Array.from({ length: cards }, (_, index) => `${id}-c${index}`),
});

/** A board of four columns: a [2 cards], b [5], c [2, named], d [5]. */
function board(spotlightThemeId?: string): WorkshopState {
  return {
    ...blankWorkshop(),
    phase: "name",
    themes: [column("a", 2), column("b", 5), column("c", 2, "Already named here"), column("d", 5)],
    ...(spotlightThemeId ? { spotlightThemeId } : {}),
  };
}

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   ", 0],
    ["Empower all to embrace career development", 6],
    ["Make evidence-based case for career development", 6],
    ["Clarify, unify and elevate the profession", 6],
    ["Universal access to CDP's", 4],
    ["Co-create & empower — our community", 4],
    ["Rendre l’orientation accessible à toutes et à tous", 8],
    ["  spaces\tand\nnew lines  ", 4],
  ])("%j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe("nameAdvice", () => {
  it("advises three to seven words, and says so outside them without refusing anything", () => {
    expect(nameAdvice("")).toBe("empty");
    expect(nameAdvice("Two words")).toBe("short");
    expect(nameAdvice("Three small words")).toBe("good");
    expect(nameAdvice("one two three four five six seven")).toBe("good");
    expect(nameAdvice("one two three four five six seven eight")).toBe("long");
  });
});

describe("naming order", () => {
  it("leads through the columns largest first, equal ones in board order", () => {
    expect(namingOrder(board()).map((theme) => theme.id)).toEqual(["b", "d", "a", "c"]);
  });

  it("the column on screen is the spotlit one, else the largest unnamed one", () => {
    expect(columnOnScreen(board())?.id).toBe("b");
    expect(columnOnScreen(board("c"))?.id).toBe("c");
    // A spotlight on a column that was merged away falls back to the flow.
    expect(columnOnScreen(board("gone"))?.id).toBe("b");
    const allNamed = { ...board(), themes: board().themes.map((theme) => ({ ...theme, name: "A fine name" })) };
    expect(columnOnScreen(allNamed)?.id).toBe("b");
    expect(columnOnScreen({ ...board(), themes: [] })).toBeUndefined();
  });

  it("the next column is the next unnamed one in naming order, or the next one, or none at the end", () => {
    expect(nextColumn(board(), "b")?.id).toBe("d");
    expect(nextColumn(board(), "d")?.id).toBe("a");
    // c is named: after a comes nothing unnamed, so the next one in order.
    expect(nextColumn(board(), "a")?.id).toBe("c");
    expect(nextColumn(board(), "c")).toBeUndefined();
  });
});
