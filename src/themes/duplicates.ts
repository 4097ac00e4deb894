import type { CardFeatures } from "./features.js";
import { denseDot, type SparseVector, sparseDot } from "./vectors.js";

/** Thresholds of the near-duplicate test, measured on the development sets' labelled pairs. */
export interface DuplicateThresholds {
  /** Same words (stems and character n-grams, averaged) at least this alike: flagged. */
  lexical: number;
  /** Combined similarity at least this high, and each is the other's nearest card: flagged. */
  semantic: number;
}

/** The thresholds `findDuplicates` uses unless told otherwise. */
export const DEFAULT_DUPLICATE_THRESHOLDS: DuplicateThresholds = { lexical: 0.35, semantic: 0.3 };

// Up to this many cards every pair is compared; above, only pairs that share a stem.
const ALL_PAIRS_LIMIT = 1500;
// A stem on more cards than this is the workshop's subject, not a sign of a duplicate.
const MAX_STEM_CARDS = 200;

/** For each card, the later cards worth comparing it with: all of them for a normal wall, those sharing a word for a huge one. */
function candidates(features: CardFeatures): (i: number) => Iterable<number> {
  const n = features.analysed.length;
  if (n <= ALL_PAIRS_LIMIT) return (i) => Array.from({ length: n - i - 1 }, (_, k) => i + 1 + k);
  const cardsOfStem = new Map<string, number[]>();
  features.analysed.forEach((card, i) => {
    for (const stem of new Set(card.stems)) {
      const cards = cardsOfStem.get(stem) ?? [];
      cards.push(i);
      cardsOfStem.set(stem, cards);
    }
  });
  const later: Set<number>[] = features.analysed.map(() => new Set());
  for (const cards of cardsOfStem.values()) {
    if (cards.length > MAX_STEM_CARDS) continue;
    for (let a = 0; a < cards.length; a++)
      for (let b = a + 1; b < cards.length; b++) later[cards[a] as number]?.add(cards[b] as number);
  }
  return (i) => [...(later[i] ?? [])].sort((x, y) => x - y);
}

/**
 * Pairs of cards that say the same thing, as indices with the lower first, in card order. A
 * pair is flagged when its words nearly coincide, or when it is similar overall and each card
 * is the other's closest: within one workshop every card is on topic, so overall similarity
 * alone would flag neighbours that merely share a theme.
 */
export function duplicatePairs(
  features: CardFeatures,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
): [number, number][] {
  const n = features.analysed.length;
  const nearest = new Array<number>(n).fill(-1);
  const nearestScore = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const scored: { i: number; j: number; lexical: number; overall: number }[] = [];
  const laterOf = candidates(features);
  for (let i = 0; i < n; i++)
    for (const j of laterOf(i)) {
      const stems = sparseDot(features.stems[i] as SparseVector, features.stems[j] as SparseVector);
      const grams = sparseDot(features.grams[i] as SparseVector, features.grams[j] as SparseVector);
      const lexical = (stems + grams) / 2;
      const { weights, embeddings } = features;
      const meaning = embeddings ? denseDot(embeddings[i] as Float32Array, embeddings[j] as Float32Array) : 0;
      const overall = weights.stems * stems + weights.grams * grams + weights.embedding * meaning;
      if (overall > (nearestScore[i] as number)) {
        nearestScore[i] = overall;
        nearest[i] = j;
      }
      if (overall > (nearestScore[j] as number)) {
        nearestScore[j] = overall;
        nearest[j] = i;
      }
      if (lexical >= thresholds.lexical || overall >= thresholds.semantic) scored.push({ i, j, lexical, overall });
    }
  return scored
    .filter(
      ({ i, j, lexical, overall }) =>
        lexical >= thresholds.lexical || (overall >= thresholds.semantic && nearest[i] === j && nearest[j] === i),
    )
    .map(({ i, j }) => [i, j] as [number, number]);
}
