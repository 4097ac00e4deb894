/**
 * `npm run bench -- themes --event-loop [--cards 1000] [--runs 3] [--json]`: how long a suggestion
 * request holds the server's event loop. A real server runs in this process (the tests' server:
 * SQLite, Fastify, the routes), a workshop of `cards` cards is imported, and each suggestion route
 * is asked in turn while `monitorEventLoopDelay` watches the loop: its longest delay is how long
 * every WebSocket of every workshop on the server went unanswered. The first request is cold
 * (it loads the model and embeds the board); the others find every vector cached. Then the same
 * suggestions are timed computed in this thread and in the worker, alternately (the machine's
 * noise falls on both alike): what the worker costs a request.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { inThisThread } from "../src/themes/jobs/suggestionJobs.js";
import { boardSuggestions } from "../src/themes/jobs/suggestions.js";
import { suggestionThread } from "../src/themes/jobs/suggestionThread.js";
import { boardFromDocument } from "../src/themes/suggest/board.js";
import { importWorkshop, requestJson, startTestServer } from "../test/support/server.js";
import { fileColumn, workshopDocument } from "../test/support/workshops.js";
import type { EvaluationSet } from "./themes.js";
import { syntheticCards } from "./themesSpeed.js";

const KINDS = ["clusters", "placements", "duplicates", "names"] as const;
// Columns the imported board already has (half its cards), so placements and names have work.
const COLUMNS = 20;

function optionsFrom(args: string[]) {
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  return { cards: Number(value("--cards") ?? 1000), runs: Number(value("--runs") ?? 3) };
}

/** A workshop/v1 document: the first half of the cards in COLUMNS columns, the rest on the pile. */
function documentOf(cards: readonly { id: string; text: string }[]) {
  const placed = cards.slice(0, Math.floor(cards.length / 2));
  const themes = Array.from({ length: COLUMNS }, (_, c) =>
    fileColumn(
      `col${c}`,
      c % 2 ? `Column ${c}` : "",
      placed.filter((_, k) => k % COLUMNS === c),
    ),
  );
  return workshopDocument({ title: "Event loop", themes, unclusteredCards: cards.slice(placed.length) });
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Median ms per suggestion computed in this thread and in the worker, alternately, `runs` times each. */
async function threadAgainstWorker(doc: ReturnType<typeof documentOf>, runs: number) {
  const board = boardFromDocument(doc as Parameters<typeof boardFromDocument>[0]);
  const thread = suggestionThread();
  const runners = { thread: boardSuggestions(inThisThread), worker: boardSuggestions(thread) };
  const ms = new Map<string, number[]>();
  try {
    for (let run = 0; run < runs; run++)
      for (const kind of KINDS)
        for (const [where, suggest] of Object.entries(runners)) {
          const start = performance.now();
          await suggest[kind](board);
          const key = `${kind} ${where}`;
          ms.set(key, [...(ms.get(key) ?? []), performance.now() - start]);
        }
  } finally {
    await thread.stop();
  }
  return KINDS.map((kind) => ({
    kind,
    threadMs: median(ms.get(`${kind} thread`) ?? []),
    workerMs: median(ms.get(`${kind} worker`) ?? []),
  }));
}

export async function eventLoopBench(args: string[], sets: readonly EvaluationSet[]) {
  const options = optionsFrom(args);
  const cards = syntheticCards(
    sets.map((set) => set.board),
    options.cards,
  ).map((card, k) => ({ id: `c${k}`, text: card.text }));
  const server = await startTestServer();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const measure = async (kind: string) => {
    delay.reset();
    const start = performance.now();
    const answer = await requestJson(
      server.baseUrl,
      "GET",
      `/api/workshops/${id}/suggestions/${kind}`,
      undefined,
      server.session,
    );
    const ms = performance.now() - start;
    if (answer.status !== 200) throw new Error(`${kind} answered ${answer.status}`);
    return { kind, ms, maxBlockMs: delay.max / 1e6 };
  };
  let id = "";
  try {
    id = (await importWorkshop(server.baseUrl, server.session, documentOf(cards))).id;
    const cold = await measure("clusters");
    const warm = new Map<string, { ms: number; maxBlockMs: number }[]>(KINDS.map((kind) => [kind, []]));
    for (let run = 0; run < options.runs; run++) for (const kind of KINDS) warm.get(kind)?.push(await measure(kind));
    const rows = KINDS.map((kind) => ({
      kind,
      ms: median((warm.get(kind) ?? []).map((r) => r.ms)),
      maxBlockMs: median((warm.get(kind) ?? []).map((r) => r.maxBlockMs)),
      worstBlockMs: Math.max(...(warm.get(kind) ?? []).map((r) => r.maxBlockMs)),
    }));
    const lines = [
      `${options.cards} cards, one server in this process; each route asked ${options.runs} times with every vector cached (medians)`,
      `cold clusters (model load + embedding): request ${cold.ms.toFixed(0)} ms, longest event-loop block ${cold.maxBlockMs.toFixed(1)} ms`,
      "route        request (ms)  longest block (ms)  worst (ms)",
      ...rows.map(
        (r) =>
          `${r.kind.padEnd(12)} ${r.ms.toFixed(0).padStart(12)}  ${r.maxBlockMs.toFixed(1).padStart(18)}  ${r.worstBlockMs.toFixed(1).padStart(10)}`,
      ),
    ];
    const compared = await threadAgainstWorker(documentOf(cards), options.runs);
    lines.push(
      "computed in this thread against the suggestion worker, alternately (medians, ms):",
      ...compared.map(
        (r) =>
          `${r.kind.padEnd(12)} thread ${r.threadMs.toFixed(0).padStart(5)}  worker ${r.workerMs.toFixed(0).padStart(5)}`,
      ),
    );
    return { options, cold, rows, compared, lines };
  } finally {
    delay.disable();
    await server.stop();
  }
}
