import { describe, expect, it } from "vitest";
import { countIrv } from "./irv.js";

const options = (...ids: string[]) => ids.map((id) => ({ id, name: id.toUpperCase() }));
const times = (count: number, ranking: string[]) => Array.from({ length: count }, () => ({ ranking }));
const places = (results: { id: string; score: number | null; rank: number }[]) =>
  results.map((result) => [result.id, result.score, result.rank]);

describe("countIrv", () => {
  it("counts exhausted ballots out of the majority, and breaks a tie for fewest by fewest Borda points, not list order", () => {
    const ballots = [...times(4, ["a", "b"]), ...times(3, ["b", "d"]), ...times(1, ["d"]), ...times(1, ["c", "d"])];
    // Round 1: a 4, b 3, c 1, d 1 of 9. c and d tie for fewest; Borda (m = 4): c 3, d 3·2 + 3 + 2 = 11,
    // so c goes although d is listed last. Round 2: [c, d] moves to d: a 4, b 3, d 2; d goes.
    // Round 3: [d] and [c, d] are exhausted: a has 4 of the 7 left, more than half.
    const count = countIrv(options("a", "b", "c", "d"), ballots);
    expect(count.rounds).toEqual([
      { counts: { a: 4, b: 3, c: 1, d: 1 }, eliminated: "c" },
      { counts: { a: 4, b: 3, d: 2 }, eliminated: "d" },
      { counts: { a: 4, b: 3 }, winner: "a" },
    ]);
    expect(count.winner).toBe("a");
    // The winner, b still in, then d (eliminated last) before c; each scored by its last count.
    expect(places(count.results)).toEqual([
      ["a", 4, 1],
      ["b", 3, 2],
      ["d", 2, 3],
      ["c", 1, 4],
    ]);
  });

  it("eliminates the option listed last when the fewest votes and the Borda points tie", () => {
    // Round 1: 1 each. Borda (m = 3): a 2 + 1 = 3, b 2, c 2: b and c tie, c is listed last.
    const count = countIrv(options("a", "b", "c"), [{ ranking: ["a"] }, { ranking: ["b"] }, { ranking: ["c", "a"] }]);
    expect(count.rounds).toEqual([
      { counts: { a: 1, b: 1, c: 1 }, eliminated: "c" },
      { counts: { a: 2, b: 1 }, winner: "a" },
    ]);
    expect(places(count.results)).toEqual([
      ["a", 2, 1],
      ["b", 1, 2],
      ["c", 1, 3],
    ]);
  });

  it("ranks the options still in after a first-round winner by their count, then Borda, then list order", () => {
    // a has 3 of 5. b and c have 1 each: Borda (m = 5) b 4 + 3 = 7, c 4; d and e: 0 votes, 0 points.
    const ballots = [...times(3, ["a"]), { ranking: ["b"] }, { ranking: ["c", "b"] }];
    const count = countIrv(options("a", "b", "c", "d", "e"), ballots);
    expect(count.rounds).toEqual([{ counts: { a: 3, b: 1, c: 1, d: 0, e: 0 }, winner: "a" }]);
    expect(places(count.results)).toEqual([
      ["a", 3, 1],
      ["b", 1, 2],
      ["c", 1, 3],
      ["d", 0, 4],
      ["e", 0, 5],
    ]);
  });

  it("needs more than half: exactly half is not a win, and options with no vote go first", () => {
    // Round 1: a 2, b 2, c 0 of 4: c goes. Round 2: still 2–2; Borda (m = 3): a 2·2 + 2·1 = 6, b the same;
    // b is listed last and goes. Round 3: a 2 + the 2 [b, a] ballots = 4 of 4.
    const ballots = [...times(2, ["a", "b"]), ...times(2, ["b", "a"])];
    const count = countIrv(options("a", "b", "c"), ballots);
    expect(count.rounds).toEqual([
      { counts: { a: 2, b: 2, c: 0 }, eliminated: "c" },
      { counts: { a: 2, b: 2 }, eliminated: "b" },
      { counts: { a: 4 }, winner: "a" },
    ]);
    expect(places(count.results)).toEqual([
      ["a", 4, 1],
      ["b", 2, 2],
      ["c", 0, 3],
    ]);
  });

  it("has no winner and no round when no ballot ranks an option", () => {
    const count = countIrv(options("a", "b"), [{ ranking: [] }]);
    expect(count).toEqual({
      results: [
        { id: "a", name: "A", score: 0, rank: 1 },
        { id: "b", name: "B", score: 0, rank: 2 },
      ],
      rounds: [],
    });
  });
});
