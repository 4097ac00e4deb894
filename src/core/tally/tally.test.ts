import { describe, expect, it } from "vitest";
import type { BallotsDocument } from "./schema.js";
import { tallyBallots } from "./tally.js";

const OPTIONS = ["a", "b", "c"].map((id) => ({ id, name: id.toUpperCase() }));

describe("tallyBallots", () => {
  it("counts every ballot, then each group's alone, groups in the order of their first ballot", () => {
    const doc: BallotsDocument = {
      format: "ballots/v1",
      method: "dots",
      options: OPTIONS,
      ballots: [
        { voter: "v1", group: "Members", dots: { a: 3 } },
        { voter: "v2", group: "Employers", dots: { b: 2, c: 1 } },
        { voter: "v3", group: "Members", dots: { c: 2 } },
      ],
    };
    const report = tallyBallots(doc);
    expect(Object.keys(report)).toEqual(["method", "ballots", "results", "byGroup"]);
    expect(report.ballots).toBe(3);
    expect(report.results.map((result) => [result.id, result.score, result.rank])).toEqual([
      ["a", 3, 1],
      ["c", 3, 1],
      ["b", 2, 3],
    ]);
    expect(Object.keys(report.byGroup)).toEqual(["Members", "Employers"]);
    expect(report.byGroup.Members?.ballots).toBe(2);
    expect(report.byGroup.Members?.results.map((result) => [result.id, result.score, result.rank])).toEqual([
      ["a", 3, 1],
      ["c", 2, 2],
      ["b", 0, 3],
    ]);
    expect(report.byGroup.Employers?.results.map((result) => result.id)).toEqual(["b", "c", "a"]);
  });

  it("gives an instant run-off its winner and rounds, overall and in each group, after the results", () => {
    const doc: BallotsDocument = {
      format: "ballots/v1",
      method: "irv",
      options: OPTIONS,
      ballots: [
        { voter: "v1", group: "Members", ranking: ["a", "b"] },
        { voter: "v2", group: "Educators", ranking: ["b"] },
        { voter: "v3", group: "Members", ranking: ["c", "b"] },
      ],
    };
    const report = tallyBallots(doc);
    expect(Object.keys(report)).toEqual(["method", "ballots", "results", "byGroup", "winner", "rounds"]);
    // 1 each of 3; Borda (m = 3): a 2, b 1 + 2 + 1 = 4, c 2: a and c tie, c is listed last. Then b 2 of 3.
    expect(report.rounds).toEqual([
      { counts: { a: 1, b: 1, c: 1 }, eliminated: "c" },
      { counts: { a: 1, b: 2 }, winner: "b" },
    ]);
    expect(report.winner).toBe("b");
    expect(report.byGroup.Educators).toEqual({
      ballots: 1,
      results: [
        { id: "b", name: "B", score: 1, rank: 1 },
        { id: "a", name: "A", score: 0, rank: 2 },
        { id: "c", name: "C", score: 0, rank: 3 },
      ],
      winner: "b",
      rounds: [{ counts: { a: 0, b: 1, c: 0 }, winner: "b" }],
    });
    // Members: [a, b] and [c, b]. b has no first place and goes; a and c tie on votes and Borda (2 each),
    // c is listed last; then [c, b] is exhausted and a has 1 of 1.
    expect(report.byGroup.Members?.rounds).toEqual([
      { counts: { a: 1, b: 0, c: 1 }, eliminated: "b" },
      { counts: { a: 1, c: 1 }, eliminated: "c" },
      { counts: { a: 1 }, winner: "a" },
    ]);
  });
});
