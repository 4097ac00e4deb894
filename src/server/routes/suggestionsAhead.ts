import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { embedAhead } from "../../themes/jobs/suggestions.js";
import { loadedEmbedder } from "../../themes/model/embedder.js";
import type { EventBus } from "../eventBus.js";
import type { StoredEvent } from "../store/eventStore.js";
import type { WorkshopService } from "../workshopService.js";

/** Events arriving within this long are embedded together (one message to the model's worker). */
const GATHER_MS = 100;
/**
 * Texts embedded per step (about 25 ms of the model's thread); between steps the room is asked
 * whether it is busy. Short steps keep the room's other work from waiting behind a long one.
 */
const STEP = 10;
/**
 * Embedding ahead is background work: it waits while the server's event loop was busy more than
 * this share of the last moment (a plenary's fan-out, a burst of commands), so it never takes
 * the room's CPU. What it skips is embedded when suggestions are asked for. Measured in a room of
 * 2,000 phones at 20 cards/s (event loop ~50 % busy): at 0.5 it still ran, and fan-out p99 went
 * from 79–91 ms to 133–183 ms.
 */
const BUSY_SHARE = 0.3;
const LOOK_MS = 200;
/** Texts held per workshop while the room is busy; past this the oldest are left to be embedded on demand. */
const MAX_HELD = 2_000;

/**
 * Rests at least `restMs`, then until a moment (the rest, then LOOK_MS at a time) in which the
 * event loop was busy less than BUSY_SHARE of the time and the machine had a core to spare (load
 * average below the number of cores): the model's thread must not take the core that the room's
 * other work is using.
 */
async function quietMoment(restMs: number): Promise<void> {
  for (let wait = Math.max(restMs, 1); ; wait = LOOK_MS) {
    const before = performance.eventLoopUtilization();
    await sleep(wait, undefined, { ref: false });
    const spareCore = (loadavg()[0] ?? 0) < availableParallelism();
    if (spareCore && performance.eventLoopUtilization(before).utilization < BUSY_SHARE) return;
  }
}

/** The text a committed event puts on the board, if any. */
function newText(stored: StoredEvent): string | undefined {
  const { event } = stored;
  if (event.type === "cardAdded") return event.card.text;
  if (event.type === "cardEdited" || event.type === "cardsMerged") return event.text;
  return undefined;
}

/**
 * Embeds each card's text as it is committed, so that asking for suggestions on a live board of
 * a thousand cards costs the clustering only — once the model is loaded in this process, that is
 * once a facilitator has asked for a suggestion (the console asks for duplicates as soon as the
 * brainstorm opens); a server nobody asks never loads it. The bus listener only notes the texts (it runs in
 * the room's fan-out); the work happens later, in steps taken only while the server is not busy
 * with the room, in the model's worker thread (see `embedAhead`). The first time this process sees a workshop it
 * embeds the whole board (cards from before a restart, or an imported workshop). Returns the
 * unsubscribe function.
 */
export function embedCardsOnArrival(
  bus: EventBus,
  service: Pick<WorkshopService, "get">,
  { waitForQuiet = quietMoment }: { waitForQuiet?: (restMs: number) => Promise<void> } = {},
): () => void {
  const seen = new Set<string>();
  const waiting = new Map<string, { whole: boolean; texts: string[] }>();
  let timer: NodeJS.Timeout | undefined;
  let flushing = false;
  let stopped = false;

  /** The workshop's card texts as they are now, and its language. */
  const board = async (workshopId: string) => {
    const { state } = await service.get(workshopId);
    return { texts: new Set([...state.cards.values()].map((card) => card.text)), language: state.context.language };
  };

  const embedWorkshop = async (workshopId: string, whole: boolean, texts: readonly string[]) => {
    const wanted = whole ? [...(await board(workshopId)).texts] : texts;
    // At most a quarter of a core: each step is followed by a rest three times as long.
    let rest = 0;
    for (let start = 0; start < wanted.length && !stopped; start += STEP) {
      await waitForQuiet(rest);
      // Read after the wait: a card removed meanwhile (or an edit replaced) is not worth embedding.
      const now = await board(workshopId);
      const step = wanted.slice(start, start + STEP).filter((text) => now.texts.has(text));
      if (step.length === 0) continue;
      const started = performance.now();
      await embedAhead(step, now.language);
      rest = 3 * (performance.now() - started);
    }
  };

  const flush = async () => {
    timer = undefined;
    if (flushing) return;
    flushing = true;
    try {
      while (waiting.size > 0 && !stopped) {
        const batch = [...waiting];
        waiting.clear();
        for (const [workshopId, { whole, texts }] of batch) {
          // A workshop that cannot be read now is embedded when it is asked for.
          await embedWorkshop(workshopId, whole, texts).catch(() => undefined);
        }
      }
    } finally {
      flushing = false;
    }
  };

  const unsubscribe = bus.subscribe((workshopId, events) => {
    // Nothing to note before a facilitator has asked for a suggestion: the model is not loaded, and
    // the first workshop event after that embeds the whole board anyway.
    if (!loadedEmbedder()) return;
    let entry = waiting.get(workshopId);
    for (const stored of events) {
      const text = stored.event.type === "workshopCreated" ? "" : newText(stored);
      if (text === undefined) continue;
      if (!entry) {
        entry = { whole: !seen.has(workshopId), texts: [] };
        seen.add(workshopId);
        waiting.set(workshopId, entry);
      }
      if (text) entry.texts.push(text);
      if (entry.texts.length > MAX_HELD) entry.texts.shift();
    }
    if (entry && !timer) {
      timer = setTimeout(() => void flush(), GATHER_MS);
      timer.unref();
    }
  });
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
  };
}
