/** Scores of suggestions against a human clustering, for `bench/themes.ts`. */

/**
 * Adjusted Rand Index of two labellings of the same items: 1 for identical partitions, about 0
 * for a random one. Cards a method leaves unclustered count as singletons.
 */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const joint = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  truth.forEach((label, i) => {
    const other = predicted[i] as string;
    joint.set(`${label}\u0000${other}`, (joint.get(`${label}\u0000${other}`) ?? 0) + 1);
    rows.set(label, (rows.get(label) ?? 0) + 1);
    cols.set(other, (cols.get(other) ?? 0) + 1);
  });
  const sum = (values: Iterable<number>) => [...values].reduce((total, count) => total + pairs(count), 0);
  const index = sum(joint.values());
  const rowSum = sum(rows.values());
  const colSum = sum(cols.values());
  const expected = (rowSum * colSum) / (pairs(truth.length) || 1);
  const maximum = (rowSum + colSum) / 2;
  return maximum === expected ? 0 : (index - expected) / (maximum - expected);
}

/** Precision and recall of predicted unordered pairs against labelled ones. */
export function pairScores(
  labelled: readonly (readonly [string, string])[],
  predicted: readonly (readonly [string, string])[],
): { precision: number; recall: number; truePositives: number; predicted: number; labelled: number } {
  const key = ([a, b]: readonly [string, string]) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const truth = new Set(labelled.map(key));
  const found = new Set(predicted.map(key));
  const truePositives = [...found].filter((pair) => truth.has(pair)).length;
  return {
    // A set without labelled pairs says nothing about duplicates: no figure rather than a perfect one.
    precision: truth.size && found.size ? truePositives / found.size : Number.NaN,
    recall: truth.size ? truePositives / truth.size : Number.NaN,
    truePositives,
    predicted: found.size,
    labelled: truth.size,
  };
}

/** A seeded shuffle, so that no method can profit from cards arriving grouped by column. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Mean of a list, 0 for none. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}
