/**
 * Theme suggestions: columns from scratch, where to place a card, near-duplicates, names.
 * Pure: nothing in this module reads a file, a clock or the network. Sentence embeddings come in
 * as arguments (see `../model/embedder.ts` for the one module that loads the model); without them the
 * word signals do the work alone. The same input always gives the same output.
 */

import type {
  ClusterSuggestions,
  DuplicateSuggestions,
  NameSuggestions,
  PlacementSuggestions,
} from "../../core/index.js";
import { clusterCards, strideSample, TREE_LIMIT } from "./cluster.js";
import {
  type ConfidentGroup,
  confidenceScale,
  confidentGroups,
  confidentPlacement,
  groupConfidence,
  spreadOf,
} from "./confidence.js";
import { duplicatePairs } from "./duplicates.js";
import { analyseCached, buildFeatures, type CardFeatures, type SignalWeights } from "./features.js";
import { summarise } from "./label.js";
import { ColumnRanker, order } from "./place.js";
import { type Gram, similarityMatrix } from "./similarity.js";
import type { CardLanguage } from "./text.js";

// The answers' shapes are the REST contract's (src/core/api/suggestions.ts).
export type {
  ClusterSuggestions,
  DuplicateSuggestions,
  NameSuggestions,
  PlacementSuggestions,
  ThemeSuggestion,
} from "../../core/index.js";
export type { Gram } from "./similarity.js";
export type { CardLanguage } from "./text.js";

/** A card as suggestions see it. */
export interface SuggestionCard {
  id: string;
  text: string;
}

/** A column the room has built: its cards in board order, and its name if it has one. */
export interface SuggestionColumn {
  id: string;
  name?: string | undefined;
  cardIds: readonly string[];
}

/** Inputs every suggestion shares. */
export interface SuggestOptions {
  /** The workshop's language, for cards too short to tell. */
  language?: CardLanguage | undefined;
  /**
   * Sentence embeddings keyed by each card's `embeddingText` (a French card is embedded through
   * its English gloss); used only when every card compared has one.
   */
  embeddings?: ReadonlyMap<string, Float32Array> | undefined;
  /** Signal weights, for the bench's measurements; the defaults are the measured ones. */
  weights?: SignalWeights | undefined;
  /**
   * Computes the embeddings' dot products (the suggestion worker's runs on TensorFlow.js's
   * WebAssembly backend); JavaScript when absent. Float32 sums: the last bits may differ.
   */
  gram?: Gram | undefined;
}

/**
 * What the sentence-embedding model should read for a card: its text with shorthand written out,
 * or, for a French card, its words glossed in English (the packaged model reads English only).
 */
export function embeddingText(text: string, language: CardLanguage = "en"): string {
  return analyseCached(text, language).gloss || text.trim();
}

function featuresOf(texts: readonly string[], options: SuggestOptions) {
  const language = options.language ?? "en";
  const vectors = options.embeddings ? texts.map((text) => options.embeddings?.get(embeddingText(text, language))) : [];
  const complete = texts.length > 0 && vectors.length === texts.length && vectors.every((vector) => vector?.length);
  return buildFeatures(texts, {
    language,
    embeddings: complete ? (vectors as Float32Array[]) : undefined,
    weights: options.weights,
  });
}

/** Proposes columns for a set of cards; `clusters` fixes their number, otherwise it is chosen. */
export function suggestClusters(
  cards: readonly SuggestionCard[],
  options: SuggestOptions & { clusters?: number | undefined } = {},
): ClusterSuggestions {
  const texts = cards.map((card) => card.text);
  const features = featuresOf(texts, options);
  // One similarity matrix serves the clustering, the column count and the duplicates.
  const { gram } = options;
  const all = texts.length <= TREE_LIMIT ? similarityMatrix(features, { gram }) : undefined;
  const idOf = (i: number) => (cards[i] as SuggestionCard).id;
  const duplicates = duplicatePairs(features, { matrix: all, gram }).map(([i, j]): [string, string] => [
    idOf(i),
    idOf(j),
  ]);
  // A huge wall is judged on an even sample, as the clustering does; its other cards stay on the pile.
  const matrix = all ?? similarityMatrix(features, { cards: strideSample(texts.length, TREE_LIMIT), gram });
  const theme = ({ members, confidence }: ConfidentGroup) => {
    const sorted = [...members].sort((a, b) => a - b);
    return { ...summarise(features, sorted, texts), cardIds: sorted.map(idOf), confidence };
  };
  if (options.clusters) {
    const { groups, unclustered } = clusterCards(features, { clusters: options.clusters, matrix: all, gram });
    const scale = confidenceScale(matrix);
    const themes = groups
      .map((members) => ({ members, confidence: groupConfidence(scale, members) }))
      .sort((a, b) => b.members.length - a.members.length || Math.min(...a.members) - Math.min(...b.members))
      .map(theme);
    return { themes, unclustered: unclustered.map(idOf), duplicates };
  }
  const groups = confidentGroups(matrix).map(({ members, confidence }) => ({
    members: members.map((x) => matrix.cards[x] as number),
    confidence,
  }));
  const grouped = new Set(groups.flatMap((group) => group.members));
  return {
    themes: groups.map(theme),
    unclustered: cards.flatMap((card, i) => (grouped.has(i) ? [] : [card.id])),
    duplicates,
  };
}

/**
 * Ranks every column for each card of `toPlace`. `cards` holds the columns' cards and the cards
 * to place; a column's name, when it has one, counts as one more of its cards.
 */
export function suggestPlacements(
  cards: readonly SuggestionCard[],
  columns: readonly SuggestionColumn[],
  toPlace: readonly string[],
  options: SuggestOptions = {},
): PlacementSuggestions {
  const { index, texts, members } = boardTexts(cards, columns);
  const placeable = toPlace.filter((id) => index.has(id));
  const features = featuresOf(texts, options);
  const ranker = new ColumnRanker(features, members);
  const deviation = pairDeviation(features, cards.length, options.gram);
  return {
    placements: placeable.map((cardId) => {
      const scores = ranker.scoreCard(index.get(cardId) as number);
      return {
        cardId,
        themeIds: order(scores).map((column) => (columns[column] as SuggestionColumn).id),
        confident: confidentPlacement(scores, deviation),
      };
    }),
  };
}

// The spread of a board's pair similarities is read on this many of its cards: a steady estimate
// for a fraction of a full matrix's cost.
const SPREAD_SAMPLE = 300;

/** The standard deviation of the pair similarities among the first `count` cards of the features. */
function pairDeviation(features: CardFeatures, count: number, gram: Gram | undefined): number {
  const matrix = similarityMatrix(features, { cards: strideSample(count, SPREAD_SAMPLE), gram });
  return spreadOf(matrix.values, matrix.size).deviation;
}

/**
 * The texts a board is analysed on, each card's position among them, and each column's members
 * by position: a named column's name is one more text, counted as one more of its cards.
 */
function boardTexts(cards: readonly SuggestionCard[], columns: readonly SuggestionColumn[]) {
  const index = new Map(cards.map((card, i) => [card.id, i]));
  const texts = cards.map((card) => card.text);
  const members = columns.map((column) => {
    const ids = column.cardIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    if (column.name?.trim()) ids.push(texts.push(column.name) - 1);
    return ids;
  });
  return { index, texts, members };
}

/** Ranks columns for cards that arrive one by one, against a board analysed once. */
export interface Placer {
  /** Every column's id, best fit first, for a card's text (and its embedding, keyed as in `SuggestOptions`). */
  place(text: string): string[];
}

/**
 * Analyses a board once (its cards, its columns' names) so that each card that arrives later is
 * placed with one comparison per column card, with no re-analysis of the board: what large rooms
 * need to pre-sort incoming cards. Gives the same ranking as `suggestPlacements` would for a card
 * on the board, up to the newcomer's own weight in the word statistics.
 */
export function createPlacer(
  cards: readonly SuggestionCard[],
  columns: readonly SuggestionColumn[],
  options: SuggestOptions = {},
): Placer {
  const { texts, members } = boardTexts(cards, columns);
  const ranker = new ColumnRanker(featuresOf(texts, options), members);
  const language = options.language ?? "en";
  return {
    place(text) {
      const embedding = options.embeddings?.get(embeddingText(text, language));
      return ranker.rankText(text, embedding).map((column) => (columns[column] as SuggestionColumn).id);
    },
  };
}

/** Flags pairs of cards that say the same thing, so the facilitator can merge them. */
export function suggestDuplicates(
  cards: readonly SuggestionCard[],
  options: SuggestOptions = {},
): DuplicateSuggestions {
  const features = featuresOf(
    cards.map((card) => card.text),
    options,
  );
  const idOf = (i: number) => (cards[i] as SuggestionCard).id;
  return { duplicates: duplicatePairs(features, { gram: options.gram }).map(([i, j]) => [idOf(i), idOf(j)]) };
}

/**
 * Suggests a name and key points for each of `columns` from the cards in it, weighed against
 * every card of the board (`cards`): for the naming phase, where the room names what it built.
 * An empty column gets an empty label and no key points.
 */
export function suggestNames(
  cards: readonly SuggestionCard[],
  columns: readonly SuggestionColumn[],
  options: SuggestOptions = {},
): NameSuggestions {
  const texts = cards.map((card) => card.text);
  const features = featuresOf(texts, options);
  const position = new Map(cards.map((card, i) => [card.id, i]));
  const membersOf = (column: SuggestionColumn) =>
    column.cardIds.flatMap((id) => (position.has(id) ? [position.get(id) as number] : []));
  return { names: columns.map((column) => ({ themeId: column.id, ...summarise(features, membersOf(column), texts) })) };
}
