import { centroidOf, centroidShape, similarityToCentroid } from "./centroids.js";
import type { CardFeatures } from "./features.js";

/**
 * Ranks columns for each card to place, best first, every column included. A column's score is
 * the card's mean similarity to the column's members (its name counts as one member when the
 * caller passes it as a card): nearest-centroid, which measured as well as k-nearest-neighbour
 * votes and kernel ridge on the development sets and costs one comparison per column.
 */
export function rankColumns(
  features: CardFeatures,
  columns: readonly (readonly number[])[],
  toPlace: readonly number[],
): number[][] {
  const shape = centroidShape(features);
  const centroids = columns.map((members) => centroidOf(features, shape, members));
  return toPlace.map((card) => {
    const scores = centroids.map((centroid) =>
      centroid.size > 0 ? similarityToCentroid(features, card, centroid) : Number.NEGATIVE_INFINITY,
    );
    // Ties (an empty column, a card with no words) keep the board's column order.
    return scores
      .map((_, column) => column)
      .sort((a, b) => compareDescending(scores[a] as number, scores[b] as number) || a - b);
  });
}

/** Orders higher scores first; unlike a subtraction it is safe for two -Infinity scores. */
function compareDescending(a: number, b: number): number {
  if (a > b) return -1;
  if (a < b) return 1;
  return 0;
}
