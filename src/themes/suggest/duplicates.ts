import type { CardFeatures } from "./features.js";
import { type Gram, type SimilarityMatrix, similarityMatrix } from "./similarity.js";
import { TUNING } from "./tuning.js";
import { denseDot, type SparseVector, sparseDot } from "./vectors.js";

// Up to this many cards every pair is compared (through the similarity matrix); above, only pairs that share a term.
const ALL_PAIRS_LIMIT = 1500;
// Cards whose words coincide this much are twins whatever their neighbours.
const SAME_WORDS = 0.8;
// A term on more cards than this is the workshop's subject, not a sign of a duplicate.
const MAX_TERM_CARDS = 200;

interface ScoredPair {
  i: number;
  j: number;
  lexical: number;
  overall: number;
  /** Cosine of the two cards' centred sentence embeddings; undefined without a model. */
  meaning: number | undefined;
}

/** The cosine of two cards' centred embeddings, when the features have them. */
function meaningOf(features: CardFeatures, i: number, j: number): number | undefined {
  const { embeddings } = features;
  return embeddings ? denseDot(embeddings[i] as Float32Array, embeddings[j] as Float32Array) : undefined;
}

/** Visits one pair of cards with its scores. */
type PairVisitor = (i: number, j: number, lexical: number, overall: number, meaning: number | undefined) => void;

/**
 * Visits every pair of cards with its scores, read from the matrix in place: a thousand cards
 * make half a million pairs, and an object for each cost a third of the duplicate search in GC.
 */
function visitMatrix(matrix: SimilarityMatrix, visit: PairVisitor): void {
  const { size, values, lexical, meaning, cards } = matrix;
  for (let x = 0; x < size; x++) {
    const i = cards[x] as number;
    const row = x * size;
    for (let y = x + 1; y < size; y++) {
      visit(i, cards[y] as number, lexical[row + y] as number, values[row + y] as number, meaning?.[row + y]);
    }
  }
}

/** Pairs that share a language-neutral term, scored one by one: a huge wall's duplicates share words. */
function pairsSharingTerms(features: CardFeatures): ScoredPair[] {
  const cardsOfTerm = new Map<number, number[]>();
  features.stems.forEach((vector, i) => {
    for (const term of vector.indices) {
      const cards = cardsOfTerm.get(term) ?? [];
      cards.push(i);
      cardsOfTerm.set(term, cards);
    }
  });
  const seen = new Set<number>();
  const pairs: ScoredPair[] = [];
  const n = features.analysed.length;
  const { weights } = features;
  for (const cards of cardsOfTerm.values()) {
    if (cards.length > MAX_TERM_CARDS) continue;
    for (let a = 0; a < cards.length; a++)
      for (let b = a + 1; b < cards.length; b++) {
        const i = cards[a] as number;
        const j = cards[b] as number;
        if (seen.has(i * n + j)) continue;
        seen.add(i * n + j);
        const lexical = sparseDot(features.stems[i] as SparseVector, features.stems[j] as SparseVector);
        const grams = sparseDot(features.grams[i] as SparseVector, features.grams[j] as SparseVector);
        const meaning = meaningOf(features, i, j);
        pairs.push({
          i,
          j,
          lexical,
          overall: weights.stems * lexical + weights.grams * grams + weights.embedding * (meaning ?? 0),
          meaning,
        });
      }
  }
  return pairs;
}

/**
 * Pairs of cards that say the same thing, as indices with the lower first, in card order. A
 * pair is flagged when its words nearly coincide (language-neutral stems, so a French card and
 * its English twin can match). With sentence embeddings, a pair is also flagged when the mean of
 * its word overlap and its meaning similarity reaches `duplicateMeaning`: shared words alone mark
 * a shared theme, and so does a loose likeness of meaning, so a pair needs some of both, or
 * near-identical meaning when it shares no word. Without embeddings, a pair is flagged
 * when it is very similar overall and each card is among the other's closest: within one
 * workshop every card is on topic, so overall similarity alone would flag neighbours that
 * merely share a theme.
 */
export function duplicatePairs(
  features: CardFeatures,
  { matrix, gram }: { matrix?: SimilarityMatrix | undefined; gram?: Gram | undefined } = {},
): [number, number][] {
  const n = features.analysed.length;
  if (n < 2) return [];
  let visitPairs: (visit: PairVisitor) => void;
  if (n <= ALL_PAIRS_LIMIT) {
    const all = matrix && matrix.size === n ? matrix : similarityMatrix(features, { gram });
    visitPairs = (visit) => visitMatrix(all, visit);
  } else {
    const sharing = pairsSharingTerms(features);
    visitPairs = (visit) => {
      for (const { i, j, lexical, overall, meaning } of sharing) visit(i, j, lexical, overall, meaning);
    };
  }
  // Each card's closest scores, to tell a twin from a card that is merely on the same theme.
  const rank = Math.max(1, TUNING.duplicateRank);
  const closest: number[][] = Array.from({ length: n }, () => []);
  const note = (card: number, score: number) => {
    const list = closest[card] as number[];
    if (list.length < rank || score > (list[list.length - 1] as number)) {
      list.push(score);
      list.sort((a, b) => b - a);
      if (list.length > rank) list.pop();
    }
  };
  visitPairs((i, j, _lexical, overall) => {
    note(i, overall);
    note(j, overall);
  });
  const among = (card: number, score: number) => {
    const list = closest[card] as number[];
    return score >= (list[list.length - 1] as number);
  };
  const empty = (card: number) => (features.analysed[card]?.words.length ?? 0) === 0;
  const isDuplicate = (i: number, j: number, lexical: number, overall: number, meaning: number | undefined) => {
    if (empty(i) || empty(j)) return false;
    if (lexical >= SAME_WORDS) return true;
    if (meaning !== undefined) return (lexical + meaning) / 2 >= TUNING.duplicateMeaning;
    const closest = among(i, overall) && among(j, overall);
    return closest && (lexical >= TUNING.duplicateLexical || overall >= TUNING.duplicateOverall);
  };
  const flagged: [number, number][] = [];
  visitPairs((i, j, lexical, overall, meaning) => {
    if (isDuplicate(i, j, lexical, overall, meaning)) flagged.push([i, j]);
  });
  return flagged.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
