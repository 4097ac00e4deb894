import { describe, expect, it } from "vitest";
import { countDots } from "./dots.js";

type Ballot = { dots: Record<string, number> };
const OPTIONS = [
  { id: "a", name: "Apprenticeships" },
  { id: "b", name: "Benefits" },
  { id: "c", name: "Childcare" },
  { id: "d", name: "Digital skills" },
];

describe("countDots", () => {
  it("scores each option with the sum of its dots, equal sums sharing a rank in the options' order (1, 1, 3, 4)", () => {
    const ballots: Ballot[] = [{ dots: { b: 1, a: 2 } }, { dots: { b: 2, c: 1 } }, { dots: { a: 1, d: 0 } }];
    expect(countDots(OPTIONS, ballots).results).toEqual([
      { id: "a", name: "Apprenticeships", score: 3, rank: 1 },
      { id: "b", name: "Benefits", score: 3, rank: 1 },
      { id: "c", name: "Childcare", score: 1, rank: 3 },
      { id: "d", name: "Digital skills", score: 0, rank: 4 },
    ]);
  });

  it("ranks a later-listed option above an earlier one when it has more dots, and ties below a leader share rank 2", () => {
    const ballots: Ballot[] = [{ dots: { d: 5, c: 2 } }, { dots: { b: 2 } }];
    expect(countDots(OPTIONS, ballots).results.map((result) => [result.id, result.score, result.rank])).toEqual([
      ["d", 5, 1],
      ["b", 2, 2],
      ["c", 2, 2],
      ["a", 0, 4],
    ]);
  });

  it("gives every option score 0 and rank 1 when there are no ballots", () => {
    expect(countDots(OPTIONS, []).results.map((result) => [result.id, result.score, result.rank])).toEqual([
      ["a", 0, 1],
      ["b", 0, 1],
      ["c", 0, 1],
      ["d", 0, 1],
    ]);
  });
});
