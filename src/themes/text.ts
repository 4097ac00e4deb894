import { newStemmer } from "snowball-stemmers";
import { ENGLISH_MARKERS, FRENCH_MARKERS, STOPWORDS } from "./stopwords.js";

/** The languages Concord's workshops are held in; each card is read in one of them. */
export type CardLanguage = "en" | "fr";

/** A card's text reduced to what the similarity signals compare. */
export interface AnalysedText {
  language: CardLanguage;
  /** Content words, lower-cased and without accents, in order. */
  words: string[];
  /** The same words stemmed in the card's language, without accents. */
  stems: string[];
}

const STEMMERS = { en: newStemmer("english"), fr: newStemmer("french") };
// Stemming dominates the analysis of a large wall and its words repeat: remember them (bounded).
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

function stem(token: string, language: CardLanguage): string {
  const key = `${language}:${token}`;
  let stemmed = STEM_CACHE.get(key);
  if (stemmed === undefined) {
    stemmed = fold(STEMMERS[language].stem(token));
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    STEM_CACHE.set(key, stemmed);
  }
  return stemmed;
}

// Sticky-note shorthand that is not specific to one trade; expanding it lets "w/ kids" meet "with children".
const SHORTHAND: Record<string, string> = {
  ppl: "people",
  govt: "government",
  mgmt: "management",
  dept: "department",
  info: "information",
  hrs: "hours",
  hr: "hour",
  mins: "minutes",
  min: "minutes",
  wk: "week",
  wks: "weeks",
  yr: "year",
  yrs: "years",
  asap: "soon",
  tel: "telephone",
  rdv: "rendez-vous",
};

// A hostile or pasted card can be very long; the first words say what it is about.
const MAX_ANALYSED_CHARS = 600;

/** Lower-cases and removes accents, so "Élèves" and "eleves" compare equal. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
}

/** Splits a card into lower-case word tokens (accents kept, for the French stemmer). */
export function tokenize(text: string): string[] {
  const lowered = text
    .slice(0, MAX_ANALYSED_CHARS)
    .toLowerCase()
    .normalize("NFC")
    .replace(/\bw\/o\b/g, " without ")
    .replace(/\bw\//g, " with ")
    .replace(/\bb\/c\b/g, " because ");
  const tokens: string[] = [];
  for (const raw of lowered.split(/[^\p{L}\p{N}]+/u)) {
    if (!raw || /^\p{N}+$/u.test(raw)) continue;
    tokens.push(SHORTHAND[raw] ?? raw);
  }
  return tokens;
}

/** Guesses whether a card is French or English from its small words and accents. */
export function detectLanguage(tokens: readonly string[], fallback: CardLanguage): CardLanguage {
  let french = 0;
  let english = 0;
  for (const token of tokens) {
    const folded = fold(token);
    if (FRENCH_MARKERS.has(folded)) french += 1;
    if (ENGLISH_MARKERS.has(folded)) english += 1;
    if (/[àâçéèêëîïôûùüÿœ]/.test(token)) french += 1;
  }
  if (french > english) return "fr";
  if (english > french) return "en";
  return fallback;
}

/** Reduces a card to its language, content words and stems. */
export function analyse(text: string, fallback: CardLanguage): AnalysedText {
  const tokens = tokenize(text);
  const language = detectLanguage(tokens, fallback);
  const words: string[] = [];
  const stems: string[] = [];
  for (const token of tokens) {
    const folded = fold(token);
    if (folded.length < 2 || STOPWORDS.has(folded)) continue;
    words.push(folded);
    stems.push(stem(token, language));
  }
  return { language, words, stems };
}
