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
  /** The character n-grams' overlap alone, for the confident columns' own blend of the signals. */
  grams?: Float32Array | undefined;
  /** The centred embeddings' cosine alone, when the features have embeddings (near-duplicates). */
  meaning?: Float32Array | undefined;
}

/**
 * Adds `weight × a·b` for every pair sharing a term, through an inverted index (Σ over terms of
 * df²), one matrix row at a time so that the sums stay within one row in cache.
 */
function addSparse(
  vectors: readonly SparseVector[],
  cards: readonly number[],
  weight: number,
  target: Float32Array,
  size: number,
) {
  if (weight === 0) return;
  const lists = new Map<number, { cards: number[]; values: number[] }>();
  cards.forEach((i, c) => {
    const vector = vectors[i] as SparseVector;
    for (let k = 0; k < vector.indices.length; k++) {
      const term = vector.indices[k] as number;
      let list = lists.get(term);
      if (!list) {
        list = { cards: [], values: [] };
        lists.set(term, list);
      }
      list.cards.push(c);
      list.values.push(vector.values[k] as number);
    }
  });
  cards.forEach((i, x) => {
    const vector = vectors[i] as SparseVector;
    const row = x * size;
    for (let k = 0; k < vector.indices.length; k++) {
      const list = lists.get(vector.indices[k] as number) as { cards: number[]; values: number[] };
      const u = vector.values[k] as number;
      const { cards: others, values } = list;
      for (let m = 0; m < others.length; m++) {
        const y = others[m] as number;
        // weight × (u·v), not (weight·u)·v: the pair's two cells get bit-identical sums.
        if (y !== x) target[row + y] = (target[row + y] as number) + weight * (u * (values[m] as number));
      }
    }
  });
}

/** The dot product of two rows of `flat`, in four partial sums (independent additions the engine can overlap). */
function dot4(flat: Float32Array, a: number, b: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    s0 += (flat[a + d] as number) * (flat[b + d] as number);
    s1 += (flat[a + d + 1] as number) * (flat[b + d + 1] as number);
    s2 += (flat[a + d + 2] as number) * (flat[b + d + 2] as number);
    s3 += (flat[a + d + 3] as number) * (flat[b + d + 3] as number);
  }
  for (; d < dims; d++) s0 += (flat[a + d] as number) * (flat[b + d] as number);
  return s0 + s1 + s2 + s3;
}

/**
 * The dot products of every pair of rows of `flat` (`rows × dims`, row-major), as a `rows × rows`
 * row-major matrix; only the cells above the diagonal are read. The suggestion worker passes one
 * that runs on TensorFlow.js's WebAssembly backend (`../model/wasmGram.ts`); without it, `upperDots`.
 */
export type Gram = (flat: Float32Array, rows: number, dims: number) => Float32Array;

/** What `similarityMatrix` may be given. */
export interface SimilarityOptions {
  /** Indices of the cards to compare, in matrix order; all cards by default. */
  cards?: readonly number[] | undefined;
  /** Computes the embeddings' dot products; `upperDots` when absent. */
  gram?: Gram | undefined;
}

/**
 * The dot products above the diagonal, in JavaScript: the n²/2 products are most of a large
 * wall's time. Two rows at a time: each element of the other card is read once for both. Every
 * dot is still summed in four partial sums, in the same order, so the values are those of one
 * row at a time.
 */
export function upperDots(flat: Float32Array, size: number, dims: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let x = 0; x < size; x += 2) {
    const a = x * dims;
    if (x + 1 >= size) {
      for (let y = x + 1; y < size; y++) out[x * size + y] = dot4(flat, a, y * dims, dims);
      continue;
    }
    const a2 = a + dims;
    out[x * size + x + 1] = dot4(flat, a, a2, dims);
    for (let y = x + 2; y < size; y++) {
      const b = y * dims;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      let d = 0;
      for (; d + 3 < dims; d += 4) {
        const b0 = flat[b + d] as number;
        const b1 = flat[b + d + 1] as number;
        const b2 = flat[b + d + 2] as number;
        const b3 = flat[b + d + 3] as number;
        s0 += (flat[a + d] as number) * b0;
        s1 += (flat[a + d + 1] as number) * b1;
        s2 += (flat[a + d + 2] as number) * b2;
        s3 += (flat[a + d + 3] as number) * b3;
        t0 += (flat[a2 + d] as number) * b0;
        t1 += (flat[a2 + d + 1] as number) * b1;
        t2 += (flat[a2 + d + 2] as number) * b2;
        t3 += (flat[a2 + d + 3] as number) * b3;
      }
      for (; d < dims; d++) {
        s0 += (flat[a + d] as number) * (flat[b + d] as number);
        t0 += (flat[a2 + d] as number) * (flat[b + d] as number);
      }
      out[x * size + y] = s0 + s1 + s2 + s3;
      out[(x + 1) * size + y] = t0 + t1 + t2 + t3;
    }
  }
  return out;
}

/** Pairwise combined similarities of the given cards (all cards by default). */
export function similarityMatrix(features: CardFeatures, options: SimilarityOptions = {}): SimilarityMatrix {
  const subset = options.cards ?? features.analysed.map((_, i) => i);
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
    const dims = embeddings[subset[0] as number]?.length ?? 0;
    // One contiguous copy, read in order by either way of computing the products.
    const flat = new Float32Array(size * dims);
    subset.forEach((i, x) => {
      flat.set((embeddings[i] as Float32Array).subarray(0, dims), x * dims);
    });
    meaning = options.gram && size > 1 && dims > 0 ? options.gram(flat, size, dims) : upperDots(flat, size, dims);
    // Mirror the cells above the diagonal (the matrix stays exactly symmetric whichever way computed
    // them) and add, in tiles, so that the column-wise reads stay in cache.
    const TILE = 64;
    for (let x0 = 0; x0 < size; x0 += TILE)
      for (let y0 = x0; y0 < size; y0 += TILE)
        for (let x = x0; x < Math.min(x0 + TILE, size); x++)
          for (let y = Math.max(y0, x + 1); y < Math.min(y0 + TILE, size); y++) {
            const dot = meaning[x * size + y] as number;
            meaning[y * size + x] = dot;
            const product = weights.embedding * dot;
            values[x * size + y] = (values[x * size + y] as number) + product;
            values[y * size + x] = (values[y * size + x] as number) + product;
          }
  }
  for (let x = 0; x < size; x++) {
    values[x * size + x] = 1;
    lexical[x * size + x] = 1;
    if (meaning) meaning[x * size + x] = 1;
  }
  return { cards: subset, size, values, lexical, grams, meaning };
}
