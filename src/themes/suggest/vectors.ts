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

/** The terms a set of documents uses and in how many documents each appears. */
export interface Vocabulary {
  ids: Map<string, number>;
  df: number[];
  documents: number;
}

/** Counts the terms of some documents. */
export function vocabularyOf(documents: readonly (readonly string[])[]): Vocabulary {
  const ids = new Map<string, number>();
  const df: number[] = [];
  for (const terms of documents)
    for (const term of new Set(terms)) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        df.push(0);
      }
      df[id] = (df[id] ?? 0) + 1;
    }
  return { ids, df, documents: documents.length };
}

/**
 * The unit-length TF-IDF vector of one document against a vocabulary. A term the vocabulary
 * lacks weighs as the rarest do and counts in the length, though it can match nothing: a new
 * card is measured exactly as it would be had it been among the documents.
 */
export function vectorise(vocabulary: Vocabulary, terms: readonly string[]): SparseVector {
  if (terms.length === 0) return EMPTY;
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const n = vocabulary.documents;
  // Parallel arrays rather than [id, weight] pairs: this runs for every card on every request.
  const ids: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (const [term, count] of counts) {
    const id = vocabulary.ids.get(term);
    const df = id === undefined ? 0 : (vocabulary.df[id] ?? 0);
    // Smoothed idf; log(1 + tf) so a word typed twice does not dominate a short card.
    const weight = Math.log(1 + count) * Math.log((1 + n) / (1 + df) + 1);
    norm += weight * weight;
    if (id !== undefined) {
      ids.push(id);
      weights.push(weight);
    }
  }
  const order = ids.map((_, k) => k).sort((x, y) => (ids[x] as number) - (ids[y] as number));
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const indices = new Int32Array(order.length);
  const values = new Float32Array(order.length);
  order.forEach((k, at) => {
    indices[at] = ids[k] as number;
    values[at] = (weights[k] as number) * scale;
  });
  return { indices, values };
}

/**
 * TF-IDF vectors of term lists, unit length. The idf comes from the documents themselves: a
 * workshop is its own corpus, so a word on every card ("library" in a library's workshop)
 * weighs little and a word shared by three cards weighs a lot.
 */
export function tfidf(documents: readonly (readonly string[])[]): SparseVector[] {
  const vocabulary = vocabularyOf(documents);
  return documents.map((terms) => vectorise(vocabulary, terms));
}

/** Dot product of two dense vectors of the same length. */
export function denseDot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}
