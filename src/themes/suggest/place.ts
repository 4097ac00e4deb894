import { type Centroid, centroidOf, centroidShape, similarityToCentroid, vectorsToCentroid } from "./centroids.js";
import { type CardFeatures, type NewCardFeatures, newCardFeatures } from "./features.js";
import { TUNING } from "./tuning.js";
import { denseDot, type SparseVector, sparseDot } from "./vectors.js";

/**
 * Ranks columns for cards, best first, every column included. A column's score is the card's
 * mean similarity to the column's cards (its centroid; a column's name, passed as one more
 * card, counts as a member), optionally blended with its similarity to the column's closest
 * card. Built once per board: each card placed then costs one comparison per column card, with
 * no re-analysis and no re-embedding of the board.
 */
export class ColumnRanker {
  private readonly centroids: Centroid[];

  constructor(
    private readonly features: CardFeatures,
    private readonly columns: readonly (readonly number[])[],
  ) {
    const shape = centroidShape(features);
    this.centroids = columns.map((members) => centroidOf(features, shape, members));
  }

  /** Ranks the columns for a card of the feature set (by index). */
  rankCard(card: number): number[] {
    return order(this.scoreCard(card));
  }

  /** Each column's score for a card of the feature set (by index); -Infinity for an empty column. */
  scoreCard(card: number): number[] {
    const { features } = this;
    return this.centroids.map((centroid, column) => {
      if (centroid.size === 0) return Number.NEGATIVE_INFINITY;
      const mean = similarityToCentroid(features, card, centroid);
      if (!TUNING.placeMax) return mean;
      let best = Number.NEGATIVE_INFINITY;
      for (const other of this.columns[column] as readonly number[])
        if (other !== card) best = Math.max(best, this.pair(card, other));
      return Number.isFinite(best) ? (1 - TUNING.placeMax) * mean + TUNING.placeMax * best : mean;
    });
  }

  /** Ranks the columns for a card that is not in the feature set: a newcomer to the board. */
  rankText(text: string, embedding?: Float32Array): number[] {
    return order(this.scoreText(text, embedding));
  }

  /** Each column's score for a card that is not in the feature set. */
  scoreText(text: string, embedding?: Float32Array): number[] {
    const card = newCardFeatures(this.features, text, embedding);
    return this.centroids.map((centroid, column) => {
      if (centroid.size === 0) return Number.NEGATIVE_INFINITY;
      const mean = vectorsToCentroid(this.features.weights, card.stems, card.grams, card.embedding, centroid);
      if (!TUNING.placeMax) return mean;
      let best = Number.NEGATIVE_INFINITY;
      for (const other of this.columns[column] as readonly number[]) best = Math.max(best, this.newPair(card, other));
      return Number.isFinite(best) ? (1 - TUNING.placeMax) * mean + TUNING.placeMax * best : mean;
    });
  }

  private pair(i: number, j: number): number {
    const { features } = this;
    const { weights, embeddings } = features;
    let sum = weights.stems * sparseDot(features.stems[i] as SparseVector, features.stems[j] as SparseVector);
    sum += weights.grams * sparseDot(features.grams[i] as SparseVector, features.grams[j] as SparseVector);
    if (embeddings) sum += weights.embedding * denseDot(embeddings[i] as Float32Array, embeddings[j] as Float32Array);
    return sum;
  }

  private newPair(card: NewCardFeatures, j: number): number {
    const { features } = this;
    const { weights, embeddings } = features;
    let sum = weights.stems * sparseDot(card.stems, features.stems[j] as SparseVector);
    sum += weights.grams * sparseDot(card.grams, features.grams[j] as SparseVector);
    if (embeddings && card.embedding)
      sum += weights.embedding * denseDot(card.embedding, embeddings[j] as Float32Array);
    return sum;
  }
}

/** Column indices by descending score; ties (an empty column, a card with no words) keep the board's order. */
export function order(scores: readonly number[]): number[] {
  return scores
    .map((_, column) => column)
    .sort((a, b) => compareDescending(scores[a] as number, scores[b] as number) || a - b);
}

/** Ranks columns for each card to place (indices into the features). */
export function rankColumns(
  features: CardFeatures,
  columns: readonly (readonly number[])[],
  toPlace: readonly number[],
): number[][] {
  const ranker = new ColumnRanker(features, columns);
  return toPlace.map((card) => ranker.rankCard(card));
}

/** Orders higher scores first; unlike a subtraction it is safe for two -Infinity scores. */
function compareDescending(a: number, b: number): number {
  if (a > b) return -1;
  if (a < b) return 1;
  return 0;
}
