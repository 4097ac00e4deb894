import { type Centroid, centroidShape, selfSimilarity, similarityToCentroid } from "./centroids.js";
import type { CardFeatures } from "./features.js";
import { distance2, kMeans, type Partition } from "./kmeans.js";

/** Cards (by index) grouped into suggested columns, and those that fit none. */
export interface Clustering {
  groups: number[][];
  unclustered: number[];
}

/** Options of the from-scratch clustering. */
export interface ClusterOptions {
  /** Exactly this many columns (fewer only when there are fewer cards); chosen automatically if absent. */
  clusters?: number | undefined;
}

const RESTARTS = 2;
const LARGE_WALL = 500;
// The number of columns is chosen on at most this many cards: the choice does not need them all.
const CHOOSE_SAMPLE = 250;
// ToP walls rarely hold more columns than a room can name in one sitting.
const MAX_AUTO_CLUSTERS = 40;
// A card no closer to its column than this (mean similarity to the others) is left for the room.
const OUTLIER_SIMILARITY = 0.02;

/** Every step-th card: a deterministic sample that keeps the input's spread. */
function strideSample(cards: readonly number[], size: number): number[] {
  if (cards.length <= size) return [...cards];
  const step = cards.length / size;
  return Array.from({ length: size }, (_, k) => cards[Math.floor(k * step)] as number);
}

/** Simplified silhouette: how much closer each card is to its own centre than to the next one. */
function silhouette(features: CardFeatures, cards: readonly number[], partition: Partition): number {
  let total = 0;
  cards.forEach((i, c) => {
    const own = partition.assignment[c] as number;
    const a = Math.sqrt(distance2(features, i, partition.centroids[own] as Centroid));
    let b = Number.POSITIVE_INFINITY;
    partition.centroids.forEach((centroid, group) => {
      if (group !== own && centroid.size > 0) b = Math.min(b, Math.sqrt(distance2(features, i, centroid)));
    });
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  });
  return total / cards.length;
}

/** Candidate column counts around the usual size of a ToP wall for this many cards. */
function candidateCounts(n: number): number[] {
  // Measured on the development sets: a wider window let the silhouette pick too many columns.
  const typical = 1.2 * n ** 0.45;
  const low = Math.min(MAX_AUTO_CLUSTERS, Math.max(2, Math.round(typical * 0.8)));
  const high = Math.max(low, Math.min(MAX_AUTO_CLUSTERS, n - 1, Math.round(typical * 1.25)));
  const counts: number[] = [];
  const step = Math.max(1, Math.round((high - low) / 5));
  for (let k = low; k <= high; k += step) counts.push(k);
  return counts;
}

/** Picks the number of columns whose partition separates the cards best. */
function chooseCount(features: CardFeatures, cards: readonly number[]): number {
  if (cards.length < 4) return 1;
  const shape = centroidShape(features);
  const sample = strideSample(cards, CHOOSE_SAMPLE);
  let best = 1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const k of candidateCounts(sample.length)) {
    const score = silhouette(features, sample, kMeans(features, shape, sample, k, RESTARTS));
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** A card's mean similarity to the other cards of its group. */
function fitToGroup(features: CardFeatures, i: number, centroid: Centroid): number {
  if (centroid.size < 2) return Number.NEGATIVE_INFINITY;
  const withSelf = centroid.size * similarityToCentroid(features, i, centroid);
  return (withSelf - selfSimilarity(features, i)) / (centroid.size - 1);
}

/** Groups cards into suggested columns; cards with no words, and outliers, stay unclustered. */
export function clusterCards(features: CardFeatures, options: ClusterOptions = {}): Clustering {
  const cards: number[] = [];
  const unclustered: number[] = [];
  features.analysed.forEach((card, i) => {
    (card.words.length > 0 ? cards : unclustered).push(i);
  });
  if (cards.length === 0) return { groups: [], unclustered };
  const k = options.clusters ? Math.min(options.clusters, cards.length) : chooseCount(features, cards);
  // On a large wall one run already averages over many cards; a second costs more than it finds.
  const restarts = cards.length > LARGE_WALL ? 1 : RESTARTS;
  const partition = kMeans(features, centroidShape(features), cards, k, restarts);
  const groups: number[][] = partition.centroids.map(() => []);
  cards.forEach((i, c) => {
    const group = partition.assignment[c] as number;
    // An explicit --clusters N asks for N columns: every card then goes to one of them.
    const outlier =
      !options.clusters && fitToGroup(features, i, partition.centroids[group] as Centroid) < OUTLIER_SIMILARITY;
    (outlier ? unclustered : (groups[group] as number[])).push(i);
  });
  // Without an explicit count a column of one card is no suggestion: it goes back to the pile.
  const minimum = options.clusters ? 1 : 2;
  for (const group of groups) if (group.length < minimum) unclustered.push(...group);
  return { groups: groups.filter((group) => group.length >= minimum), unclustered: unclustered.sort((a, b) => a - b) };
}
