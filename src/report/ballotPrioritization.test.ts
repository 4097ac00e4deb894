import { describe, expect, it } from "vitest";
import { type BallotsDocument, documentResults } from "../core/index.js";
import { buildBallotPrioritization } from "./ballotPrioritization.js";

const OPTIONS = [
  { id: "a", name: "Alpha" },
  { id: "b", name: "Beta" },
  { id: "c", name: "Gamma" },
];

/** Ballots from a list of rankings, one voter each, all in one group. */
function ballots(method: "irv" | "borda", rankings: string[][]): BallotsDocument {
  return {
    format: "ballots/v1",
    method,
    options: OPTIONS,
    ballots: rankings.map((ranking, index) => ({ voter: `v${index}`, group: "Members", ranking })),
  };
}

// Round 1: a 2, b 2, c 1 → c out; round 2: a 3, b 2 → a wins with 3 of 5 ballots.
const RANKINGS = [["a"], ["a"], ["b"], ["b"], ["c", "a"]];

describe("buildBallotPrioritization", () => {
  it("gives a run-off's themes their share of the ballots: last-round votes of different rounds do not add up", () => {
    const section = buildBallotPrioritization(documentResults(ballots("irv", RANKINGS), 3), "en");
    expect(section.overall.rows.map(({ name, votes, share }) => ({ name, votes, share }))).toEqual([
      { name: "Alpha", votes: 3, share: 3 / 5 },
      { name: "Beta", votes: 2, share: 2 / 5 },
      { name: "Gamma", votes: 1, share: 1 / 5 },
    ]);
  });

  it("gives Borda points their share of all points", () => {
    const section = buildBallotPrioritization(documentResults(ballots("borda", RANKINGS), 3), "en");
    // Points: a 2+2+1 = 5, b 2+2 = 4, c 2: of 11.
    expect(section.overall.rows.map(({ votes, share }) => ({ votes, share }))).toEqual([
      { votes: 5, share: 5 / 11 },
      { votes: 4, share: 4 / 11 },
      { votes: 2, share: 2 / 11 },
    ]);
  });
});
