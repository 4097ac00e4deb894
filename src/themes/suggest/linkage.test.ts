import { describe, expect, it } from "vitest";
import { averageLinkage, cutTree, refineGroups, silhouettes } from "./linkage.js";

/** Two tight pairs and a loner: {0,1}, {2,3}, {4}. */
const SIZE = 5;
const VALUES = Float32Array.from(
  [
    [1, 0.9, 0.1, 0.1, 0.0],
    [0.9, 1, 0.1, 0.2, 0.0],
    [0.1, 0.1, 1, 0.8, 0.1],
    [0.1, 0.2, 0.8, 1, 0.0],
    [0.0, 0.0, 0.1, 0.0, 1],
  ].flat(),
);

/** The silhouette of one labelling, straight from its definition (distance 1 − similarity). */
function silhouetteOf(labels: readonly number[]): number {
  const at = (i: number, j: number) => 1 - (VALUES[i * SIZE + j] as number);
  const members = (label: number, except: number) =>
    labels.flatMap((other, j) => (other === label && j !== except ? [j] : []));
  let total = 0;
  labels.forEach((own, i) => {
    const mine = members(own, i);
    if (mine.length === 0) return;
    const a = mine.reduce((sum, j) => sum + at(i, j), 0) / mine.length;
    const b = Math.min(
      ...[...new Set(labels)]
        .filter((label) => label !== own)
        .map((label) => {
          const theirs = members(label, i);
          return theirs.reduce((sum, j) => sum + at(i, j), 0) / theirs.length;
        }),
    );
    total += (b - a) / Math.max(a, b);
  });
  return total / labels.length;
}

describe("average linkage", () => {
  it("merges the most similar clusters first and cuts into the asked number of groups", () => {
    const merges = averageLinkage(VALUES, SIZE);
    expect(merges).toHaveLength(SIZE - 1);
    expect(merges[0]).toMatchObject({ a: 0, b: 1 });
    expect(merges[1]).toMatchObject({ a: 2, b: 3 });
    expect(cutTree(merges, SIZE, 3)).toEqual([0, 0, 1, 1, 2]);
    expect(cutTree(merges, SIZE, 1)).toEqual([0, 0, 0, 0, 0]);
    expect(cutTree(merges, SIZE, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it("scores each cut by its silhouette, the true grouping best", () => {
    const merges = averageLinkage(VALUES, SIZE);
    const counts = [2, 3, 4];
    const scores = silhouettes(VALUES, SIZE, merges, counts);
    counts.forEach((count, c) => {
      expect(scores[c]).toBeCloseTo(silhouetteOf(cutTree(merges, SIZE, count)), 12);
    });
    expect(Math.max(...scores)).toBe(scores[1]);
  });
});

describe("refineGroups", () => {
  it("moves a card cut into the wrong group to the group it is most like on average", () => {
    // Card 2 sits with {0,1} but is much closer to {3,4}.
    expect(refineGroups(VALUES, SIZE, [0, 0, 0, 1, 2], 5)).toEqual([0, 0, 1, 1, 1]);
  });

  it("keeps a lone card in its own group when the count is fixed, and leaves a good grouping alone", () => {
    expect(refineGroups(VALUES, SIZE, [0, 0, 1, 1, 2], 5, true)).toEqual([0, 0, 1, 1, 2]);
    expect(refineGroups(VALUES, SIZE, [0, 0, 1, 1, 2], 0)).toEqual([0, 0, 1, 1, 2]);
  });
});
