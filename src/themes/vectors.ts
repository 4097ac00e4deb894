/** A unit-length sparse vector: sorted term indices and their weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

const EMPTY: SparseVector = { indices: new Int32Array(0), values: new Float32Array(0) };

/** Dot product of two sparse vectors by merging their sorted indices. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.indices;
  const bi = b.indices;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      sum += (a.values[i] as number) * (b.values[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/**
 * TF-IDF vectors of term lists, unit length. The idf comes from the documents themselves: a
 * workshop is its own corpus, so a word on every card ("library" in a library's workshop)
 * weighs little and a word shared by three cards weighs a lot.
 */
export function tfidf(documents: readonly (readonly string[])[]): SparseVector[] {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const counted = documents.map((terms) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) df[id] = (df[id] ?? 0) + 1;
    return counts;
  });
  const n = documents.length;
  return counted.map((counts) => {
    if (counts.size === 0) return EMPTY;
    const entries = [...counts].sort((x, y) => x[0] - y[0]);
    const indices = new Int32Array(entries.length);
    const values = new Float32Array(entries.length);
    let norm = 0;
    entries.forEach(([id, count], k) => {
      // Smoothed idf; log(1 + tf) so a word typed twice does not dominate a short card.
      const weight = Math.log(1 + count) * Math.log((1 + n) / (1 + (df[id] ?? 0)) + 1);
      indices[k] = id;
      values[k] = weight;
      norm += weight * weight;
    });
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * scale;
    return { indices, values };
  });
}

/** Dot product of two dense vectors of the same length. */
export function denseDot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

/**
 * Subtracts the mean vector and rescales to unit length. Sentence embeddings of short notes all
 * sit in one narrow cone (any two cards look 0.3 alike); centring on the workshop's own mean
 * spreads them so that what differs between its cards is what gets compared.
 */
export function centreAndNormalise(vectors: readonly Float32Array[]): Float32Array[] {
  const first = vectors[0];
  if (!first) return [];
  const mean = new Float32Array(first.length);
  for (const vector of vectors)
    for (let k = 0; k < mean.length; k++) mean[k] = (mean[k] as number) + (vector[k] ?? 0) / vectors.length;
  return vectors.map((vector) => {
    const out = new Float32Array(mean.length);
    let norm = 0;
    for (let k = 0; k < out.length; k++) {
      const value = (vector[k] ?? 0) - (mean[k] as number);
      out[k] = value;
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) * scale;
    return out;
  });
}
