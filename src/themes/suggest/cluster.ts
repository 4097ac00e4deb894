import { type Centroid, centroidOf, centroidShape, similarityToCentroid } from "./centroids.js";
import type { CardFeatures } from "./features.js";
import { averageLinkage, cutTree, refineGroups, silhouettes } from "./linkage.js";
import { type Gram, type SimilarityMatrix, similarityMatrix } from "./similarity.js";
import { TUNING } from "./tuning.js";

/** Cards (by index) grouped into suggested columns, and those that fit none. */
export interface Clustering {
  groups: number[][];
  unclustered: number[];
}

/** Options of the from-scratch clustering. */
export interface ClusterOptions {
  /** Exactly this many columns (fewer only when there are fewer cards); chosen automatically if absent. */
  clusters?: number | undefined;
  /** The cards' similarity matrix when the caller already has it (all cards, in index order). */
  matrix?: SimilarityMatrix | undefined;
  /** Computes the embeddings' dot products when the matrix is computed here (see `Gram`). */
  gram?: Gram | undefined;
}

/**
 * Up to this many cards the tree is built on all of them (an n×n matrix: 1,000 cards take 4 MB
 * and well under a second); a larger wall is clustered on an even sample and the other cards
 * join the column whose cards they are most like on average.
 */
export const TREE_LIMIT = 1000;
// ToP walls rarely hold more columns than a room can name in one sitting.
const MAX_AUTO_CLUSTERS = 40;

/** Every step-th of the first `count` indices, or of the given ones: a deterministic sample that keeps the input's spread. */
export function strideSample(cards: readonly number[] | number, size: number): number[] {
  if (typeof cards === "number")
    return strideSample(
      Array.from({ length: cards }, (_, i) => i),
      size,
    );
  if (cards.length <= size) return [...cards];
  const step = cards.length / size;
  return Array.from({ length: size }, (_, k) => cards[Math.floor(k * step)] as number);
}

/** Candidate column counts around the usual size of a ToP wall for this many cards. */
export function candidateCounts(n: number): number[] {
  const typical = TUNING.countScale * n ** TUNING.countPower;
  const low = Math.min(MAX_AUTO_CLUSTERS, Math.max(2, Math.round(typical * (1 - TUNING.countSpread))));
  const high = Math.max(low, Math.min(MAX_AUTO_CLUSTERS, n - 1, Math.round(typical * (1 + TUNING.countSpread))));
  const counts: number[] = [];
  for (let k = low; k <= high; k++) counts.push(k);
  return counts;
}

/** The matrix of the given cards: a slice of the caller's when it has one, else computed. */
function matrixOf(features: CardFeatures, cards: readonly number[], { matrix: given, gram }: ClusterOptions) {
  if (!given || given.size !== features.analysed.length) return similarityMatrix(features, { cards, gram });
  // Every card, in order: the caller's matrix as it is (copying 1,000 cards' cells cost ~30 ms).
  if (cards.length === given.size && cards.every((i, x) => i === x)) return given;
  const size = cards.length;
  const values = new Float32Array(size * size);
  const lexical = new Float32Array(size * size);
  cards.forEach((i, x) => {
    cards.forEach((j, y) => {
      values[x * size + y] = given.values[i * given.size + j] as number;
      lexical[x * size + y] = given.lexical[i * given.size + j] as number;
    });
  });
  return { cards, size, values, lexical };
}

/**
 * Groups the matrix's cards with average linkage, choosing the count by silhouette unless given,
 * then lets cards move to the group they are most like on average (see `refineGroups`).
 */
function treeClusters(matrix: SimilarityMatrix, clusters: number | undefined): number[] {
  const merges = averageLinkage(matrix.values, matrix.size);
  if (clusters) {
    const labels = cutTree(merges, matrix.size, Math.min(clusters, matrix.size));
    return refineGroups(matrix.values, matrix.size, labels, TUNING.refineRounds, true);
  }
  if (matrix.size < 4) return cutTree(merges, matrix.size, 1);
  const counts = candidateCounts(matrix.size);
  const scores = silhouettes(matrix.values, matrix.size, merges, counts);
  let best = 0;
  scores.forEach((score, c) => {
    if (score > (scores[best] as number)) best = c;
  });
  const labels = cutTree(merges, matrix.size, counts[best] as number);
  return refineGroups(matrix.values, matrix.size, labels, TUNING.refineRounds);
}

/** A card's mean similarity to the other cards of its group, from the matrix. */
function fitToGroup(matrix: SimilarityMatrix, x: number, group: readonly number[]): number {
  if (group.length < 2) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const y of group) if (y !== x) sum += matrix.values[x * matrix.size + y] as number;
  return sum / (group.length - 1);
}

/** Groups cards into suggested columns; cards with no words, and outliers, stay unclustered. */
export function clusterCards(features: CardFeatures, options: ClusterOptions = {}): Clustering {
  const cards: number[] = [];
  const unclustered: number[] = [];
  features.analysed.forEach((card, i) => {
    (card.words.length > 0 ? cards : unclustered).push(i);
  });
  if (cards.length === 0) return { groups: [], unclustered };
  const sample = strideSample(cards, TREE_LIMIT);
  const matrix = matrixOf(features, sample, options);
  const labels = treeClusters(matrix, options.clusters);
  const positions: number[][] = [];
  labels.forEach((label, x) => {
    const group = positions[label] ?? [];
    group.push(x);
    positions[label] = group;
  });
  let groups: number[][] = positions.map(() => []);
  positions.forEach((group, g) => {
    for (const x of group) {
      // An explicit --clusters N asks for N columns: every card then goes to one of them.
      const outlier = !options.clusters && fitToGroup(matrix, x, group) < TUNING.outlierSimilarity;
      (outlier ? unclustered : (groups[g] as number[])).push(sample[x] as number);
    }
  });
  if (sample.length < cards.length) groups = joinRest(features, groups, cards, new Set(sample), unclustered);
  // Without an explicit count a column of one card is no suggestion: it goes back to the pile.
  const minimum = options.clusters ? 1 : 2;
  for (const group of groups) if (group.length < minimum) unclustered.push(...group);
  return { groups: groups.filter((group) => group.length >= minimum), unclustered: unclustered.sort((a, b) => a - b) };
}

/** Puts each card left out of the sample into the group whose cards it is most like on average. */
function joinRest(
  features: CardFeatures,
  groups: number[][],
  cards: readonly number[],
  sampled: Set<number>,
  unclustered: number[],
) {
  const shape = centroidShape(features);
  const centroids: Centroid[] = groups.map((group) => centroidOf(features, shape, group));
  const out = groups.map((group) => [...group]);
  for (const i of cards) {
    if (sampled.has(i)) continue;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    centroids.forEach((centroid, g) => {
      if (centroid.size < 2) return;
      const score = similarityToCentroid(features, i, centroid);
      if (score > bestScore) {
        bestScore = score;
        best = g;
      }
    });
    if (best >= 0) out[best]?.push(i);
    else unclustered.push(i);
  }
  return out.map((group) => group.sort((a, b) => a - b));
}
