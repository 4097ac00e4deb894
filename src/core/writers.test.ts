import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, NOW, participant, play } from "../../test/support/workshops.js";
import { decide } from "./decide.js";
import type { WorkshopState } from "./model.js";

const ana = participant("p-ana");

/** Resolve phase: columns t1 and t2, Ana joined (not invited), t1's narrative two sentences long. */
function resolving(): WorkshopState {
  let state = play(blankWorkshop(), FACILITATOR, { type: "setPhase", phase: "cluster" });
  state = play(state, ana, { type: "joinWorkshop", name: "Ana", group: "Ops" });
  return play(
    state,
    FACILITATOR,
    { type: "createTheme", themeId: "t1" },
    { type: "createTheme", themeId: "t2" },
    { type: "setPhase", phase: "resolve" },
    { type: "setNarrative", themeId: "t1", narrative: "First sentence. Second sentence." },
  );
}

describe("the column on screen (spotlightTheme)", () => {
  it("puts a column on screen, moves it, and takes it down, none of which the board's undo takes back", () => {
    let state = play(resolving(), FACILITATOR, { type: "setPhase", phase: "name" });
    const undoDepth = state.undoStack.length;
    state = play(state, FACILITATOR, { type: "spotlightTheme", themeId: "t1" });
    expect(state.spotlightThemeId).toBe("t1");
    state = play(state, FACILITATOR, { type: "spotlightTheme", themeId: "t2" });
    expect(state.spotlightThemeId).toBe("t2");
    state = play(state, FACILITATOR, { type: "spotlightTheme", themeId: null });
    expect("spotlightThemeId" in state).toBe(false);
    expect(state.undoStack).toHaveLength(undoDepth);
  });

  it("refuses a column that does not exist and does nothing for the column already on screen", () => {
    const state = play(resolving(), FACILITATOR, { type: "spotlightTheme", themeId: "t1" });
    const missing = decide(state, { type: "spotlightTheme", themeId: "nope" }, FACILITATOR, NOW);
    expect(missing.ok ? "accepted" : missing.error.code).toBe("not_found");
    expect(decide(state, { type: "spotlightTheme", themeId: "t1" }, FACILITATOR, NOW)).toEqual({ ok: true, value: [] });
  });
});

describe("invited writers (setWriter)", () => {
  it("an invited participant's narrative edit merges with the facilitator's edit of another sentence", () => {
    let state = play(resolving(), FACILITATOR, { type: "setWriter", participantId: ana.id, writer: true });
    const base = "First sentence. Second sentence.";
    state = play(state, FACILITATOR, {
      type: "setNarrative",
      themeId: "t1",
      narrative: "The first sentence. Second sentence.",
      base,
    });
    state = play(state, ana, {
      type: "setNarrative",
      themeId: "t1",
      narrative: "First sentence. Second sentence, rewritten.",
      base,
    });
    expect(state.themes[0]?.narrative).toBe("The first sentence. Second sentence, rewritten.");
  });

  it("an invitation survives the participant changing name or table, and can be taken back", () => {
    let state = play(resolving(), FACILITATOR, { type: "setWriter", participantId: ana.id, writer: true });
    state = play(state, ana, { type: "joinWorkshop", name: "Ana B.", group: "Ops" });
    expect(state.participants[ana.id]).toEqual({ id: ana.id, name: "Ana B.", group: "Ops", writer: true });
    state = play(state, FACILITATOR, { type: "setWriter", participantId: ana.id, writer: false });
    expect(state.participants[ana.id]).toEqual({ id: ana.id, name: "Ana B.", group: "Ops" });
    const refused = decide(state, { type: "setHeadline", themeId: "t1", headline: "Mine" }, ana, NOW);
    expect(refused.ok ? "accepted" : refused.error.code).toBe("forbidden");
  });

  it("refuses to invite someone who has not joined", () => {
    const result = decide(resolving(), { type: "setWriter", participantId: "nobody", writer: true }, FACILITATOR, NOW);
    expect(result.ok ? "accepted" : result.error.code).toBe("not_found");
  });
});
