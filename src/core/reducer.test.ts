import { describe, expect, it } from "vitest";
import { blankWorkshop, boardProblems, NOW } from "../../test/support/workshops.js";
import { cardMapOf } from "./cardMap.js";
import type { DomainEvent } from "./events.js";
import type { Card, Theme, WorkshopState } from "./model.js";
import { reduce, reduceAll } from "./reducer.js";
import { UNDO_DEPTH } from "./undo.js";
import { blankContent, emptyWorkshop } from "./workshop.js";

function theme(id: string, cardIds: string[], fields: Partial<Theme> = {}): Theme {
  return { id, name: "", keyPoints: [], headline: "", narrative: "", cardIds, ...fields };
}

function card(id: string): Card {
  return { id, text: `Card ${id}` };
}

/** Columns t1 [a b c], t2 [d], t3 [] and the pile [e f]. */
function board(): WorkshopState {
  const state = blankWorkshop();
  return {
    ...state,
    phase: "cluster",
    cards: cardMapOf(Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((id) => [id, card(id)]))),
    themes: [theme("t1", ["a", "b", "c"]), theme("t2", ["d"]), theme("t3", [])],
    unclustered: ["e", "f"],
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function columns(state: WorkshopState): Record<string, string[]> {
  return {
    ...Object.fromEntries(state.themes.map((t) => [t.id, t.cardIds])),
    pile: state.unclustered,
  };
}

describe("reduce: creation", () => {
  it("workshopCreated installs the content and keeps the id the state already has", () => {
    const content = blankContent({ title: "Retreat", language: "fr" }, NOW);
    const state = reduce(emptyWorkshop("w-42"), { type: "workshopCreated", workshop: content });
    expect(state).toEqual({ id: "w-42", ...content, cards: cardMapOf(content.cards) });
  });
});

describe("reduce: cards", () => {
  it("cardAdded with a null place puts the card at the end of the unclustered pile", () => {
    const state = reduce(board(), { type: "cardAdded", card: card("g"), place: { themeId: null, index: 2 } });
    expect(state.cards.get("g")).toEqual(card("g"));
    expect(state.unclustered).toEqual(["e", "f", "g"]);
    expect(boardProblems(state)).toEqual([]);
  });

  it("cardAdded with a theme place puts the card in that column at that index", () => {
    const state = reduce(board(), { type: "cardAdded", card: card("g"), place: { themeId: "t1", index: 1 } });
    expect(columns(state)).toEqual({ t1: ["a", "g", "b", "c"], t2: ["d"], t3: [], pile: ["e", "f"] });
  });

  it("cardMoved within a column removes the card and reinserts it at the target index", () => {
    const state = reduce(board(), {
      type: "cardMoved",
      cardId: "a",
      from: { themeId: "t1", index: 0 },
      to: { themeId: "t1", index: 2 },
    });
    expect(state.themes[0]?.cardIds).toEqual(["b", "c", "a"]);
  });

  it("cardMoved between columns takes the card out of the source and into the target", () => {
    const state = reduce(board(), {
      type: "cardMoved",
      cardId: "e",
      from: { themeId: null, index: 0 },
      to: { themeId: "t2", index: 0 },
    });
    expect(columns(state)).toEqual({ t1: ["a", "b", "c"], t2: ["e", "d"], t3: [], pile: ["f"] });
    expect(boardProblems(state)).toEqual([]);
  });

  it("cardMoved from a column back to the pile", () => {
    const state = reduce(board(), {
      type: "cardMoved",
      cardId: "b",
      from: { themeId: "t1", index: 1 },
      to: { themeId: null, index: 1 },
    });
    expect(columns(state)).toEqual({ t1: ["a", "c"], t2: ["d"], t3: [], pile: ["e", "b", "f"] });
  });

  it("cardEdited changes only the text of that card", () => {
    const before = board();
    const state = reduce(before, { type: "cardEdited", cardId: "a", text: "New", previous: "Card a" });
    expect(state.cards.get("a")).toEqual({ id: "a", text: "New" });
    expect(state.cards.get("b")).toBe(before.cards.get("b"));
    expect(state.themes).toEqual(before.themes);
  });

  it("cardRemoved deletes the card and its place on the board", () => {
    const state = reduce(board(), { type: "cardRemoved", card: card("d"), place: { themeId: "t2", index: 0 } });
    expect(state.cards.get("d")).toBeUndefined();
    expect(state.themes[1]?.cardIds).toEqual([]);
    expect(boardProblems(state)).toEqual([]);
  });
});

describe("reduce: themes", () => {
  it("themeCreated inserts the column at its index", () => {
    const state = reduce(board(), { type: "themeCreated", theme: theme("t9", []), index: 1 });
    expect(state.themes.map((t) => t.id)).toEqual(["t1", "t9", "t2", "t3"]);
  });

  it("themeDeleted removes the column and returns its cards to the end of the pile, in order", () => {
    const before = board();
    const deleted = before.themes[0];
    if (!deleted) throw new Error("fixture");
    const state = reduce(before, { type: "themeDeleted", theme: deleted, index: 0, votes: [] });
    expect(state.themes.map((t) => t.id)).toEqual(["t2", "t3"]);
    expect(state.unclustered).toEqual(["e", "f", "a", "b", "c"]);
    expect([...state.cards.keys()].sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(boardProblems(state)).toEqual([]);
  });

  it("themesMerged appends the source cards after the target cards and removes the source", () => {
    const before = board();
    const source = before.themes[0];
    if (!source) throw new Error("fixture");
    const state = reduce(before, { type: "themesMerged", source, sourceIndex: 0, targetThemeId: "t2", votes: [] });
    expect(state.themes.map((t) => t.id)).toEqual(["t2", "t3"]);
    expect(state.themes[0]?.cardIds).toEqual(["d", "a", "b", "c"]);
    expect(boardProblems(state)).toEqual([]);
  });

  it("themeMoved moves the column from one index to another", () => {
    const forward = reduce(board(), { type: "themeMoved", themeId: "t1", from: 0, to: 2 });
    expect(forward.themes.map((t) => t.id)).toEqual(["t2", "t3", "t1"]);
    const back = reduce(board(), { type: "themeMoved", themeId: "t3", from: 2, to: 0 });
    expect(back.themes.map((t) => t.id)).toEqual(["t3", "t1", "t2"]);
  });

  it("themeNamed, keyPointsSet, headlineSet and narrativeSet change that one field of that theme", () => {
    const state = reduceAll(board(), [
      { type: "themeNamed", themeId: "t2", name: "Daylight", previous: "" },
      { type: "keyPointsSet", themeId: "t2", keyPoints: ["Windows", "Plants"], previous: [] },
      { type: "headlineSet", themeId: "t2", headline: "Bring the outside in", previous: "" },
      { type: "narrativeSet", themeId: "t2", narrative: "People asked for light.", previous: "" },
    ]);
    expect(state.themes[1]).toEqual(
      theme("t2", ["d"], {
        name: "Daylight",
        keyPoints: ["Windows", "Plants"],
        headline: "Bring the outside in",
        narrative: "People asked for light.",
      }),
    );
    expect(state.themes[0]).toEqual(board().themes[0]);
    expect(state.themes[2]).toEqual(board().themes[2]);
  });
});

describe("reduce: footnotes, participants, votes, context and settings", () => {
  it("footnoteSet appends a new mark and replaces an existing mark in place", () => {
    const state = reduceAll(board(), [
      { type: "footnoteSet", footnote: { mark: "1", text: "First" } },
      { type: "footnoteSet", footnote: { mark: "2", text: "Second" } },
      { type: "footnoteSet", footnote: { mark: "1", text: "Replaced" }, previous: { mark: "1", text: "First" } },
    ]);
    expect(state.footnotes).toEqual([
      { mark: "1", text: "Replaced" },
      { mark: "2", text: "Second" },
    ]);
  });

  it("footnoteRemoved removes only that mark", () => {
    const state = reduceAll(board(), [
      { type: "footnoteSet", footnote: { mark: "1", text: "First" } },
      { type: "footnoteSet", footnote: { mark: "2", text: "Second" } },
      { type: "footnoteRemoved", footnote: { mark: "1", text: "First" }, index: 0 },
    ]);
    expect(state.footnotes).toEqual([{ mark: "2", text: "Second" }]);
  });

  it("participantJoined registers a participant and a rejoin replaces the name and group", () => {
    const joined = reduce(board(), { type: "participantJoined", participant: { id: "p1", name: "Ana", group: "Ops" } });
    expect(joined.participants).toEqual({ p1: { id: "p1", name: "Ana", group: "Ops" } });
    const rejoined = reduce(joined, {
      type: "participantJoined",
      participant: { id: "p1", name: "Ana B." },
      previous: { id: "p1", name: "Ana", group: "Ops" },
    });
    expect(rejoined.participants).toEqual({ p1: { id: "p1", name: "Ana B." } });
  });

  it("voteCast records a vote, replaces that voter's count on that theme, and count 0 removes it", () => {
    const first = reduce(board(), { type: "voteCast", vote: { voterId: "p1", themeId: "t1", count: 2 }, previous: 0 });
    const other = reduce(first, { type: "voteCast", vote: { voterId: "p2", themeId: "t1", count: 1 }, previous: 0 });
    expect(other.votes).toHaveLength(2);
    const changed = reduce(other, { type: "voteCast", vote: { voterId: "p1", themeId: "t1", count: 3 }, previous: 2 });
    expect(changed.votes).toEqual(
      expect.arrayContaining([
        { voterId: "p1", themeId: "t1", count: 3 },
        { voterId: "p2", themeId: "t1", count: 1 },
      ]),
    );
    expect(changed.votes).toHaveLength(2);
    const removed = reduce(changed, {
      type: "voteCast",
      vote: { voterId: "p1", themeId: "t1", count: 0 },
      previous: 3,
    });
    expect(removed.votes).toEqual([{ voterId: "p2", themeId: "t1", count: 1 }]);
  });

  it("contextUpdated and settingsUpdated merge the patch and keep the other fields", () => {
    const before = board();
    const state = reduceAll(before, [
      { type: "contextUpdated", patch: { title: "New title", goal: "Agree" }, previous: { title: "Team retreat" } },
      { type: "settingsUpdated", patch: { voteBudget: 5 }, previous: { voteBudget: 3 } },
      { type: "phaseChanged", phase: "name", previous: "cluster" },
    ]);
    expect(state.context).toEqual({ ...before.context, title: "New title", goal: "Agree" });
    expect(state.settings).toEqual({ ...before.settings, voteBudget: 5 });
    expect(state.phase).toBe("name");
  });
});

describe("reduce: undo stack", () => {
  it("keeps the newest UNDO_DEPTH steps, oldest first, and leaves the stack it was given as it was", () => {
    let state = blankWorkshop();
    const added = Array.from({ length: UNDO_DEPTH + 20 }, (_, at) => card(`c${at}`));
    for (const each of added) state = reduce(state, { type: "cardAdded", card: each, place: null });
    const before = state.undoStack;
    const after = reduce(state, { type: "cardAdded", card: card("last"), place: null });
    expect(state.undoStack).toBe(before);
    expect(before).toHaveLength(UNDO_DEPTH);
    expect(after.undoStack).toHaveLength(UNDO_DEPTH);
    expect(after.undoStack[0]?.inverse).toEqual([{ type: "removeCard", cardId: "c21" }]);
    expect(after.undoStack.at(-1)?.inverse).toEqual([{ type: "removeCard", cardId: "last" }]);
  });
});

describe("reduce: purity", () => {
  it("never mutates the state it is given, whatever the event", () => {
    const base = board();
    const t1 = base.themes[0];
    if (!t1) throw new Error("fixture");
    const before = deepFreeze({
      ...base,
      footnotes: [{ mark: "1", text: "First" }],
      votes: [{ voterId: "p1", themeId: "t1", count: 2 }],
      participants: { p1: { id: "p1", name: "Ana" } },
    });
    const copy = structuredClone(before);
    const events: DomainEvent[] = [
      { type: "contextUpdated", patch: { title: "X" }, previous: { title: "Team retreat" } },
      { type: "settingsUpdated", patch: { cardMaxLength: 50 }, previous: { cardMaxLength: 140 } },
      { type: "phaseChanged", phase: "name", previous: "cluster" },
      { type: "participantJoined", participant: { id: "p1", name: "Ana B." }, previous: { id: "p1", name: "Ana" } },
      { type: "cardAdded", card: card("g"), place: { themeId: "t1", index: 0 } },
      { type: "cardEdited", cardId: "a", text: "Edited", previous: "Card a" },
      { type: "cardRemoved", card: card("d"), place: { themeId: "t2", index: 0 } },
      { type: "cardMoved", cardId: "e", from: { themeId: null, index: 0 }, to: { themeId: "t2", index: 1 } },
      { type: "cardMoved", cardId: "a", from: { themeId: "t1", index: 0 }, to: { themeId: "t1", index: 2 } },
      { type: "themeCreated", theme: theme("t9", []), index: 0 },
      { type: "themeDeleted", theme: t1, index: 0, votes: [] },
      { type: "themesMerged", source: t1, sourceIndex: 0, targetThemeId: "t2", votes: [] },
      { type: "themeMoved", themeId: "t1", from: 0, to: 2 },
      { type: "themeNamed", themeId: "t1", name: "X", previous: "" },
      { type: "keyPointsSet", themeId: "t1", keyPoints: ["k"], previous: [] },
      { type: "headlineSet", themeId: "t1", headline: "H", previous: "" },
      { type: "narrativeSet", themeId: "t1", narrative: "N", previous: "" },
      { type: "footnoteSet", footnote: { mark: "1", text: "Replaced" }, previous: { mark: "1", text: "First" } },
      { type: "footnoteSet", footnote: { mark: "2", text: "New" } },
      { type: "footnoteRemoved", footnote: { mark: "1", text: "First" }, index: 0 },
      { type: "voteCast", vote: { voterId: "p1", themeId: "t1", count: 3 }, previous: 2 },
      { type: "voteCast", vote: { voterId: "p1", themeId: "t1", count: 0 }, previous: 2 },
    ];
    // A frozen state makes any in-place write throw, and the copy catches anything else.
    for (const event of events) expect(() => reduce(before, event), event.type).not.toThrow();
    expect(before).toEqual(copy);
  });
});
