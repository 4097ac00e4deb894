import { embedAhead } from "../../themes/suggestions.js";
import type { EventBus } from "../eventBus.js";
import type { StoredEvent } from "../store/eventStore.js";
import type { WorkshopService } from "../workshopService.js";

/** Events arriving within this long are embedded together (one message to the model's worker). */
const GATHER_MS = 100;

/** The text a committed event puts on the board, if any. */
function newText(stored: StoredEvent): string | undefined {
  const { event } = stored;
  if (event.type === "cardAdded") return event.card.text;
  if (event.type === "cardEdited" || event.type === "cardsMerged") return event.text;
  return undefined;
}

/**
 * Embeds each card's text as it is committed, so that asking for suggestions on a live board of
 * a thousand cards costs the clustering only. The bus listener only notes the texts (it runs in
 * the room's fan-out); the work happens later, in slices between turns of the event loop and in
 * the model's worker thread (see `embedAhead`). The first time this process sees a workshop it
 * embeds the whole board (cards from before a restart, or an imported workshop). Returns the
 * unsubscribe function.
 */
export function embedCardsOnArrival(bus: EventBus, service: Pick<WorkshopService, "get">): () => void {
  const seen = new Set<string>();
  const waiting = new Map<string, { whole: boolean; texts: string[] }>();
  let timer: NodeJS.Timeout | undefined;

  const flush = async () => {
    timer = undefined;
    const batch = [...waiting];
    waiting.clear();
    for (const [workshopId, { whole, texts }] of batch) {
      try {
        const { state } = await service.get(workshopId);
        const all = whole ? Object.values(state.cards).map((card) => card.text) : texts;
        await embedAhead(all, state.context.language);
      } catch {
        // A workshop that cannot be read now is embedded when it is asked for.
      }
    }
  };

  const unsubscribe = bus.subscribe((workshopId, events) => {
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
    }
    if (entry && !timer) {
      timer = setTimeout(() => void flush(), GATHER_MS);
      timer.unref();
    }
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
