import { describe, expect, it } from "vitest";
import { ana, attempt, board, brainstorm, columns, refusal, toPhase } from "../../test/support/decideBoards.js";
import { boardProblems, eventsFor, FACILITATOR, NOW, play } from "../../test/support/workshops.js";
import type { Command } from "./commands.js";
import { decide } from "./decide.js";
import type { WorkshopState } from "./model.js";
import { reduceAll } from "./reducer.js";

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
    expect(state.cards.size).toBe(6);
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
 * members of Object.prototype that a plain `state.cards.get(id)` lookup finds.
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
    const added = state.cards.get("a1");
    state = play(state, ana, { type: "removeCard", cardId: "a1" });
    state = play(state, FACILITATOR, { type: "undo" });
    expect(state.cards.get("a1")).toEqual(added);
    expect(attempt(state, ana, { type: "editCard", cardId: "a1", text: "Mine, edited" }).ok).toBe(true);
  });

  it("an updateContext that changes nothing gives no events, so it leaves no empty step for undo", () => {
    const state = board();
    expect(eventsFor(state, FACILITATOR, { type: "updateContext", patch: {} })).toEqual([]);
    expect(eventsFor(state, FACILITATOR, { type: "updateContext", patch: { title: state.context.title } })).toEqual([]);
  });
});
