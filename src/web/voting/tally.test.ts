import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, participant, play } from "../../../test/support/workshops.js";
import type { WorkshopState } from "../../core/index.js";
import { dotsLeft, ranked, tallyVotes } from "./tally.js";

const ana = participant("p-ana");
const ben = participant("p-ben");
const cy = participant("p-cy");
const dee = participant("p-dee");

/**
 * Prioritize with voting open, columns t1 "Access" and t2 "Data", tables T1 and T2, groups
 * "Board" and "Staff" listed in that order. Ana (Staff, T1), Ben (Board, T2), Cy (Staff, no
 * table) and Dee (no group, T1) vote; a show of hands is recorded for the back row.
 */
function voted(): WorkshopState {
  let state = play(
    blankWorkshop(),
    FACILITATOR,
    { type: "updateContext", patch: { participantGroups: ["Board", "Staff"] } },
    { type: "addTable", tableId: "T1", name: "Table one" },
    { type: "addTable", tableId: "T2", name: "Table two" },
    { type: "setPhase", phase: "cluster" },
    { type: "createTheme", themeId: "t1", name: "Access" },
    { type: "createTheme", themeId: "t2", name: "Data" },
    { type: "setPhase", phase: "prioritize" },
    // Groups of one or two, shown so the order and sums read plainly; the threshold has its own tests.
    { type: "updateSettings", patch: { voteBudget: 4, votesPerThemeCap: 3, useTables: true, minVotersPerGroup: 1 } },
    { type: "openVoting" },
  );
  state = play(state, ana, { type: "joinWorkshop", name: "Ana", group: "Staff", tableId: "T1" });
  state = play(state, ben, { type: "joinWorkshop", name: "Ben", group: "Board", tableId: "T2" });
  state = play(state, cy, { type: "joinWorkshop", name: "Cy", group: "Staff" });
  state = play(state, dee, { type: "joinWorkshop", name: "Dee", tableId: "T1" });
  state = play(
    state,
    ana,
    { type: "castVote", themeId: "t1", count: 3 },
    { type: "castVote", themeId: "t2", count: 1 },
  );
  state = play(state, ben, { type: "castVote", themeId: "t2", count: 2 });
  state = play(state, cy, { type: "castVote", themeId: "t2", count: 1 });
  state = play(state, dee, { type: "castVote", themeId: "t1", count: 1 });
  return play(
    state,
    FACILITATOR,
    { type: "recordVotes", voterLabel: "Back row", themeId: "t1", count: 5 },
    { type: "recordVotes", voterLabel: "Back row", themeId: "t2", count: 2 },
  );
}

const totals = (rows: { themeId: string; direct: number; proxy: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.themeId, [row.direct, row.proxy]]));

describe("tallyVotes", () => {
  it("counts every dot overall, keeping the show of hands apart from the dots cast on devices", () => {
    const { overall } = tallyVotes(voted());
    expect(totals(overall.rows)).toEqual({ t1: [4, 5], t2: [4, 2] });
    expect(overall).toMatchObject({ kind: "overall", dots: 15, voters: 5 });
    expect(ranked(overall.rows).map((row) => [row.name, row.total])).toEqual([
      ["Access", 9],
      ["Data", 6],
    ]);
  });

  it("breaks the dots down by participant group in the context's order, no group next, shows of hands last", () => {
    const { byGroup } = tallyVotes(voted());
    expect(byGroup.map((tally) => [tally.kind, tally.label, totals(tally.rows), tally.voters])).toEqual([
      ["group", "Board", { t1: [0, 0], t2: [2, 0] }, 1],
      ["group", "Staff", { t1: [3, 0], t2: [2, 0] }, 2],
      ["group", null, { t1: [1, 0], t2: [0, 0] }, 1],
      ["showOfHands", "Back row", { t1: [0, 5], t2: [0, 2] }, 1],
    ]);
  });

  it("breaks the dots down by table in the facilitator's order, people at no table next", () => {
    const { byTable } = tallyVotes(voted());
    expect(byTable.map((tally) => [tally.label, totals(tally.rows), tally.dots])).toEqual([
      ["Table one", { t1: [4, 0], t2: [1, 0] }, 5],
      ["Table two", { t1: [0, 0], t2: [2, 0] }, 2],
      [null, { t1: [0, 0], t2: [1, 0] }, 1],
      ["Back row", { t1: [0, 5], t2: [0, 2] }, 7],
    ]);
  });

  it("has no table breakdown when the workshop does not use tables, or has none", () => {
    const state = voted();
    const off = tallyVotes({ ...state, settings: { ...state.settings, useTables: false } });
    expect(off.byTable).toEqual([]);
    expect(off.byGroup).toHaveLength(4);
    expect(tallyVotes({ ...state, tables: [] }).byTable).toEqual([]);
  });

  it("leaves out dots on a theme that was deleted, and tallies an empty vote as zeros", () => {
    const state = voted();
    const withoutData = { ...state, themes: state.themes.filter((theme) => theme.id !== "t1") };
    expect(tallyVotes(withoutData).overall.dots).toBe(6);
    const empty = tallyVotes({ ...state, votes: [] });
    expect(empty.overall.dots).toBe(0);
    expect(empty.byGroup).toEqual([]);
    expect(empty.byTable).toEqual([]);
  });
});

describe("tallyVotes at the default threshold of 3 voters", () => {
  const atDefault = (state: WorkshopState) => ({ ...state, settings: { ...state.settings, minVotersPerGroup: 3 } });

  it("shows no group or table of 1 or 2 voters, and no other row that is the whole room", () => {
    const results = tallyVotes(atDefault(voted()));
    expect(results.byGroup.map((tally) => tally.kind)).toEqual(["showOfHands"]);
    expect(results.byTable.map((tally) => tally.kind)).toEqual(["showOfHands"]);
    expect(results.overall.dots).toBe(15);
  });

  it("shows a group of 3 and puts the smaller ones, with enough voters between them, in the other row", () => {
    let state = voted();
    const eve = participant("p-eve");
    const fay = participant("p-fay");
    state = play(state, eve, { type: "joinWorkshop", name: "Eve", group: "Staff", tableId: "T2" });
    state = play(state, eve, { type: "castVote", themeId: "t1", count: 1 });
    state = play(state, fay, { type: "joinWorkshop", name: "Fay", tableId: "T2" });
    state = play(state, fay, { type: "castVote", themeId: "t1", count: 2 });
    const { byGroup, byTable, overall } = tallyVotes(atDefault(state));
    expect(byGroup.map((tally) => [tally.kind, tally.label, totals(tally.rows), tally.voters])).toEqual([
      ["group", "Staff", { t1: [4, 0], t2: [2, 0] }, 3],
      ["otherGroups", null, { t1: [3, 0], t2: [2, 0] }, 3],
      ["showOfHands", "Back row", { t1: [0, 5], t2: [0, 2] }, 1],
    ]);
    expect(byTable.map((tally) => [tally.kind, tally.label, tally.voters])).toEqual([
      ["table", "Table two", 3],
      ["otherTables", null, 3],
      ["showOfHands", "Back row", 1],
    ]);
    expect(overall.dots).toBe(18);
  });
});

describe("dotsLeft", () => {
  it("is the budget minus the dots a voter placed", () => {
    const state = voted();
    expect(dotsLeft(state, ana.id)).toBe(0);
    expect(dotsLeft(state, ben.id)).toBe(2);
    expect(dotsLeft(state, "nobody")).toBe(4);
  });
});
