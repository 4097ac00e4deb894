import { type AnalysedText, analyse, type CardLanguage } from "./text.js";
import { centreAndNormalise, type SparseVector, tfidf } from "./vectors.js";

/** How much each signal counts in the similarity of two cards; the weights are relative. */
export interface SignalWeights {
  /** TF-IDF of stemmed content words: the same word, whatever its ending. */
  stems: number;
  /** TF-IDF of character n-grams of content words: typos, abbreviations, French-English cognates. */
  grams: number;
  /** Sentence embeddings, when a model supplied them: meaning beyond shared words. */
  embedding: number;
}

/** Weights measured on the development sets of `bench/data` (see `npm run bench -- themes`). */
export const DEFAULT_WEIGHTS: SignalWeights = { stems: 0.35, grams: 0.25, embedding: 0.4 };

/** Everything the suggestion algorithms compare, computed once per set of cards. */
export interface CardFeatures {
  analysed: AnalysedText[];
  stems: SparseVector[];
  grams: SparseVector[];
  embeddings: Float32Array[] | undefined;
  /** Weights normalised to sum 1 over the signals present. */
  weights: SignalWeights;
}

/** Options shared by every suggestion function. */
export interface FeatureOptions {
  /** Language of cards that give no clue of their own (the workshop's language). */
  language?: CardLanguage;
  /** One sentence embedding per card, in card order; without them the word signals do the work. */
  embeddings?: readonly Float32Array[] | undefined;
  weights?: SignalWeights;
}

/** Character n-grams of each word padded with spaces, so prefixes and suffixes count. */
function charGrams(words: readonly string[]): string[] {
  const grams: string[] = [];
  for (const word of words) {
    const padded = ` ${word} `;
    for (const n of [3, 4]) for (let k = 0; k + n <= padded.length; k++) grams.push(padded.slice(k, k + n));
  }
  return grams;
}

// Below this many cards a language's own mean is too noisy to centre on.
const MIN_LANGUAGE_GROUP = 5;

/**
 * Centres each language's embeddings on that language's mean. The English model places every
 * French card near every other French card; without this a mixed workshop splits by language
 * before it splits by topic.
 */
function centreByLanguage(vectors: readonly Float32Array[], analysed: readonly AnalysedText[]): Float32Array[] {
  const groups = new Map<string, number[]>();
  analysed.forEach((card, i) => {
    const group = groups.get(card.language) ?? [];
    group.push(i);
    groups.set(card.language, group);
  });
  const small = [...groups.values()].some((group) => group.length < MIN_LANGUAGE_GROUP);
  if (groups.size < 2 || small) return centreAndNormalise(vectors);
  const out: Float32Array[] = new Array(vectors.length);
  for (const group of groups.values()) {
    const centred = centreAndNormalise(group.map((i) => vectors[i] as Float32Array));
    group.forEach((i, k) => {
      out[i] = centred[k] as Float32Array;
    });
  }
  return out;
}

/** Analyses the cards and builds the signals their similarity is made of. */
export function buildFeatures(texts: readonly string[], options: FeatureOptions = {}): CardFeatures {
  const analysed = texts.map((text) => analyse(text, options.language ?? "en"));
  const embeddings =
    options.embeddings && options.embeddings.length === texts.length && texts.length > 0
      ? centreByLanguage(options.embeddings, analysed)
      : undefined;
  const raw = options.weights ?? DEFAULT_WEIGHTS;
  const embedding = embeddings ? raw.embedding : 0;
  const total = raw.stems + raw.grams + embedding || 1;
  return {
    analysed,
    stems: tfidf(analysed.map((card) => card.stems)),
    grams: tfidf(analysed.map((card) => charGrams(card.words))),
    embeddings,
    weights: { stems: raw.stems / total, grams: raw.grams / total, embedding: embedding / total },
  };
}
