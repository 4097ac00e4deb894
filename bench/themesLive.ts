/**
 * `npm run bench -- themes --live [--cards 1000] [--rate 100] [--runs 3] [--settle S] [--root OTHER_CHECKOUT] [--json]`:
 * suggestions on a live board, end to end. A real server process (`concord serve`, as
 * `npm start` runs it) gets its cards through the real path — WebSocket `addCard` commands,
 * group commit, the bus — at `rate` cards a second; right after the last card's ack the
 * facilitator asks `GET …/suggestions/clusters`, and that request is timed (then once more, with
 * every vector cached). `--root` runs another checkout's server, for a before/after comparison.
 */
import { performance } from "node:perf_hooks";
import { createWorkshop, makeTempDir, removeDir, requestJson, signUp } from "../test/support/server.js";
import { connectClient, type TestClient } from "../test/support/wsClient.js";
import { loadAverage, percentiles, sleep } from "./load/measure.js";
import { startConcord } from "./load/targets.js";
import type { EvaluationSet } from "./themes.js";
import { syntheticCards } from "./themesSpeed.js";

interface LiveOptions {
  cards: number;
  rate: number;
  runs: number;
  /** Seconds between the last ack and the request (a facilitator rarely asks the very moment the last card lands). */
  settle: number;
  root?: string | undefined;
}

function optionsFrom(args: string[]): LiveOptions {
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  return {
    cards: Number(value("--cards") ?? 1000),
    rate: Number(value("--rate") ?? 100),
    runs: Number(value("--runs") ?? 3),
    settle: Number(value("--settle") ?? 0),
    root: value("--root"),
  };
}

/** Sends `texts` as addCard commands spread over `senders`, `rate` a second; resolves with each ack's latency. */
async function pourCards(senders: TestClient[], texts: readonly string[], rate: number): Promise<number[]> {
  const latencies: number[] = [];
  const acks: Promise<void>[] = [];
  const start = performance.now();
  for (const [k, text] of texts.entries()) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const sender = senders[k % senders.length] as TestClient;
    const sentAt = performance.now();
    acks.push(
      sender.send(`card-${k}`, { type: "addCard", cardId: `card-${k}`, text }).then((answer) => {
        if (answer.type !== "ack") throw new Error(`card ${k} refused: ${JSON.stringify(answer)}`);
        latencies.push(performance.now() - sentAt);
      }),
    );
  }
  await Promise.all(acks);
  return latencies;
}

async function oneRun(options: LiveOptions, texts: readonly string[]) {
  const dataDir = makeTempDir();
  const target = await startConcord({ dataDir, root: options.root });
  const senders: TestClient[] = [];
  try {
    const session = await signUp(target.baseUrl);
    const created = await createWorkshop(target.baseUrl, session, "Live suggestions");
    for (let s = 0; s < 4; s++) {
      senders.push(
        await connectClient({
          wsUrl: target.wsUrl,
          workshopId: created.id,
          role: "facilitator",
          facilitatorKey: created.facilitatorKey,
        }),
      );
    }
    await (senders[0] as TestClient).send("phase", { type: "setPhase", phase: "brainstorm" });
    // As the console does when the brainstorm opens: its first duplicates check loads the model.
    await requestJson(target.baseUrl, "GET", `/api/workshops/${created.id}/suggestions/duplicates`, undefined, session);
    const loadBefore = loadAverage()[0];
    const pourStart = performance.now();
    const acks = await pourCards(senders, texts, options.rate);
    const pourMs = performance.now() - pourStart;
    if (options.settle > 0) await sleep(options.settle * 1000);
    const ask = async () => {
      const start = performance.now();
      const answer = await requestJson<{ themes: unknown[] }>(
        target.baseUrl,
        "GET",
        `/api/workshops/${created.id}/suggestions/clusters`,
        undefined,
        session,
      );
      if (answer.status !== 200) throw new Error(`suggestions answered ${answer.status}`);
      return { ms: performance.now() - start, themes: answer.body.themes.length };
    };
    const first = await ask();
    const again = await ask();
    return {
      loadBefore,
      pourMs,
      ackMs: percentiles(acks),
      suggestMs: first.ms,
      suggestAgainMs: again.ms,
      themes: first.themes,
    };
  } finally {
    await Promise.all(senders.map((sender) => sender.close()));
    await target.stop();
    removeDir(dataDir);
  }
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The live scenario: `runs` fresh servers, each fed `cards` cards, then asked for columns. */
export async function liveBench(args: string[], sets: readonly EvaluationSet[]) {
  const options = optionsFrom(args);
  const texts = syntheticCards(
    sets.map((set) => set.board),
    options.cards,
  ).map((card) => card.text);
  const runs = [];
  for (let run = 0; run < options.runs; run++) runs.push(await oneRun(options, texts));
  const lines = [
    `${options.cards} cards at ${options.rate}/s over WebSockets to ${options.root ?? "this checkout"}, then ${options.settle ? `${options.settle} s later ` : ""}GET …/suggestions/clusters`,
    "run  load  pour (s)  ack p50/p99 (ms)  suggest right after (ms)  again (ms)  columns",
    ...runs.map(
      (r, k) =>
        `${String(k + 1).padEnd(4)} ${r.loadBefore.toFixed(1).padStart(4)}  ${(r.pourMs / 1000).toFixed(1).padStart(8)}  ${`${r.ackMs.p50.toFixed(1)}/${r.ackMs.p99.toFixed(1)}`.padStart(16)}  ${r.suggestMs.toFixed(0).padStart(24)}  ${r.suggestAgainMs.toFixed(0).padStart(10)}  ${r.themes}`,
    ),
    `median: suggest right after ${median(runs.map((r) => r.suggestMs)).toFixed(0)} ms, again ${median(runs.map((r) => r.suggestAgainMs)).toFixed(0)} ms, ack p99 ${median(runs.map((r) => r.ackMs.p99)).toFixed(1)} ms`,
  ];
  return { options, runs, lines };
}
