import { type AnalysedText, analyse, type CardLanguage } from "./text.js";
import { TUNING } from "./tuning.js";
import { type SparseVector, type Vocabulary, vectorise, vocabularyOf } from "./vectors.js";

/** How much each signal counts in the similarity of two cards; the weights are relative. */
export interface SignalWeights {
  /** TF-IDF of language-neutral stems (English stems; French words through the glossary). */
  stems: number;
  /** TF-IDF of character n-grams of content words: typos, abbreviations, French-English cognates. */
  grams: number;
  /** Sentence embeddings, when a model supplied them: meaning beyond shared words. */
  embedding: number;
}

/** Everything the suggestion algorithms compare, computed once per set of cards. */
export interface CardFeatures {
  analysed: AnalysedText[];
  stems: SparseVector[];
  grams: SparseVector[];
  embeddings: Float32Array[] | undefined;
  /** Weights normalised to sum 1 over the signals present. */
  weights: SignalWeights;
  /** What a card that arrives later is measured against: the same idf and embedding means. */
  basis: FeatureBasis;
}

/** The corpus statistics of a feature set, so that one more card can be vectorised without rebuilding. */
export interface FeatureBasis {
  language: CardLanguage;
  stems: Vocabulary;
  grams: Vocabulary;
  /** Mean embedding subtracted from each language's cards ("*" when all share one). */
  means: Map<string, Float32Array>;
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
// Below this many cards the workshop's mean is too noisy to centre on at all.
const MIN_CENTRED_WALL = 12;

function meanOf(vectors: readonly Float32Array[]): Float32Array {
  const mean = new Float32Array(vectors[0]?.length ?? 0);
  for (const vector of vectors)
    for (let k = 0; k < mean.length; k++) mean[k] = (mean[k] as number) + (vector[k] ?? 0) / vectors.length;
  return mean;
}

/**
 * Subtracts a mean vector and rescales to unit length. Sentence embeddings of short notes all
 * sit in one narrow cone (any two cards look 0.3 alike); centring on the workshop's own mean
 * spreads them so that what differs between its cards is what gets compared.
 */
export function centre(vector: Float32Array, mean: Float32Array): Float32Array {
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
}

/**
 * The means to centre on: each language's own when both are well represented. Even glossed,
 * French cards read as broken English and sit near each other; without this a mixed workshop
 * splits by language before it splits by topic.
 */
function centringMeans(vectors: readonly Float32Array[], analysed: readonly AnalysedText[]): Map<string, Float32Array> {
  const groups = new Map<string, Float32Array[]>();
  analysed.forEach((card, i) => {
    const group = groups.get(card.language) ?? [];
    group.push(vectors[i] as Float32Array);
    groups.set(card.language, group);
  });
  // A handful of cards is mostly its own mean: centring would only make them look opposite.
  const dims = vectors[0]?.length ?? 0;
  if (vectors.length < MIN_CENTRED_WALL) return new Map([["*", new Float32Array(dims)]]);
  const means = new Map<string, Float32Array>([["*", meanOf(vectors)]]);
  const small = [...groups.values()].some((group) => group.length < MIN_LANGUAGE_GROUP);
  if (TUNING.centreByLanguage && groups.size > 1 && !small)
    for (const [language, group] of groups) means.set(language, meanOf(group));
  return means;
}

/** A card's embedding centred as the feature set's cards were. */
export function centredEmbedding(basis: FeatureBasis, vector: Float32Array, language: string): Float32Array {
  return centre(vector, (basis.means.get(language) ?? basis.means.get("*")) as Float32Array);
}

// Server processes analyse the same cards on every request; analysis is pure, so remember it (bounded).
const ANALYSIS_CACHE = new Map<string, AnalysedText>();
const ANALYSIS_CACHE_LIMIT = 50_000;

/** Analyses one card, from the cache when the same text was seen with the same fallback language. */
export function analyseCached(text: string, language: CardLanguage): AnalysedText {
  const key = `${language}\u0000${text}`;
  let analysed = ANALYSIS_CACHE.get(key);
  if (!analysed) {
    analysed = analyse(text, language);
    if (ANALYSIS_CACHE.size >= ANALYSIS_CACHE_LIMIT) ANALYSIS_CACHE.clear();
    ANALYSIS_CACHE.set(key, analysed);
  }
  return analysed;
}

/** Character n-grams of a card's content words. */
function gramsOf(card: AnalysedText): string[] {
  return charGrams(card.words);
}

/** Analyses the cards and builds the signals their similarity is made of. */
export function buildFeatures(texts: readonly string[], options: FeatureOptions = {}): CardFeatures {
  const language = options.language ?? "en";
  const analysed = texts.map((text) => analyseCached(text, language));
  const vectors = options.embeddings && options.embeddings.length === texts.length && texts.length > 0;
  const means = vectors ? centringMeans(options.embeddings as Float32Array[], analysed) : new Map();
  const embeddings = vectors
    ? (options.embeddings as Float32Array[]).map((vector, i) =>
        centre(vector, means.get((analysed[i] as AnalysedText).language) ?? means.get("*")),
      )
    : undefined;
  const raw = options.weights ?? TUNING.weights;
  const embedding = embeddings ? raw.embedding : 0;
  const total = raw.stems + raw.grams + embedding || 1;
  const stemTerms = analysed.map((card) => card.concepts);
  const gramTerms = analysed.map(gramsOf);
  const basis: FeatureBasis = { language, stems: vocabularyOf(stemTerms), grams: vocabularyOf(gramTerms), means };
  return {
    analysed,
    stems: stemTerms.map((terms) => vectorise(basis.stems, terms)),
    grams: gramTerms.map((terms) => vectorise(basis.grams, terms)),
    embeddings,
    weights: { stems: raw.stems / total, grams: raw.grams / total, embedding: embedding / total },
    basis,
  };
}

/** One card that was not among the feature set's cards, measured against its corpus statistics. */
export interface NewCardFeatures {
  analysed: AnalysedText;
  stems: SparseVector;
  grams: SparseVector;
  embedding: Float32Array | undefined;
}

/** Vectorises one more card against an existing feature set, without rebuilding it. */
export function newCardFeatures(features: CardFeatures, text: string, embedding?: Float32Array): NewCardFeatures {
  const analysed = analyseCached(text, features.basis.language);
  return {
    analysed,
    stems: vectorise(features.basis.stems, analysed.concepts),
    grams: vectorise(features.basis.grams, gramsOf(analysed)),
    embedding:
      features.embeddings && embedding?.length
        ? centredEmbedding(features.basis, embedding, analysed.language)
        : undefined,
  };
}
