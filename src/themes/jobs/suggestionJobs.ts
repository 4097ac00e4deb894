/**
 * The suggestion computations as messages: what a thread is asked to compute and what it answers.
 * The server runs them in a worker thread (`suggestionThread.ts`), because clustering 1,000 cards
 * takes about half a second of CPU that would otherwise freeze every workshop on the server; the
 * command line runs them in its own thread (`inThisThread`). Pure, like `../suggest/index.ts` (packing only
 * waits for turns of the event loop): each job only calls its functions, and everything in a job
 * survives a `postMessage` (no Map, no class).
 */
import type { Board } from "../suggest/board.js";
import {
  type CardLanguage,
  type ClusterSuggestions,
  type DuplicateSuggestions,
  embeddingText,
  type Gram,
  type NameSuggestions,
  type PlacementSuggestions,
  suggestClusters,
  suggestDuplicates,
  suggestNames,
  suggestPlacements,
} from "../suggest/index.js";

/**
 * Sentence embeddings as one flat array (row k, `dimensions` long, for `keys[k]`): one buffer to
 * transfer to a worker instead of a thousand small arrays to copy.
 */
export interface PackedEmbeddings {
  keys: string[];
  dimensions: number;
  vectors: Float32Array;
}

/** Each job: what it is given and what it answers. */
interface Jobs {
  /**
   * Reads texts (their analysis is cached in the thread that runs the job), while the model embeds
   * them elsewhere: the suggestion that follows then finds them read.
   */
  read: { input: { texts: string[]; language: CardLanguage }; output: null };
  clusters: {
    input: { board: Board; clusters?: number | undefined; embeddings?: PackedEmbeddings };
    output: ClusterSuggestions;
  };
  placements: { input: { board: Board; embeddings?: PackedEmbeddings }; output: PlacementSuggestions };
  duplicates: { input: { board: Board; embeddings?: PackedEmbeddings }; output: DuplicateSuggestions };
  names: { input: { board: Board; embeddings?: PackedEmbeddings }; output: NameSuggestions };
}

export type JobKind = keyof Jobs;
export type SuggestionJob<K extends JobKind = JobKind> = { kind: K } & Jobs[K]["input"];
export type JobAnswer<K extends JobKind> = Jobs[K]["output"];

/** Where jobs run: this thread, or a worker. */
export interface SuggestionRunner {
  run<K extends JobKind>(job: SuggestionJob<K>): Promise<JobAnswer<K>>;
}

// Rows copied per turn of the event loop when packing: writing a fresh array costs a page fault
// per 4 KiB on first touch, 10,000 rows of 512 took 60–80 ms in one go on the bench machine.
const PACK_SLICE = 1_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Packs vectors keyed by text; a key with no vector (the model skipped it) is left out, as a
 * missing one. Copies PACK_SLICE rows at a time, awaiting `between` in between (by default the
 * next turn of the event loop), so a server packing 10,000 cards keeps serving its rooms.
 */
export async function packEmbeddings(
  keys: readonly string[],
  vectors: readonly Float32Array[],
  between: () => Promise<void> = nextTurn,
): Promise<PackedEmbeddings> {
  const dimensions = vectors.find((vector) => vector.length > 0)?.length ?? 0;
  const kept = keys.flatMap((_, k) => (dimensions > 0 && vectors[k]?.length === dimensions ? [k] : []));
  const flat = new Float32Array(kept.length * dimensions);
  for (let row = 0; row < kept.length; row++) {
    if (row > 0 && row % PACK_SLICE === 0) await between();
    flat.set(vectors[kept[row] as number] as Float32Array, row * dimensions);
  }
  return { keys: kept.map((k) => keys[k] as string), dimensions, vectors: flat };
}

/** The embeddings keyed as `SuggestOptions.embeddings` wants, as views on the flat array (no copy). */
export function unpackEmbeddings(packed: PackedEmbeddings | undefined): Map<string, Float32Array> | undefined {
  if (!packed) return undefined;
  const { keys, dimensions, vectors } = packed;
  return new Map(keys.map((key, k) => [key, vectors.subarray(k * dimensions, (k + 1) * dimensions)]));
}

/** What `postMessage` may move rather than copy: the job's flat vectors, which the sender no longer reads. */
export function transferablesOf(job: SuggestionJob): ArrayBuffer[] {
  const embeddings = "embeddings" in job ? job.embeddings : undefined;
  return embeddings ? [embeddings.vectors.buffer as ArrayBuffer] : [];
}

const RUN: { [K in JobKind]: (job: SuggestionJob<K>, gram: Gram | undefined) => JobAnswer<K> } = {
  read: ({ texts, language }) => {
    for (const text of texts) embeddingText(text, language);
    return null;
  },
  clusters: ({ board, clusters, embeddings }, gram) =>
    suggestClusters(board.cards, {
      language: board.language,
      embeddings: unpackEmbeddings(embeddings),
      clusters,
      gram,
    }),
  placements: ({ board, embeddings }) =>
    suggestPlacements(board.cards, board.columns, board.unplaced, {
      language: board.language,
      embeddings: unpackEmbeddings(embeddings),
    }),
  duplicates: ({ board, embeddings }, gram) =>
    suggestDuplicates(board.cards, { language: board.language, embeddings: unpackEmbeddings(embeddings), gram }),
  names: ({ board, embeddings }) =>
    suggestNames(board.cards, board.columns, { language: board.language, embeddings: unpackEmbeddings(embeddings) }),
};

/**
 * Computes one job, synchronously, in the calling thread; `gram` computes the embeddings' dot
 * products (the suggestion worker's runs on WebAssembly), JavaScript when absent.
 */
export function runSuggestionJob<K extends JobKind>(job: SuggestionJob<K>, gram?: Gram): JobAnswer<K> {
  return (RUN[job.kind] as (job: SuggestionJob<K>, gram: Gram | undefined) => JobAnswer<K>)(job, gram);
}

/** Runs jobs in the calling thread: for the command line, which has no room to keep serving. */
export const inThisThread: SuggestionRunner = {
  run: async (job) => runSuggestionJob(job),
};
