import { describe, expect, it } from "vitest";
import { withoutCommonDirections } from "./commonDirection.js";

/** The Gram matrix of the rows, each scaled to unit length. */
function gramOf(rows: number[][]): Float32Array {
  const units = rows.map((row) => {
    const norm = Math.hypot(...row);
    return row.map((value) => value / norm);
  });
  const size = units.length;
  const out = new Float32Array(size * size);
  units.forEach((a, x) => {
    units.forEach((b, y) => {
      out[x * size + y] = a.reduce((sum, value, k) => sum + value * (b[k] as number), 0);
    });
  });
  return out;
}

describe("a wall's common direction", () => {
  // Three pairs of cards; every card also leans on one direction the whole wall shares.
  const rows = [
    [3, 1, 0, 0],
    [3, 0.9, 0.1, 0],
    [3, 0, 1, 0],
    [3, 0.1, 0.9, 0],
    [3, 0, 0, 1],
    [3, 0, 0.1, 0.9],
  ];
  const cosine = (matrix: Float32Array, x: number, y: number) => matrix[x * rows.length + y] as number;

  it("once removed, leaves the pairs alike and the other cards apart", () => {
    const before = gramOf(rows);
    // With it, every card is like every other: a pair hardly stands out.
    expect(cosine(before, 0, 2)).toBeGreaterThan(0.85);
    const after = withoutCommonDirections(before, rows.length, 1);
    for (const [x, y] of [
      [0, 1],
      [2, 3],
      [4, 5],
    ] as const)
      expect(cosine(after, x, y)).toBeGreaterThan(0.9);
    for (const [x, y] of [
      [0, 2],
      [1, 4],
      [3, 5],
    ] as const)
      expect(cosine(after, x, y)).toBeLessThan(0.2);
    expect(cosine(after, 3, 3)).toBe(1);
  });

  it("is left as it is when no direction is to be removed", () => {
    const before = gramOf(rows);
    expect(Array.from(withoutCommonDirections(before, rows.length, 0))).toEqual(Array.from(before));
  });
});
