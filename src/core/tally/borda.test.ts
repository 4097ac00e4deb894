import { describe, expect, it } from "vitest";
import { bordaPoints, countBorda } from "./borda.js";

const OPTIONS = ["a", "b", "c", "d"].map((id) => ({ id, name: id.toUpperCase() }));

describe("Borda count", () => {
  it("gives the k-th ranked of m options m − k points and an unranked option none", () => {
    // m = 4: [a, b, c, d] gives 3, 2, 1, 0; [b, a] gives b 3, a 2; [c] gives c 3; [] gives nothing.
    const ballots = [{ ranking: ["a", "b", "c", "d"] }, { ranking: ["b", "a"] }, { ranking: ["c"] }, { ranking: [] }];
    expect(Object.fromEntries(bordaPoints(OPTIONS, ballots))).toEqual({ a: 5, b: 5, c: 4, d: 0 });
    expect(countBorda(OPTIONS, ballots).results).toEqual([
      { id: "a", name: "A", score: 5, rank: 1 },
      { id: "b", name: "B", score: 5, rank: 1 },
      { id: "c", name: "C", score: 4, rank: 3 },
      { id: "d", name: "D", score: 0, rank: 4 },
    ]);
  });

  it("ranks by points, not by first places: two second places beat one first place", () => {
    // [a, b, c]: a 3, b 2, c 1; [c, b]: c 3, b 2. b has no first place and the most points.
    const ballots = [{ ranking: ["a", "b", "c"] }, { ranking: ["c", "b"] }];
    expect(countBorda(OPTIONS, ballots).results.map((result) => [result.id, result.score, result.rank])).toEqual([
      ["b", 4, 1],
      ["c", 4, 1],
      ["a", 3, 3],
      ["d", 0, 4],
    ]);
  });
});
