import { describe, expect, it } from "vitest";
import { confidentGroups, confidentPlacement, robustSpreadOf, spreadOf } from "./confidence.js";
import type { SimilarityMatrix } from "./similarity.js";
import { TUNING } from "./tuning.js";

/** A symmetric matrix of `size` cards: `base` everywhere, `pairs` set to their own values. */
function matrix(size: number, base: (x: number, y: number) => number, pairs: [number, number, number][] = []) {
  const values = new Float32Array(size * size);
  for (let x = 0; x < size; x++) for (let y = 0; y < size; y++) values[x * size + y] = x === y ? 1 : base(x, y);
  for (const [x, y, value] of pairs) {
    values[x * size + y] = value;
    values[y * size + x] = value;
  }
  const cards = Array.from({ length: size }, (_, i) => i);
  return { cards, size, values, lexical: values } satisfies SimilarityMatrix;
}

// Ordinary pairs of a wall: a little noise around 0.1, symmetric and the same for every run.
const noise = (x: number, y: number) => 0.1 + 0.05 * Math.sin(7 * (x + y) + x * y);

describe("confident columns", () => {
  it("keep a group whose pairs stand far out of the wall, and leave every other card out", () => {
    const wall = matrix(30, noise, [
      [2, 5, 0.6],
      [2, 9, 0.6],
      [5, 9, 0.6],
    ]);
    const groups = confidentGroups(wall);
    expect(groups.map((group) => group.members)).toEqual([[2, 5, 9]]);
    expect(groups[0]?.confidence).toBeGreaterThanOrEqual(TUNING.confidentColumn);
  });

  it("offer nothing on a wall where no pair stands out", () => {
    expect(confidentGroups(matrix(30, noise))).toEqual([]);
  });

  it("are not hidden by duplicate pairs that inflate the wall's standard deviation", () => {
    const pairs: [number, number, number][] = [
      [0, 1, 0.99],
      [7, 8, 0.99],
      [10, 11, 0.99],
      [3, 4, 0.45],
      [3, 6, 0.45],
      [4, 6, 0.45],
    ];
    const wall = matrix(20, noise, pairs);
    expect(confidentGroups(wall).map((group) => group.members)).toEqual([
      [3, 4, 6],
      [0, 1],
      [7, 8],
      [10, 11],
    ]);
    // The reason: the duplicates move the standard deviation a lot, the median's spread hardly.
    expect(spreadOf(wall.values, 20).deviation).toBeGreaterThan(2 * robustSpreadOf(wall.values, 20).deviation);
  });
});

describe("confident placements", () => {
  it("need two ranked columns and a clear lead of the first over the second", () => {
    const deviation = 0.1;
    const lead = TUNING.confidentPlacement * deviation;
    expect(confidentPlacement([0.5, 0.5 - lead * 1.1, 0.1], deviation)).toBe(true);
    expect(confidentPlacement([0.5, 0.5 - lead * 0.9, 0.1], deviation)).toBe(false);
    // One column with cards (the others empty): nothing to tell apart.
    expect(confidentPlacement([0.5, Number.NEGATIVE_INFINITY], deviation)).toBe(false);
    expect(confidentPlacement([0.5, 0.1], 0)).toBe(false);
  });
});
