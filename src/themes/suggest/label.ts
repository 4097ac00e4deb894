import { centroidOf, centroidShape, similarityToCentroid } from "./centroids.js";
import type { CardFeatures } from "./features.js";
import { STOPWORDS } from "./stopwords.js";
import { fold } from "./text.js";

/** A suggested name and key points for one column, drawn from its own cards. */
export interface ColumnSummary {
  label: string;
  keyPoints: string[];
}

const MIN_LABEL_WORDS = 3;
const MAX_LABEL_WORDS = 7;
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

/**
 * A card cut to the label's length can end mid-phrase ("Collect rainwater from the shed roof
 * for"): the little words left hanging at the end go, so the label reads as a phrase.
 */
export function withoutDanglingEnd(words: readonly string[]): string[] {
  let end = words.length;
  while (end > 1 && STOPWORDS.has(fold(words[end - 1] ?? ""))) end--;
  return words.slice(0, end);
}

/** Capitalises the first letter: a label is a heading, whatever case the card was typed in. */
function heading(words: readonly string[]): string {
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
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

/** How many of the column's cards use each stem, weighted by how rare it is in the workshop. */
function characteristicWords(features: CardFeatures, members: readonly number[], texts: readonly string[]): string[] {
  const n = features.analysed.length;
  const workshopCount = stemCounts(features);
  const score = new Map<string, number>();
  const surface = new Map<string, string>();
  for (const i of members) {
    const card = features.analysed[i];
    if (!card) continue;
    // Show a word as it was typed (accents and all), not in its folded comparison form.
    const typed = new Map(displayWords(texts[i] ?? "").map((word) => [fold(word), word.toLowerCase()]));
    card.stems.forEach((stem, k) => {
      const word = card.words[k] as string;
      if (!surface.has(stem)) surface.set(stem, typed.get(word) ?? word);
    });
    for (const stem of new Set(card.stems))
      score.set(stem, (score.get(stem) ?? 0) + Math.log(1 + n / (workshopCount.get(stem) ?? 1)));
  }
  return [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([stem]) => surface.get(stem) as string);
}

/**
 * Names a column after its most central card (3 to 7 of its words, topped up with the column's
 * most characteristic words when that card is shorter) and takes the next most central cards
 * as key points. Drawing from the cards keeps the room's own words, as the method asks.
 */
export function summarise(features: CardFeatures, members: readonly number[], texts: readonly string[]): ColumnSummary {
  if (members.length === 0) return { label: "", keyPoints: [] };
  const centroid = centroidOf(features, centroidShape(features), members);
  // Each card's closeness once, not once per comparison of the sort.
  const closeness = new Map(members.map((i) => [i, similarityToCentroid(features, i, centroid)]));
  const central = [...members].sort((a, b) => (closeness.get(b) ?? 0) - (closeness.get(a) ?? 0) || a - b);
  const wordsOf = (i: number) => displayWords(texts[i] ?? "");
  const labelCard =
    central.find((i) => wordsOf(i).length >= MIN_LABEL_WORDS && wordsOf(i).length <= MAX_LABEL_WORDS) ??
    (central[0] as number);
  const words = withoutDanglingEnd(wordsOf(labelCard).slice(0, MAX_LABEL_WORDS));
  const present = new Set(words.map((word) => word.toLowerCase()));
  // Topped up only when the label card is short: most columns never need the column's words ranked.
  const characteristic = words.length < MIN_LABEL_WORDS ? characteristicWords(features, members, texts) : [];
  for (const word of characteristic) {
    if (words.length >= MIN_LABEL_WORDS) break;
    if (present.has(word)) continue;
    present.add(word);
    words.push(word);
  }
  const keyPoints = central
    .filter((i) => i !== labelCard)
    .slice(0, MAX_KEY_POINTS)
    .map((i) => clip(texts[i] ?? "", MAX_KEY_POINT_CHARS));
  return { label: clip(heading(words), MAX_LABEL_CHARS), keyPoints };
}
