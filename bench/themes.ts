/**
 * `npm run bench -- themes [--json] [--split dev|test] [--no-model] [--no-speed] [--sweep]`: measures theme
 * suggestions on the labelled workshops of `bench/data` (and the shared reference example when
 * present, reported apart and never tuned on). The sets carry `evaluation.split`: weights and
 * thresholds were tuned on "dev" only; "test" is the held-out figure. `--live` measures instead a
 * suggestion on a live board end to end (see themesLive.ts); `--event-loop` how long each suggestion
 * route holds the server's event loop (see themesEventLoop.ts); `--sweep` the precision and coverage
 * as the confidence thresholds move (see themesSweep.ts). Method and figures: docs/suggestions.md.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseWorkshopDocument } from "../src/core/index.js";
import { loadEmbedder } from "../src/themes/model/embedder.js";
import { loadWasmGram } from "../src/themes/model/wasmGram.js";
import { type Board, boardFromDocument } from "../src/themes/suggest/board.js";
import {
  embeddingText,
  type Gram,
  type SuggestionCard,
  type SuggestOptions,
  suggestClusters,
  suggestDuplicates,
  suggestPlacements,
} from "../src/themes/suggest/index.js";
import { baselineClustering } from "./themesBaseline.js";
import { cachedEmbeddings } from "./themesEmbeddings.js";
import { eventLoopBench } from "./themesEventLoop.js";
import { liveBench } from "./themesLive.js";
import { adjustedRandIndex, mean, pairScores, shuffled } from "./themesMetrics.js";
import { speedBench } from "./themesSpeed.js";
import { sweepBench } from "./themesSweep.js";

export interface EvaluationSet {
  name: string;
  split: string;
  board: Board;
  duplicatePairs: [string, string][];
}

const DATA = new URL("./data/", import.meta.url);
const EXAMPLE = new URL("../../shared/examples/beyond-decent.workshop.json", import.meta.url);

function readSet(path: URL, fallbackSplit: string): EvaluationSet {
  // The labels sit beside the document under `evaluation`, a field workshop/v1 itself refuses.
  const { evaluation, ...document } = JSON.parse(readFileSync(path, "utf8")) as {
    evaluation?: { split?: string; duplicatePairs?: [string, string][] };
  };
  const parsed = parseWorkshopDocument(JSON.stringify(document));
  if (!parsed.ok) throw new Error(`${path.pathname}: ${parsed.error.message}`);
  return {
    name: path.pathname.split("/").pop()?.replace(".workshop.json", "") ?? "",
    split: evaluation?.split ?? fallbackSplit,
    board: boardFromDocument(parsed.value),
    duplicatePairs: evaluation?.duplicatePairs ?? [],
  };
}

export function loadSets(): EvaluationSet[] {
  const files = readdirSync(DATA).filter((file) => file.endsWith(".workshop.json"));
  const sets = files.sort().map((file) => readSet(new URL(file, DATA), "dev"));
  if (existsSync(EXAMPLE)) sets.push(readSet(EXAMPLE, "external"));
  return sets;
}

/** Column of each card in the human clustering. */
function truthOf(board: Board): Map<string, string> {
  return new Map(board.columns.flatMap((column) => column.cardIds.map((id) => [id, column.id] as [string, string])));
}

/**
 * The confident columns against the person's: of the card pairs a suggested column puts together,
 * how many the person put together too (precision), and how many cards the columns hold (coverage).
 */
function confidentColumns(cards: readonly SuggestionCard[], truth: Map<string, string>, options: SuggestOptions) {
  const result = suggestClusters(cards, options);
  let pairs = 0;
  let agreed = 0;
  for (const theme of result.themes)
    theme.cardIds.forEach((a, i) => {
      for (const b of theme.cardIds.slice(i + 1)) {
        pairs += 1;
        if (truth.get(a) === truth.get(b)) agreed += 1;
      }
    });
  const covered = result.themes.reduce((sum, theme) => sum + theme.cardIds.length, 0);
  return { columns: result.themes.length, pairs, agreed, covered };
}

/** The full partition with the person's column count, for the ARI against the issue's baseline. */
function partitionAri(
  cards: readonly SuggestionCard[],
  truth: Map<string, string>,
  count: number,
  options: SuggestOptions,
) {
  const predicted = new Map<string, string>();
  suggestClusters(cards, { ...options, clusters: count }).themes.forEach((theme, t) => {
    for (const id of theme.cardIds) predicted.set(id, `t${t}`);
  });
  const ids = cards.map((card) => card.id);
  return adjustedRandIndex(
    ids.map((id) => truth.get(id) ?? `pile:${id}`),
    ids.map((id) => predicted.get(id) ?? `single:${id}`),
  );
}

/** Places the `held` cards with every other card of each column on the board; column names hidden. */
function placeHeld(set: EvaluationSet, held: readonly string[], options: SuggestOptions) {
  const hidden = new Set(held);
  const columns = set.board.columns.map((column) => ({
    id: column.id,
    cardIds: column.cardIds.filter((id) => !hidden.has(id)),
  }));
  return suggestPlacements(set.board.cards, columns, held, options).placements;
}

/** Top-1 and top-2 accuracy over every placement, and over the confident ones only (the "Fits" hints shown). */
function accuracy(
  placements: { cardId: string; themeIds: string[]; confident: boolean }[],
  truth: Map<string, string>,
) {
  const right = (p: { cardId: string; themeIds: string[] }, k: number) =>
    p.themeIds.slice(0, k).includes(truth.get(p.cardId) ?? "") ? 1 : 0;
  const shown = placements.filter((p) => p.confident);
  return {
    top1: mean(placements.map((p) => right(p, 1))),
    top2: mean(placements.map((p) => right(p, 2))),
    held: placements.length,
    shown: shown.length,
    shownRight: shown.reduce((sum, p) => sum + right(p, 1), 0),
  };
}

export async function evaluate(
  set: EvaluationSet,
  embeddings: Map<string, Float32Array> | undefined,
  gram: Gram | undefined,
) {
  const options: SuggestOptions = { language: set.board.language, embeddings, gram };
  const cards = shuffled(set.board.cards, 20250315);
  const truth = truthOf(set.board);
  const confident = confidentColumns(cards, truth, options);
  const ari = partitionAri(cards, truth, set.board.columns.length, options);
  // The issue's baseline: raw-text embeddings and k-means (see themesBaseline.ts).
  const raw = cards.map((card) => embeddings?.get(card.text));
  const baseline = raw.every((vector) => vector?.length)
    ? adjustedRandIndex(
        cards.map((card) => truth.get(card.id) ?? `pile:${card.id}`),
        baselineClustering(raw as Float32Array[]).map(String),
      )
    : Number.NaN;
  // Leave-one-out: every card in turn, with all the others of its column placed.
  const leaveOneOut = set.board.cards
    .filter((card) => truth.has(card.id))
    .flatMap((card) => placeHeld(set, [card.id], options));
  // Alternate: every other card of each column placed at once, the rest on the board.
  const odd = set.board.columns.flatMap((column) => column.cardIds.filter((_, position) => position % 2 === 1));
  const alternate = placeHeld(set, odd, options);
  const duplicates = pairScores(set.duplicatePairs, suggestDuplicates(set.board.cards, options).duplicates);
  return {
    name: set.name,
    split: set.split,
    cards: set.board.cards.length,
    humanColumns: set.board.columns.length,
    ...confident,
    ari,
    baselineAri: baseline,
    leaveOneOut: accuracy(leaveOneOut, truth),
    alternate: accuracy(alternate, truth),
    duplicates,
  };
}

export type SetResult = Awaited<ReturnType<typeof evaluate>>;

export function summary(results: readonly SetResult[]) {
  const labelled = results.filter((r) => r.duplicates.labelled > 0);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const ratio = (a: number, b: number) => (b ? a / b : Number.NaN);
  const tp = sum(labelled.map((r) => r.duplicates.truePositives));
  const predicted = sum(labelled.map((r) => r.duplicates.predicted));
  const pairs = sum(labelled.map((r) => r.duplicates.labelled));
  // Pooled over the sets' cards and pairs, as the targets are stated: a set of 240 cards counts
  // for more than one of 45.
  const hints = (which: "alternate" | "leaveOneOut") => ({
    precision: ratio(sum(results.map((r) => r[which].shownRight)), sum(results.map((r) => r[which].shown))),
    coverage: ratio(sum(results.map((r) => r[which].shown)), sum(results.map((r) => r[which].held))),
  });
  return {
    sets: results.length,
    columnPrecision: ratio(sum(results.map((r) => r.agreed)), sum(results.map((r) => r.pairs))),
    columnCoverage: ratio(sum(results.map((r) => r.covered)), sum(results.map((r) => r.cards))),
    fits: hints("alternate"),
    fitsLeaveOneOut: hints("leaveOneOut"),
    ari: mean(results.map((r) => r.ari)),
    baselineAri: mean(results.map((r) => r.baselineAri)),
    leaveOneOutTop1: mean(results.map((r) => r.leaveOneOut.top1)),
    alternateTop1: mean(results.map((r) => r.alternate.top1)),
    duplicatePrecision: predicted ? tp / predicted : Number.NaN,
    duplicateRecall: pairs ? tp / pairs : Number.NaN,
  };
}

const pct = (value: number) => (Number.isNaN(value) ? "  –  " : value.toFixed(2).padStart(5));
const share = (a: number, b: number) => pct(b ? a / b : Number.NaN);

function printTable(results: readonly SetResult[], groups: Record<string, ReturnType<typeof summary>>) {
  const lines = [
    "Confident columns: pair precision (P) over coverage (C). Fits hints (half of each column on the pile): precision over coverage.",
    "set                          split  cards cols→conf  colP  colC  fitP  fitC  ARI  base  alt@1 LOO@1  dupP  dupR",
    ...results.map(
      (r) =>
        `${r.name.padEnd(28)} ${r.split.padEnd(6)} ${String(r.cards).padStart(5)} ${String(r.humanColumns).padStart(4)}→${String(r.columns).padEnd(4)} ${share(r.agreed, r.pairs)} ${share(r.covered, r.cards)} ${share(r.alternate.shownRight, r.alternate.shown)} ${share(r.alternate.shown, r.alternate.held)} ${pct(r.ari)} ${pct(r.baselineAri)} ${pct(r.alternate.top1)} ${pct(r.leaveOneOut.top1)} ${pct(r.duplicates.precision)} ${pct(r.duplicates.recall)}`,
    ),
    ...Object.entries(groups).map(
      ([name, s]) =>
        `${`pooled ${name}`.padEnd(46)} ${pct(s.columnPrecision)} ${pct(s.columnCoverage)} ${pct(s.fits.precision)} ${pct(s.fits.coverage)} ${pct(s.ari)} ${pct(s.baselineAri)} ${pct(s.alternateTop1)} ${pct(s.leaveOneOutTop1)} ${pct(s.duplicatePrecision)} ${pct(s.duplicateRecall)}`,
    ),
    "",
    "targets (test): colP >= 0.70 with colC >= 0.30; fitP >= 0.80 with fitC >= 0.30",
    ...Object.entries(groups).map(
      ([name, s]) =>
        `${name.padEnd(9)} columns ${pct(s.columnPrecision)} precision over ${pct(s.columnCoverage)} of cards; fits ${pct(s.fits.precision)} right over ${pct(s.fits.coverage)} of unplaced cards (leave-one-out: ${pct(s.fitsLeaveOneOut.precision)} over ${pct(s.fitsLeaveOneOut.coverage)})`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** The `themes` bench scenario. */
export async function themesBench(args: string[]): Promise<void> {
  const json = args.includes("--json");
  const only = args.includes("--split") ? args[args.indexOf("--split") + 1] : undefined;
  const sets = loadSets().filter((set) => !only || set.split === only);
  if (args.includes("--live")) {
    const live = await liveBench(args, sets);
    process.stdout.write(json ? `${JSON.stringify(live, null, 2)}\n` : `${live.lines.join("\n")}\n`);
    return;
  }
  if (args.includes("--event-loop")) {
    const blocks = await eventLoopBench(args, sets);
    process.stdout.write(json ? `${JSON.stringify(blocks, null, 2)}\n` : `${blocks.lines.join("\n")}\n`);
    return;
  }
  const loadStart = performance.now();
  const embedder = args.includes("--no-model") ? undefined : await loadEmbedder();
  const modelLoadMs = performance.now() - loadStart;
  // What the method embeds (French cards glossed in English) and the raw texts, for the baseline.
  const texts = [
    ...new Set(
      sets.flatMap((set) =>
        set.board.cards.flatMap((card) => [embeddingText(card.text, set.board.language), card.text]),
      ),
    ),
  ];
  const embeddings = embedder ? await cachedEmbeddings(embedder, texts) : undefined;
  // The dot products as the server's suggestion worker computes them (WebAssembly when it loads).
  const gram = await loadWasmGram();
  if (args.includes("--sweep")) {
    process.stdout.write(`${(await sweepBench(sets, embeddings, gram)).join("\n")}\n`);
    return;
  }
  const results: SetResult[] = [];
  for (const set of sets) results.push(await evaluate(set, embeddings, gram));
  const own = results.filter((r) => r.split !== "external");
  const groups: Record<string, ReturnType<typeof summary>> = { all: summary(own) };
  for (const split of ["dev", "test", "external"]) {
    const inSplit = results.filter((r) => r.split === split);
    if (inSplit.length) groups[split] = summary(inSplit);
  }
  const speed = args.includes("--no-speed")
    ? undefined
    : await speedBench(
        embedder,
        sets.map((s) => s.board),
        gram,
      );
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ model: Boolean(embedder), runtime: embedder?.runtime, modelLoadMs, wasmGram: Boolean(gram), results, summary: groups, speed }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(
    `model: ${embedder ? `USE-lite on ${embedder.runtime === "onnx" ? "ONNX Runtime" : "TensorFlow.js (WebAssembly)"}, loaded in ${modelLoadMs.toFixed(0)} ms` : "none (word signals only)"}; dot products in ${gram ? "WebAssembly" : "JavaScript"}\n`,
  );
  printTable(results, groups);
  if (speed) process.stdout.write(`\n${speed.lines.join("\n")}\n`);
}
