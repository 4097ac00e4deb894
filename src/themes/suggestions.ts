/**
 * Suggestions for a whole board with the sentence-embedding model: the one path the CLI and the
 * REST API both take. It embeds the texts (the I/O part, see `embedder.ts`) and hands the
 * vectors to the pure functions of `index.ts`.
 */
import type { Board } from "./board.js";
import { loadEmbedder } from "./embedder.js";
import {
  type CardLanguage,
  type ClusterSuggestions,
  type DuplicateSuggestions,
  embeddingText,
  type NameSuggestions,
  type PlacementSuggestions,
  suggestClusters,
  suggestDuplicates,
  suggestNames,
  suggestPlacements,
} from "./index.js";

/**
 * Embeds what the model should read of each text (see `embeddingText`), or gives nothing when the
 * model is unavailable (the word signals then work alone). Keyed as `SuggestOptions.embeddings` wants.
 */
async function embeddingsOf(
  texts: readonly string[],
  language: CardLanguage,
): Promise<Map<string, Float32Array> | undefined> {
  const embedder = await loadEmbedder();
  if (!embedder || texts.length === 0) return undefined;
  const unique = [...new Set(texts.map((text) => embeddingText(text, language)))];
  const vectors = await embedder.embed(unique);
  return new Map(unique.map((text, k) => [text, vectors[k] as Float32Array]));
}

/** Proposes columns from all of the board's cards, ignoring how they are arranged now. */
export async function clusterSuggestionsFor(board: Board, clusters?: number): Promise<ClusterSuggestions> {
  const embeddings = await embeddingsOf(
    board.cards.map((card) => card.text),
    board.language,
  );
  return suggestClusters(board.cards, { language: board.language, embeddings, clusters });
}

/** Ranks every column for each card still on the pile. */
export async function placementSuggestionsFor(board: Board): Promise<PlacementSuggestions> {
  const names = board.columns.flatMap((column) => (column.name?.trim() ? [column.name] : []));
  const embeddings = await embeddingsOf([...board.cards.map((card) => card.text), ...names], board.language);
  return suggestPlacements(board.cards, board.columns, board.unplaced, { language: board.language, embeddings });
}

/** Flags near-duplicate pairs among all of the board's cards. */
export async function duplicateSuggestionsFor(board: Board): Promise<DuplicateSuggestions> {
  const embeddings = await embeddingsOf(
    board.cards.map((card) => card.text),
    board.language,
  );
  return suggestDuplicates(board.cards, { language: board.language, embeddings });
}

/** Suggests a name and key points for each column from its own cards. */
export async function nameSuggestionsFor(board: Board): Promise<NameSuggestions> {
  const embeddings = await embeddingsOf(
    board.cards.map((card) => card.text),
    board.language,
  );
  return suggestNames(board.cards, board.columns, { language: board.language, embeddings });
}
