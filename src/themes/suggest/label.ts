import { centroidOf, centroidShape, similarityToCentroid } from "./centroids.js";
import type { CardFeatures } from "./features.js";
import { type CardLanguage, fold } from "./text.js";
import { type SparseVector, sparseDot } from "./vectors.js";

/** A suggested name and key points for one column, drawn from its own cards. */
export interface ColumnSummary {
  label: string;
  keyPoints: string[];
}

// Cards whose language-neutral words overlap this much make one key point.
const SAME_IDEA = 0.5;
const MAX_KEY_POINTS = 3;
// A key point is a card's text; a pasted paragraph is cut to what fits a report line.
const MAX_KEY_POINT_CHARS = 120;
// A label is a heading: a pasted run of letters with no spaces must not make it a paragraph.
const MAX_LABEL_CHARS = 80;

/** Words of a card as written, without stray symbols or emoji around them. */
function displayWords(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(" ")
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%)]+$/gu, ""))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * A card's text on one line. A merged card holds its texts one per line: they stay told apart
 * by a separator instead of running into one sentence.
 */
export function oneLine(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(" / ");
}

function clip(text: string, limit: number): string {
  const clean = oneLine(text);
  return clean.length <= limit ? clean : `${clean.slice(0, limit - 1).trimEnd()}…`;
}

/** How many of the workshop's cards use each stem: counted once per feature set, for every column. */
const workshopCounts = new WeakMap<CardFeatures, Map<string, number>>();

function stemCounts(features: CardFeatures): Map<string, number> {
  let counts = workshopCounts.get(features);
  if (!counts) {
    counts = new Map();
    for (const card of features.analysed)
      for (const stem of new Set(card.stems)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    workshopCounts.set(features, counts);
  }
  return counts;
}

/** A word of a column, as typed, with how many of the column's cards use it and how telling it is. */
interface ColumnWord {
  word: string;
  cards: number;
  score: number;
}

/** The column's words, most telling first: used by more of its cards, and rarer in the workshop. */
function columnWords(features: CardFeatures, members: readonly number[], texts: readonly string[]): ColumnWord[] {
  const n = features.analysed.length;
  const workshopCount = stemCounts(features);
  const words = new Map<string, ColumnWord>();
  for (const i of members) {
    const card = features.analysed[i];
    if (!card) continue;
    // Show a word as it was typed (accents and all), not in its folded comparison form.
    const typed = new Map(displayWords(texts[i] ?? "").map((word) => [fold(word), word.toLowerCase()]));
    const seen = new Set<string>();
    card.stems.forEach((stem, k) => {
      if (seen.has(stem)) return;
      seen.add(stem);
      const entry = words.get(stem) ?? {
        word: typed.get(card.words[k] as string) ?? (card.words[k] as string),
        cards: 0,
        score: 0,
      };
      entry.cards += 1;
      entry.score += Math.log(1 + n / (workshopCount.get(stem) ?? 1));
      words.set(stem, entry);
    });
  }
  return [...words.values()].sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1));
}

// Verbs a room's cards often open with: when the column's cards share one, the name starts with it.
const ACTION_VERBS: ReadonlySet<string> = new Set(
  `add build buy create fix find get give hire improve keep make offer open plan provide reduce repair replace run
   set share start stop train use ajouter acheter améliorer créer donner faire former installer mettre offrir organiser
   ouvrir payer prévoir proposer réduire réparer trouver`.split(/\s+/),
);

// Without a shared verb, the name says what the room would do about what the cards share.
const DEFAULT_VERB: Record<CardLanguage, string> = { en: "Improve", fr: "Améliorer" };
const AND: Record<CardLanguage, string> = { en: "and", fr: "et" };
// French would need the word's gender for an article: "Améliorer ce qui touche : parking" avoids it.
// (The colon takes a no-break space before it, as French typography asks.)
const ONE_WORD: Record<CardLanguage, string[]> = { en: ["the"], fr: ["ce", "qui", "touche\u00a0:"] };

/** The column's language: that of most of its cards. */
function languageOf(features: CardFeatures, members: readonly number[]): CardLanguage {
  const french = members.filter((i) => features.analysed[i]?.language === "fr").length;
  return french * 2 > members.length ? "fr" : "en";
}

/**
 * A short action phrase from what the column's cards share: a verb (one the cards share, or
 * "Improve"), then the words most of its cards use, rarest in the workshop first: "Fix parking and
 * lot", "Améliorer douches et vestiaires". Never one card's text: a person names a column after
 * what its cards have in common, and a copied card reads as if that card were the column.
 */
export function actionLabel(features: CardFeatures, members: readonly number[], texts: readonly string[]): string {
  const language = languageOf(features, members);
  const ranked = columnWords(features, members, texts);
  const verb = ranked.find((entry) => entry.cards >= 2 && ACTION_VERBS.has(entry.word));
  // "9am", "U13", "+4%": figures say little out of their card.
  const objects = ranked.filter((entry) => entry !== verb && !ACTION_VERBS.has(entry.word) && !/\d/.test(entry.word));
  // Words shared by two or more cards first; a column whose cards share none is named by its most telling words.
  const shared = objects.filter((entry) => entry.cards >= 2);
  const chosen = [...shared, ...objects.filter((entry) => entry.cards < 2)].slice(
    0,
    Math.max(2, Math.min(3, shared.length)),
  );
  const words = chosen.map((entry) => entry.word);
  if (words.length === 0) return "";
  const head = verb ? verb.word.charAt(0).toUpperCase() + verb.word.slice(1) : DEFAULT_VERB[language];
  // A column with one content word still gets a three-word phrase: "Improve the parking".
  const list =
    words.length === 1
      ? [...ONE_WORD[language], ...words]
      : [...words.slice(0, -1).join(", ").split(" "), AND[language], words.at(-1) as string];
  // The words hold no white space of their own: only an overlong label goes through `clip`, which
  // would turn the French no-break space into an ordinary one.
  const joined = [head, ...list].join(" ");
  const label = joined.length <= MAX_LABEL_CHARS ? joined : clip(joined, MAX_LABEL_CHARS);
  const copied = members.some((i) => oneLine(texts[i] ?? "").toLowerCase() === label.toLowerCase());
  // A one-card-long column of three words could still read as its card: the verb then says it is a column.
  return copied ? `${DEFAULT_VERB[language]} ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}

/** Whether two cards say nearly the same in words: such a pair makes one key point, not two. */
function sameIdea(features: CardFeatures, i: number, j: number): boolean {
  return sparseDot(features.stems[i] as SparseVector, features.stems[j] as SparseVector) >= SAME_IDEA;
}

/**
 * Names a column with a short action phrase built from the words its cards share (see
 * `actionLabel`) and takes its most central cards as key points, one per idea: a card that
 * repeats a key point already taken is skipped. Drawing from the cards keeps the room's own words.
 */
export function summarise(features: CardFeatures, members: readonly number[], texts: readonly string[]): ColumnSummary {
  if (members.length === 0) return { label: "", keyPoints: [] };
  const centroid = centroidOf(features, centroidShape(features), members);
  // Each card's closeness once, not once per comparison of the sort.
  const closeness = new Map(members.map((i) => [i, similarityToCentroid(features, i, centroid)]));
  const central = [...members].sort((a, b) => (closeness.get(b) ?? 0) - (closeness.get(a) ?? 0) || a - b);
  const points: number[] = [];
  for (const i of central) {
    if (points.length >= MAX_KEY_POINTS) break;
    if (points.some((j) => sameIdea(features, i, j))) continue;
    points.push(i);
  }
  return {
    label: actionLabel(features, members, texts),
    keyPoints: points.map((i) => clip(texts[i] ?? "", MAX_KEY_POINT_CHARS)),
  };
}
