import { describe, expect, it } from "vitest";
import { countRating } from "./rating.js";

type Ballot = { ratings: Record<string, number> };
const OPTIONS = ["a", "b", "c", "d"].map((id) => ({ id, name: id.toUpperCase() }));

describe("countRating", () => {
  it("scores the mean of the ratings given, unrated ones not counting; nobody's rating means no score, last", () => {
    // a: 5, 4, 3 → 12 / 3 = 4. b: 3, 5 → 8 / 2 = 4 (not 8 / 3: the third ballot did not rate it).
    const ballots: Ballot[] = [{ ratings: { a: 5, b: 3 } }, { ratings: { a: 4, b: 5, c: 2 } }, { ratings: { a: 3 } }];
    expect(countRating(OPTIONS, ballots).results).toEqual([
      { id: "a", name: "A", score: 4, rank: 1 },
      { id: "b", name: "B", score: 4, rank: 1 },
      { id: "c", name: "C", score: 2, rank: 3 },
      { id: "d", name: "D", score: null, rank: 4 },
    ]);
  });

  it("keeps a fractional mean as it is and ranks a single 5 above many 4s", () => {
    const ballots: Ballot[] = [
      { ratings: { a: 4, b: 5, c: 1 } },
      { ratings: { a: 4, c: 2 } },
      { ratings: { a: 5, c: 2 } },
    ];
    expect(countRating(OPTIONS, ballots).results.map((result) => [result.id, result.score, result.rank])).toEqual([
      ["b", 5, 1],
      ["a", 13 / 3, 2],
      ["c", 5 / 3, 3],
      ["d", null, 4],
    ]);
  });

  it("shares the last rank among the options nobody rated", () => {
    expect(countRating(OPTIONS, [{ ratings: { c: 1 } }]).results.map((result) => result.rank)).toEqual([1, 2, 2, 2]);
  });
});
