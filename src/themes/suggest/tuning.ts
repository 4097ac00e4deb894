/**
 * Every measured constant of the suggestions in one place: each was chosen on the "dev" sets of
 * `bench/data` only (`npm run bench -- themes --split dev`); the "test" sets give the held-out
 * figures. Exported as one object so that the bench can try alternatives without code edits.
 */
export interface Tuning {
  /** Relative weights of the three similarity signals (normalised over those present). */
  weights: { stems: number; grams: number; embedding: number };
  /** Centre each language's embeddings on its own mean (true) or the workshop's (false). */
  centreByLanguage: boolean;
  /** Typical column count for n cards is `countScale * n ** countPower`; candidates span ±`countSpread`. */
  countScale: number;
  countPower: number;
  countSpread: number;
  /** Rounds of moving cards to the group they are most like after the tree is cut (0: none). */
  refineRounds: number;
  /** A card whose mean similarity to the rest of its suggested column is below this fits nowhere. */
  outlierSimilarity: number;
  /** Near-duplicates with sentence embeddings: mean of word overlap and meaning similarity at least this. */
  duplicateMeaning: number;
  /** Near-duplicates without embeddings: lexical overlap (language-neutral terms) at least this… */
  duplicateLexical: number;
  /** …or overall similarity at least this and mutual nearest neighbours… */
  duplicateOverall: number;
  /** …where each card is among the other's this-many closest cards (2 lets a triple through). */
  duplicateRank: number;
  /** Placing: how much the best-matching card of a column counts beside the column's mean. */
  placeMax: number;
  /**
   * A suggested column is shown only when its cards' mean pairwise similarity stands this many
   * robust deviations above the workshop's median pair (see `confidence.ts`).
   */
  confidentColumn: number;
  /** The signal weights of that similarity (sentence meaning counts more than in the clustering). */
  confidentWeights: { stems: number; grams: number; embedding: number };
  /** A "Fits" hint is shown only when the best column beats the second by this many such deviations. */
  confidentPlacement: number;
}

export const TUNING: Tuning = {
  weights: { stems: 0.3, grams: 0.2, embedding: 0.5 },
  centreByLanguage: true,
  countScale: 1.2,
  countPower: 0.45,
  countSpread: 0.5,
  refineRounds: 5,
  outlierSimilarity: Number.NEGATIVE_INFINITY,
  duplicateMeaning: 0.65,
  duplicateLexical: 0.4,
  duplicateOverall: 0.5,
  duplicateRank: 1,
  placeMax: 0,
  confidentColumn: 4.1,
  confidentWeights: { stems: 0.2, grams: 0.1, embedding: 0.7 },
  confidentPlacement: 0.78,
};
