import { z } from "zod";

// The REST contract of theme suggestions (src/server/routes/suggestions.ts; the console's
// src/web/suggestions). src/themes/suggest computes these shapes and types itself by them, and
// `concord themes` prints them.

/** A suggested column: a 3–7 word name and key points drawn from its cards. */
export const themeSuggestionSchema = z.object({
  label: z.string(),
  keyPoints: z.array(z.string()),
  cardIds: z.array(z.string()),
  /**
   * How far its cards' mean pairwise similarity stands above the workshop's median pair, in robust
   * standard deviations (see src/themes/suggest/confidence.ts): a proposal shows only columns at
   * `TUNING.confidentColumn` or more.
   */
  confidence: z.number(),
});
export type ThemeSuggestion = z.infer<typeof themeSuggestionSchema>;

const cardPair = z.tuple([z.string(), z.string()]);

/**
 * The from-scratch proposal: the confident columns, the cards in none of them, and near-duplicate
 * pairs. With an explicit column count, every column asked for, each with its confidence.
 */
export const clusterSuggestionsSchema = z.object({
  themes: z.array(themeSuggestionSchema),
  unclustered: z.array(z.string()),
  duplicates: z.array(cardPair),
});
export type ClusterSuggestions = z.infer<typeof clusterSuggestionsSchema>;

/**
 * For each card to place, every column's id, best fit first, and whether the first is a confident
 * fit (a "Fits" hint): never while fewer than two columns hold cards.
 */
export const placementSuggestionsSchema = z.object({
  placements: z.array(z.object({ cardId: z.string(), themeIds: z.array(z.string()), confident: z.boolean() })),
});
export type PlacementSuggestions = z.infer<typeof placementSuggestionsSchema>;

/** Pairs of cards that say the same thing, earlier card first. */
export const duplicateSuggestionsSchema = z.object({ duplicates: z.array(cardPair) });
export type DuplicateSuggestions = z.infer<typeof duplicateSuggestionsSchema>;

/** For each column, a suggested name and key points drawn from its own cards. */
export const nameSuggestionsSchema = z.object({
  names: z.array(z.object({ themeId: z.string(), label: z.string(), keyPoints: z.array(z.string()) })),
});
export type NameSuggestions = z.infer<typeof nameSuggestionsSchema>;

/**
 * Said with each answer when `SUGGESTIONS_URL` is set, for the facilitator's console: that card
 * texts were sent to that server and, if it failed, that the offline model answered and why.
 */
export const suggestionModelSchema = z.object({
  /** The host the card texts were sent to. */
  sentTo: z.string(),
  /** Set when the offline model answered instead, at least in part: what went wrong. */
  offlineBecause: z.string().optional(),
});
export type SuggestionModel = z.infer<typeof suggestionModelSchema>;

/** What the server adds to each answer: `model` when an API is set (absent otherwise, as in the CLI's JSON). */
const withModel = { model: suggestionModelSchema.optional() };

/** `GET /api/workshops/:id/suggestions/clusters?clusters=`. */
export const clustersQuery = z.object({ clusters: z.coerce.number().int().min(1).max(500).optional() });

/** The server's answer for each kind of suggestion (`/api/workshops/:id/suggestions/KIND`). */
export const suggestionAnswerSchemas = {
  clusters: clusterSuggestionsSchema.extend(withModel),
  placements: placementSuggestionsSchema.extend(withModel),
  duplicates: duplicateSuggestionsSchema.extend(withModel),
  names: nameSuggestionsSchema.extend(withModel),
};
export type SuggestionKind = keyof typeof suggestionAnswerSchemas;
export type SuggestionAnswer<K extends SuggestionKind> = z.infer<(typeof suggestionAnswerSchemas)[K]>;
