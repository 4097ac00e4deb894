import type { CardFeatures } from "./features.js";
import type { SparseVector } from "./vectors.js";

/**
 * The combined similarity of every pair of some cards, computed once and shared by clustering,
 * the choice of the column count, near-duplicates and names. Row-major, `size × size`.
 */
export interface SimilarityMatrix {
  /** Indices into the features, in matrix order. */
  cards: readonly number[];
  size: number;
  values: Float32Array;
  /** The word overlap alone (language-neutral stems), for the near-duplicate rule. */
  lexical: Float32Array;
  /** The centred embeddings' cosine alone, when the features have embeddings (near-duplicates). */
  meaning?: Float32Array | undefined;
}

/** Adds `weight × a·b` for every pair sharing a term, through an inverted index: Σ over terms of df². */
function addSparse(
  vectors: readonly SparseVector[],
  cards: readonly number[],
  weight: number,
  target: Float32Array,
  size: number,
) {
  if (weight === 0) return;
  const postings = new Map<number, { card: number; value: number }[]>();
  cards.forEach((i, c) => {
    const vector = vectors[i] as SparseVector;
    for (let k = 0; k < vector.indices.length; k++) {
      const term = vector.indices[k] as number;
      let list = postings.get(term);
      if (!list) {
        list = [];
        postings.set(term, list);
      }
      list.push({ card: c, value: vector.values[k] as number });
    }
  });
  for (const list of postings.values())
    for (let a = 0; a < list.length; a++) {
      const { card: x, value: u } = list[a] as { card: number; value: number };
      for (let b = a + 1; b < list.length; b++) {
        const { card: y, value: v } = list[b] as { card: number; value: number };
        const product = weight * u * v;
        target[x * size + y] = (target[x * size + y] as number) + product;
        target[y * size + x] = (target[y * size + x] as number) + product;
      }
    }
}

/** Pairwise combined similarities of the given cards (all cards by default). */
export function similarityMatrix(features: CardFeatures, cards?: readonly number[]): SimilarityMatrix {
  const subset = cards ?? features.analysed.map((_, i) => i);
  const size = subset.length;
  const values = new Float32Array(size * size);
  const lexical = new Float32Array(size * size);
  const { weights, embeddings } = features;
  const grams = new Float32Array(size * size);
  addSparse(features.stems, subset, 1, lexical, size);
  addSparse(features.grams, subset, 1, grams, size);
  for (let k = 0; k < values.length; k++) {
    values[k] = weights.stems * (lexical[k] as number) + weights.grams * (grams[k] as number);
  }
  let meaning: Float32Array | undefined;
  if (embeddings && weights.embedding > 0) {
    meaning = new Float32Array(size * size);
    const vectors = subset.map((i) => embeddings[i] as Float32Array);
    const dims = vectors[0]?.length ?? 0;
    for (let x = 0; x < size; x++) {
      const a = vectors[x] as Float32Array;
      for (let y = x + 1; y < size; y++) {
        const b = vectors[y] as Float32Array;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += (a[d] as number) * (b[d] as number);
        meaning[x * size + y] = dot;
        meaning[y * size + x] = dot;
        const product = weights.embedding * dot;
        values[x * size + y] = (values[x * size + y] as number) + product;
        values[y * size + x] = (values[y * size + x] as number) + product;
      }
    }
  }
  for (let x = 0; x < size; x++) {
    values[x * size + x] = 1;
    lexical[x * size + x] = 1;
    if (meaning) meaning[x * size + x] = 1;
  }
  return { cards: subset, size, values, lexical, meaning };
}
