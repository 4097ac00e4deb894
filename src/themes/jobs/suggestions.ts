/**
 * Suggestions for a whole board with the sentence-embedding model: the one path the CLI and the
 * REST API both take. It embeds the texts (the I/O part, see `../model/embedder.ts`) and hands the
 * vectors to the pure functions of `../suggest/index.ts`, as jobs (`suggestionJobs.ts`) for a runner: the
 * server's runs them in a worker thread (`suggestionThread.ts`), the CLI's in its own thread.
 */

import type { SuggestionModel } from "../../core/index.js";
import { loadEmbedder, loadedEmbedder } from "../model/embedder.js";
import type { SuggestionsApi } from "../model/suggestionsApi.js";
import type { Board } from "../suggest/board.js";
import {
  type CardLanguage,
  type ClusterSuggestions,
  type DuplicateSuggestions,
  embeddingText,
  type NameSuggestions,
  type PlacementSuggestions,
} from "../suggest/index.js";
import { inThisThread, type PackedEmbeddings, packEmbeddings, type SuggestionRunner } from "./suggestionJobs.js";

// Texts read per turn of the event loop (when embedding ahead, or asked for a suggestion): ~0.2 ms
// each, so ~20 ms at a time.
const AHEAD_SLICE = 100;

/**
 * What the model should read of each text (see `embeddingText`), each once, AHEAD_SLICE texts
 * per turn of the event loop: on a live board they were read as they arrived (a cache hit each),
 * but a board imported a moment ago has a thousand new texts, a fifth of a second of reading.
 */
async function embeddingTexts(texts: readonly string[], language: CardLanguage): Promise<string[]> {
  const keys = new Set<string>();
  for (let start = 0; start < texts.length; start += AHEAD_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const text of texts.slice(start, start + AHEAD_SLICE)) keys.add(embeddingText(text, language));
  }
  return [...keys];
}

/**
 * Embeds what the offline model should read of each text, or gives nothing when the model is
 * unavailable (the word signals then work alone). Packed for the runner's jobs.
 */
async function offlineEmbeddings(
  runner: SuggestionRunner,
  texts: string[],
  language: CardLanguage,
): Promise<PackedEmbeddings | undefined> {
  // Asked about an empty board (the console asks as the brainstorm opens), the model still starts
  // loading: the cards that follow are then embedded as they arrive, and the first suggestion on a
  // full board pays for the clustering only. (Without this, a live board of 1,000 cards was still
  // all to embed when the facilitator asked: 6.5–7.5 s instead of 1.0–1.4 s, `npm run bench -- themes --live`.)
  const loading = loadEmbedder();
  if (texts.length === 0) return undefined;
  // The runner's thread reads the texts for the suggestion while the model embeds them; not
  // awaited, and a failure shows in the suggestion's own job.
  runner.run({ kind: "read", texts, language }).catch(() => undefined);
  const embedder = await loading;
  if (!embedder) return undefined;
  const keys = await embeddingTexts(texts, language);
  return await packEmbeddings(keys, await embedder.embed(keys));
}

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

export type { SuggestionModel } from "../../core/index.js";

/** An answer, with `model` when an API is set (absent otherwise, so the CLI's JSON is unchanged). */
export type WithModel<T> = T & { model?: SuggestionModel };

/** The four suggestions for a board, each computed by `runner`. */
export interface BoardSuggestions {
  /** Proposes columns from all of the board's cards, ignoring how they are arranged now. */
  clusters(board: Board, clusters?: number): Promise<WithModel<ClusterSuggestions>>;
  /** Ranks every column for each card still on the pile. */
  placements(board: Board): Promise<WithModel<PlacementSuggestions>>;
  /** Flags near-duplicate pairs among all of the board's cards. */
  duplicates(board: Board): Promise<WithModel<DuplicateSuggestions>>;
  /** Suggests a name and key points for each column from its own cards. */
  names(board: Board): Promise<WithModel<NameSuggestions>>;
}

/** Where the vectors and names come from beyond the offline model. */
export interface SuggestionSources {
  /** The optional stronger model (`SUGGESTIONS_URL`): asked first, the offline model answers when it fails. */
  api?: SuggestionsApi | undefined;
  /** Says, for the person running the server, that the offline model answered instead of the API, and why. */
  notify?: (message: string) => void;
}

const reasonOf = (error: unknown) => String((error as { message?: unknown } | undefined)?.message ?? error);

/** The four suggestions, computed by `runner` on vectors from `sources.api` when set and answering, else the offline model. */
export function boardSuggestions(runner: SuggestionRunner, sources: SuggestionSources = {}): BoardSuggestions {
  const { api, notify = () => undefined } = sources;
  const cardTexts = (board: Board) => board.cards.map((card) => card.text);

  /** One answer's dealings with the API: what it asked, and what failed. */
  class Asking {
    readonly model: SuggestionModel | undefined = api ? { sentTo: api.host } : undefined;

    fellBack(what: string, error: unknown): void {
      const reason = `${what}: ${reasonOf(error)}`;
      if (this.model) this.model.offlineBecause = reason;
      notify(`Theme suggestions: ${api?.host} failed (${reason}); the offline model answered.`);
    }

    answer<T extends object>(answer: T): WithModel<T> {
      return this.model ? { ...answer, model: this.model } : answer;
    }

    async embeddings(texts: string[], language: CardLanguage): Promise<PackedEmbeddings | undefined> {
      if (api && texts.length > 0) {
        const keys = await embeddingTexts(texts, language);
        try {
          return await packEmbeddings(keys, await api.embed(keys));
        } catch (error) {
          this.fellBack("embeddings", error);
        }
      }
      return offlineEmbeddings(runner, texts, language);
    }

    /** The chat model's names for these columns (card texts by column), or undefined when it is not asked or fails. */
    async names(columns: string[][]): Promise<string[] | undefined> {
      if (!api?.namesColumns || columns.length === 0) return undefined;
      try {
        return await api.names(columns.map((texts) => ({ texts })));
      } catch (error) {
        this.fellBack("column names", error);
        return undefined;
      }
    }
  }

  return {
    async clusters(board, clusters) {
      const asking = new Asking();
      const embeddings = await asking.embeddings(cardTexts(board), board.language);
      const answer = await runner.run({ kind: "clusters", board, clusters, embeddings });
      const textOf = new Map(board.cards.map((card) => [card.id, card.text]));
      const names = await asking.names(answer.themes.map((theme) => theme.cardIds.map((id) => textOf.get(id) ?? "")));
      const themes = names
        ? answer.themes.map((theme, i) => ({ ...theme, label: names[i] ?? theme.label }))
        : answer.themes;
      return asking.answer({ ...answer, themes });
    },
    async placements(board) {
      const asking = new Asking();
      // A column's name counts as one more of its cards, so it is embedded too.
      const names = board.columns.flatMap((column) => (column.name?.trim() ? [column.name] : []));
      const embeddings = await asking.embeddings([...cardTexts(board), ...names], board.language);
      return asking.answer(await runner.run({ kind: "placements", board, embeddings }));
    },
    async duplicates(board) {
      const asking = new Asking();
      const embeddings = await asking.embeddings(cardTexts(board), board.language);
      return asking.answer(await runner.run({ kind: "duplicates", board, embeddings }));
    },
    async names(board) {
      const asking = new Asking();
      const embeddings = await asking.embeddings(cardTexts(board), board.language);
      const answer = await runner.run({ kind: "names", board, embeddings });
      const textOf = new Map(board.cards.map((card) => [card.id, card.text]));
      // An empty column keeps its empty label: there is nothing to name.
      const named = board.columns.filter((column) => column.cardIds.length > 0);
      const names = await asking.names(named.map((column) => column.cardIds.map((id) => textOf.get(id) ?? "")));
      if (!names) return asking.answer(answer);
      const nameOf = new Map(named.map((column, i) => [column.id, names[i]]));
      return asking.answer({
        names: answer.names.map((name) => ({ ...name, label: nameOf.get(name.themeId) ?? name.label })),
      });
    },
  };
}

// The command line computes in its own thread: it has no room to keep serving meanwhile.
const inThread = boardSuggestions(inThisThread);
export const clusterSuggestionsFor = inThread.clusters;
export const placementSuggestionsFor = inThread.placements;
export const duplicateSuggestionsFor = inThread.duplicates;
export const nameSuggestionsFor = inThread.names;
