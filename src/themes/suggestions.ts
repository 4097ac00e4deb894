/**
 * Suggestions for a whole board with the sentence-embedding model: the one path the CLI and the
 * REST API both take. It embeds the texts (the I/O part, see `embedder.ts`) and hands the
 * vectors to the pure functions of `index.ts`.
 */
import type { Board } from "./board.js";
import { loadEmbedder, loadedEmbedder } from "./embedder.js";
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

// Texts read per turn of the event loop when embedding ahead: ~0.2 ms each, so ~20 ms at a time.
const AHEAD_SLICE = 100;

/**
 * Embeds texts ahead of need (cards as they arrive on a live board), so that a later suggestion
 * finds their vectors cached and pays only for the clustering — once this process has the model
 * loaded (a facilitator has asked for a suggestion); until then it does nothing. The reading of each text (which
 * the suggestions reuse) is done here in slices between turns of the event loop; the model runs
 * in a worker thread behind any waiting request. Resolves when the vectors are cached; never rejects.
 */
export async function embedAhead(texts: readonly string[], language: CardLanguage): Promise<void> {
  if (texts.length === 0) return;
  try {
    const embedder = loadedEmbedder();
    if (!embedder) return;
    const embedding: Promise<unknown>[] = [];
    for (let start = 0; start < texts.length; start += AHEAD_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const keys = texts.slice(start, start + AHEAD_SLICE).map((text) => embeddingText(text, language));
      embedding.push(embedder.embed(keys, { background: true }));
    }
    await Promise.all(embedding);
  } catch {
    // Ahead of need only: a request that needs these vectors will ask again and see the error.
  }
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
