import type { CardFeatures, SignalWeights } from "./features.js";
import type { SparseVector } from "./vectors.js";

/**
 * The mean of some cards' feature vectors. Because the combined similarity is a weighted sum
 * of dot products, a card's similarity to a centroid equals its mean similarity to the cards
 * averaged, at the cost of one card comparison instead of one per member: this is what lets
 * clustering and placing scale to thousands of cards.
 */
export interface Centroid {
  stems: Float64Array;
  grams: Float64Array;
  embedding: Float64Array | undefined;
  /** Squared length in the combined space, for k-means distances. */
  norm2: number;
  size: number;
}

function vocabularySize(vectors: readonly SparseVector[]): number {
  let max = -1;
  for (const vector of vectors) {
    const last = vector.indices[vector.indices.length - 1];
    if (last !== undefined && last > max) max = last;
  }
  return max + 1;
}

/** Sizes of the dense arrays a centroid needs, computed once per feature set. */
export interface CentroidShape {
  stems: number;
  grams: number;
  embedding: number;
}

/** Measures the vocabularies of a feature set. */
export function centroidShape(features: CardFeatures): CentroidShape {
  return {
    stems: vocabularySize(features.stems),
    grams: vocabularySize(features.grams),
    embedding: features.embeddings?.[0]?.length ?? 0,
  };
}

function addSparse(target: Float64Array, vector: SparseVector, scale: number) {
  for (let k = 0; k < vector.indices.length; k++) {
    const index = vector.indices[k] as number;
    target[index] = (target[index] as number) + (vector.values[k] as number) * scale;
  }
}

function dotSparseDense(vector: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < vector.indices.length; k++)
    sum += (vector.values[k] as number) * (dense[vector.indices[k] as number] ?? 0);
  return sum;
}

function squared(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value * value;
  return sum;
}

/** The centroid of the given cards (by index into the features). */
export function centroidOf(features: CardFeatures, shape: CentroidShape, members: readonly number[]): Centroid {
  const stems = new Float64Array(shape.stems);
  const grams = new Float64Array(shape.grams);
  const embedding = features.embeddings ? new Float64Array(shape.embedding) : undefined;
  const scale = members.length > 0 ? 1 / members.length : 0;
  for (const i of members) {
    addSparse(stems, features.stems[i] as SparseVector, scale);
    addSparse(grams, features.grams[i] as SparseVector, scale);
    const vector = features.embeddings?.[i];
    if (embedding && vector)
      for (let k = 0; k < vector.length; k++) embedding[k] = (embedding[k] as number) + (vector[k] as number) * scale;
  }
  const { weights } = features;
  const norm2 =
    weights.stems * squared(stems) +
    weights.grams * squared(grams) +
    (embedding ? weights.embedding * squared(embedding) : 0);
  return { stems, grams, embedding, norm2, size: members.length };
}

/** The similarity of given signal vectors to a centroid: their mean similarity to its cards. */
export function vectorsToCentroid(
  weights: SignalWeights,
  stems: SparseVector,
  grams: SparseVector,
  vector: Float32Array | undefined,
  centroid: Centroid,
): number {
  let sum = weights.stems * dotSparseDense(stems, centroid.stems);
  sum += weights.grams * dotSparseDense(grams, centroid.grams);
  if (vector && centroid.embedding) {
    let dot = 0;
    for (let k = 0; k < vector.length; k++) dot += (vector[k] as number) * (centroid.embedding[k] as number);
    sum += weights.embedding * dot;
  }
  return sum;
}

/** A card's mean similarity to the cards of a centroid. */
export function similarityToCentroid(features: CardFeatures, i: number, centroid: Centroid): number {
  return vectorsToCentroid(
    features.weights,
    features.stems[i] as SparseVector,
    features.grams[i] as SparseVector,
    features.embeddings?.[i],
    centroid,
  );
}

/** A card's squared length in the combined space (1, or less for cards without content words). */
export function selfSimilarity(features: CardFeatures, i: number): number {
  const { weights } = features;
  const length = (vector: SparseVector | undefined) => (vector && vector.values.length > 0 ? 1 : 0);
  return (
    weights.stems * length(features.stems[i]) +
    weights.grams * length(features.grams[i]) +
    (features.embeddings ? weights.embedding : 0)
  );
}
