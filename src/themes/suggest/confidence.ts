import { averageLinkage } from "./linkage.js";
import type { SimilarityMatrix } from "./similarity.js";
import { TUNING } from "./tuning.js";

/**
 * How confident a suggestion is, measured in one unit: standard deviations of the workshop's own
 * pair similarities. Raw similarities mean different things on different walls (a wall about one
 * narrow subject has every pair alike), so a threshold on them would hold on one workshop and not
 * the next; measured against the wall's spread, "this pair stands out" reads the same everywhere.
 * The thresholds were chosen on the bench's dev sets only (docs/suggestions.md).
 */

/** The mean and standard deviation of the off-diagonal cells of a square matrix. */
export function spreadOf(values: Float32Array, size: number): { mean: number; deviation: number } {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let x = 0; x < size; x++)
    for (let y = x + 1; y < size; y++) {
      const value = values[x * size + y] as number;
      sum += value;
      squares += value * value;
      count += 1;
    }
  if (count === 0) return { mean: 0, deviation: 0 };
  const mean = sum / count;
  return { mean, deviation: Math.sqrt(Math.max(0, squares / count - mean * mean)) };
}

/**
 * The matrix's pairs blended with `TUNING.confidentWeights`: sentence meaning tells a shared idea
 * from shared words better, and the confident columns need the few pairs that share an idea.
 * Without embeddings the matrix's own blend is all there is.
 */
function confidenceValues(matrix: SimilarityMatrix): Float32Array {
  const { lexical, grams, meaning } = matrix;
  if (!meaning || !grams) return matrix.values;
  const { stems: a, grams: b, embedding: c } = TUNING.confidentWeights;
  const total = a + b + c;
  const out = new Float32Array(matrix.values.length);
  for (let k = 0; k < out.length; k++)
    out[k] = (a * (lexical[k] as number) + b * (grams[k] as number) + c * (meaning[k] as number)) / total;
  return out;
}

/** A group of cards (matrix positions) that belong together, and how far its pairs stand out. */
export interface ConfidentGroup {
  members: number[];
  /** Mean pairwise similarity of its cards, in (robust) standard deviations above the workshop's median pair. */
  confidence: number;
}

/** A matrix's pairs as confidence reads them, with their spread. */
export interface ConfidenceScale {
  matrix: SimilarityMatrix;
  values: Float32Array;
  mean: number;
  deviation: number;
}

/**
 * The median and the scaled median absolute deviation of the off-diagonal cells: the spread of a
 * wall's ordinary pairs. A few near-identical pairs (duplicates) would inflate a standard
 * deviation and hide every other group of a small wall; they do not move these.
 */
export function robustSpreadOf(values: Float32Array, size: number): { mean: number; deviation: number } {
  const cells = new Float32Array((size * (size - 1)) / 2);
  let k = 0;
  for (let x = 0; x < size; x++) for (let y = x + 1; y < size; y++) cells[k++] = values[x * size + y] as number;
  if (cells.length === 0) return { mean: 0, deviation: 0 };
  const median = (sorted: Float32Array) => sorted[Math.floor(sorted.length / 2)] as number;
  const centre = median(cells.sort());
  const deviations = cells.map((value) => Math.abs(value - centre)).sort();
  // 1.4826 × MAD estimates a standard deviation for normal data: the threshold keeps its meaning.
  return { mean: centre, deviation: 1.4826 * median(deviations) };
}

/** Reads a matrix's pairs for confidence, once for every group measured on it. */
export function confidenceScale(matrix: SimilarityMatrix): ConfidenceScale {
  const values = confidenceValues(matrix);
  return { matrix, values, ...robustSpreadOf(values, matrix.size) };
}

/** The confidence of a group of cards (indices into the features); those outside the matrix are skipped. */
export function groupConfidence(scale: ConfidenceScale, cards: readonly number[]): number {
  const position = new Map(scale.matrix.cards.map((card, x) => [card, x]));
  const members = cards.flatMap((card) => (position.has(card) ? [position.get(card) as number] : []));
  return meanPairZ(scale, members);
}

function meanPairZ({ matrix, values, mean, deviation }: ConfidenceScale, members: readonly number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < members.length; a++)
    for (let b = a + 1; b < members.length; b++) {
      sum += values[(members[a] as number) * matrix.size + (members[b] as number)] as number;
      pairs += 1;
    }
  return pairs && deviation > 0 ? (sum / pairs - mean) / deviation : 0;
}

/**
 * The groups of cards a person would very likely put together: average linkage merged only while
 * the merged group's mean pairwise similarity stays `TUNING.confidentColumn` deviations above the
 * workshop's median pair (a robust spread, see `robustSpreadOf`). Cards in no such group are left out: a wall's tight groups are the columns
 * a room starts from, and a column offered on a loose likeness is wrong more often than right
 * (docs/suggestions.md). Groups of two or more cards (matrix positions), the largest first.
 */
export function confidentGroups(matrix: SimilarityMatrix): ConfidentGroup[] {
  const { size } = matrix;
  if (size < 3) return [];
  const scale = confidenceScale(matrix);
  if (scale.deviation === 0) return [];
  const threshold = scale.mean + TUNING.confidentColumn * scale.deviation;
  // Average linkage's merge similarities only fall: the merges above the threshold are a prefix.
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  for (const merge of averageLinkage(scale.values, size)) {
    if (merge.similarity < threshold) break;
    parent[find(merge.b)] = find(merge.a);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < size; i++) byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]);
  return [...byRoot.values()]
    .filter((members) => members.length >= 2)
    .map((members) => ({ members, confidence: meanPairZ(scale, members) }))
    .sort((x, y) => y.members.length - x.members.length || (x.members[0] as number) - (y.members[0] as number));
}

/**
 * Whether a card's best column is a confident "Fits" hint: at least two columns hold cards, and
 * the best one's score beats the second's by `TUNING.confidentPlacement` deviations of the
 * workshop's pair similarities (`deviation`).
 */
export function confidentPlacement(scores: readonly number[], deviation: number): boolean {
  const ranked = scores.filter(Number.isFinite).sort((a, b) => b - a);
  if (ranked.length < 2 || deviation <= 0) return false;
  return ((ranked[0] as number) - (ranked[1] as number)) / deviation >= TUNING.confidentPlacement;
}
