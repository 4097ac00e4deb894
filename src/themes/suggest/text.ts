import { newStemmer } from "snowball-stemmers";
import { fold } from "./fold.js";
import { englishFor, isEnglishWord } from "./glossary.js";
import { ENGLISH_MARKERS, FRENCH_MARKERS, STOPWORDS } from "./stopwords.js";

export { fold } from "./fold.js";

/** The languages Concord's workshops are held in; each card is read in one of them. */
export type CardLanguage = "en" | "fr";

/** A card's text reduced to what the similarity signals compare. */
export interface AnalysedText {
  language: CardLanguage;
  /** Content words, lower-cased and without accents, in order. */
  words: string[];
  /** The same words stemmed in the card's language, without accents. */
  stems: string[];
  /**
   * Language-neutral terms: English stems, French words read through the glossary (a French
   * word the glossary lacks keeps its French stem). "Bruit" and "noise" share one.
   */
  concepts: string[];
  /** What the (English) sentence-embedding model reads: the card in English words. */
  gloss: string;
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

/**
 * Sticky-note shorthand. General abbreviations of both languages, plus the most common ones of
 * the trades workshops are often held in (care, software), so that "w/ pts" meets "with patients".
 */
const SHORTHAND: Record<string, string> = {
  // English, general
  ppl: "people",
  govt: "government",
  mgmt: "management",
  mgr: "manager",
  mgrs: "managers",
  dept: "department",
  depts: "departments",
  info: "information",
  hrs: "hours",
  hr: "hour",
  mins: "minutes",
  min: "minutes",
  wk: "week",
  wks: "weeks",
  wknd: "weekend",
  wkend: "weekend",
  yr: "year",
  yrs: "years",
  asap: "soon",
  tel: "telephone",
  bldg: "building",
  bldgs: "buildings",
  intl: "international",
  appt: "appointment",
  appts: "appointments",
  mtg: "meeting",
  mtgs: "meetings",
  admin: "administration",
  uni: "university",
  prof: "professor",
  profs: "professors",
  msg: "message",
  txt: "text",
  thx: "thanks",
  pls: "please",
  plz: "please",
  bc: "because",
  cuz: "because",
  nite: "night",
  eve: "evening",
  approx: "about",
  esp: "especially",
  // Care
  pt: "patient",
  pts: "patients",
  meds: "medicines",
  med: "medicine",
  rx: "prescription",
  // Software
  pr: "pull request",
  prs: "pull requests",
  repo: "repository",
  repos: "repositories",
  prod: "production",
  env: "environment",
  config: "configuration",
  deps: "dependencies",
  infra: "infrastructure",
  // French, general
  rdv: "rendez-vous",
  asso: "association",
  assos: "associations",
  dispo: "disponible",
  appart: "appartement",
  resto: "restaurant",
  ag: "assemblée générale",
  pb: "problème",
  pbs: "problèmes",
  bcp: "beaucoup",
  tjs: "toujours",
  tjrs: "toujours",
  qqn: "quelqu'un",
  qqch: "quelque chose",
};

// A hostile or pasted card can be very long; the first words say what it is about.
const MAX_ANALYSED_CHARS = 600;

/** Writes sticky-note shorthand out in full ("w/ 2 hrs for ppl" → "with 2 hours for people"), case kept. */
export function expandShorthand(text: string): string {
  return text
    .slice(0, MAX_ANALYSED_CHARS)
    .replace(/\bw\/o\b/giu, "without")
    .replace(/\bw\/\s*/giu, "with ")
    .replace(/\bb\/c\b/giu, "because")
    .replace(/\bd\/c\b/giu, "discharge")
    .replace(/[\p{L}\p{N}]+/gu, (word) => SHORTHAND[word.toLowerCase()] ?? word);
}

/** Splits a card into lower-case word tokens (accents kept, for the French stemmer). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of expandShorthand(text)
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)) {
    if (raw && !/^\p{N}+$/u.test(raw)) tokens.push(raw);
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
    // Everyday English words count too, so "Gym floor needs repair" reads as English in a French
    // workshop. (French content words do not: many are English words too, "lecture", "local".)
    if (isEnglishWord(folded)) english += 1;
  }
  if (french > english) return "fr";
  if (english > french) return "en";
  return fallback;
}

/** Reduces a card to its language, content words, stems, language-neutral terms and English gloss. */
export function analyse(text: string, fallback: CardLanguage): AnalysedText {
  const tokens = tokenize(text);
  const language = detectLanguage(tokens, fallback);
  const words: string[] = [];
  const stems: string[] = [];
  const concepts: string[] = [];
  const gloss: string[] = [];
  for (const token of tokens) {
    const folded = fold(token);
    if (folded.length < 2 || STOPWORDS.has(folded)) continue;
    const own = stem(token, language);
    words.push(folded);
    stems.push(own);
    if (language === "en") {
      concepts.push(own);
      gloss.push(token);
      continue;
    }
    const english = englishFor(folded, own);
    if (!english) {
      concepts.push(own);
      gloss.push(token);
      continue;
    }
    for (const word of english) {
      gloss.push(word);
      if (!STOPWORDS.has(word)) concepts.push(stem(word, "en"));
    }
  }
  return {
    language,
    words,
    stems,
    concepts,
    gloss: language === "en" ? expandShorthand(text).replace(/\s+/g, " ").trim() : gloss.join(" "),
  };
}
