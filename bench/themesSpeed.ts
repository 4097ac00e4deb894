/** Speed and memory of theme suggestions on synthetic walls of 300, 1,000 and 10,000 cards. */
import { performance } from "node:perf_hooks";
import type { Embedder } from "../src/themes/model/embedder.js";
import type { Board } from "../src/themes/suggest/board.js";
import {
  createPlacer,
  embeddingText,
  type Gram,
  type SuggestionCard,
  suggestClusters,
} from "../src/themes/suggest/index.js";

const SIZES = [300, 1000, 10_000];

/**
 * Distinct card texts made by splicing the labelled cards: realistic words, no two alike. `from`
 * skips that many: walls made from disjoint ranges share no text.
 */
export function syntheticCards(boards: readonly Board[], count: number, from = 0): SuggestionCard[] {
  const texts = boards.flatMap((board) => board.cards.map((card) => card.text));
  return Array.from({ length: count }, (_, index) => {
    const k = from + index;
    const head = texts[k % texts.length] as string;
    const tail = (texts[(k * 7 + 3) % texts.length] as string).split(" ").slice(-2).join(" ");
    return { id: `s${k}`, text: `${head} ${tail} ${Math.floor(k / texts.length) || ""}`.trim() };
  });
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/**
 * Times embedding, clustering (with names and duplicates) and placing one card, per wall size;
 * `gram` computes the embeddings' dot products as the server's suggestion worker does.
 */
export async function speedBench(embedder: Embedder | undefined, boards: readonly Board[], gram: Gram | undefined) {
  const rows = [];
  let peakRss = process.memoryUsage().rss;
  // Each wall's texts are new to the embedder (its cache would otherwise hold the smaller wall's):
  // "embed (first time)" is the model's work for every card.
  let from = 0;
  for (const size of SIZES) {
    const cards = syntheticCards(boards, size + 1, from);
    from += size + 1;
    const newcomer = cards.pop() as SuggestionCard;
    const embedStart = performance.now();
    const keys = [...cards, newcomer].map((card) => embeddingText(card.text));
    const vectors = embedder ? await embedder.embed(keys) : [];
    const embedMs = performance.now() - embedStart;
    const embeddings = embedder ? new Map(keys.map((key, k) => [key, vectors[k] as Float32Array])) : undefined;
    const [result, clusterMs] = timed(() => suggestClusters(cards, { embeddings, gram }));
    const columns = result.themes.map((theme, t) => ({ id: `t${t}`, cardIds: theme.cardIds }));
    // The board is analysed once when the columns change; each arriving card is then placed alone.
    const [placer, placerMs] = timed(() => createPlacer(cards, columns, { embeddings }));
    const [, placeMs] = timed(() => placer.place(newcomer.text));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    rows.push({ cards: size, embedMs, clusterMs, placerMs, placeOneMs: placeMs, themes: result.themes.length });
  }
  const lines = [
    "cards   embed (ms)  cluster+name+dups (ms)  analyse board for placing (ms)  place one card (ms)  columns",
    ...rows.map(
      (r) =>
        `${String(r.cards).padEnd(7)} ${r.embedMs.toFixed(0).padStart(10)}  ${r.clusterMs.toFixed(0).padStart(22)}  ${r.placerMs.toFixed(0).padStart(30)}  ${r.placeOneMs.toFixed(1).padStart(19)}  ${r.themes}`,
    ),
    `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  ];
  return { rows, peakRssMiB: peakRss / 2 ** 20, lines };
}
