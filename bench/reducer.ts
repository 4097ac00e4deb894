/**
 * `npm run bench -- reducer [--json]`: what applying one event costs on a board of 1,000 and of
 * 10,000 cards — the median over 1,000 `cardAdded` and 1,000 `cardMoved` events, in microseconds.
 * Every process of a deployment and every open screen pays this for every event of the room.
 */
import { performance } from "node:perf_hooks";
import {
  blankContent,
  type DomainEvent,
  emptyWorkshop,
  reduce,
  type Theme,
  type WorkshopState,
} from "../src/core/index.js";

const COLUMNS = 10;
const EVENTS = 1000;

export interface ReducerCost {
  addCard: number;
  moveCard: number;
}

/** A cluster-phase board of `cards` cards spread over ten columns. */
function boardOf(cards: number): WorkshopState {
  const columns: Theme[] = Array.from({ length: COLUMNS }, (_, column) => ({
    id: `t${column}`,
    name: `Column ${column}`,
    keyPoints: [],
    headline: "",
    narrative: "",
    cardIds: [],
  }));
  let state = reduce(emptyWorkshop("bench"), {
    type: "workshopCreated",
    workshop: { ...blankContent({ title: "Reducer bench", language: "en" }, "2026-01-01T00:00:00Z"), phase: "cluster" },
  });
  for (const [index, theme] of columns.entries()) state = reduce(state, { type: "themeCreated", theme, index });
  for (let i = 0; i < cards; i++) {
    const place = { themeId: `t${i % COLUMNS}`, index: Math.floor(i / COLUMNS) };
    state = reduce(state, { type: "cardAdded", card: { id: `c${i}`, text: `Card number ${i}` }, place });
  }
  return state;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Applies each event to the state the previous one left, timing each; returns the median in µs. */
function medianMicros(start: WorkshopState, events: DomainEvent[]): { state: WorkshopState; micros: number } {
  let state = start;
  const times: number[] = [];
  for (const event of events) {
    const began = performance.now();
    state = reduce(state, event);
    times.push(performance.now() - began);
  }
  return { state, micros: median(times) * 1000 };
}

/** The median cost of one `cardAdded` and one `cardMoved` on a board of `cards` cards. */
export function reducerCost(cards: number): ReducerCost {
  const board = boardOf(cards);
  const adds: DomainEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
    type: "cardAdded",
    card: { id: `new-${i}`, text: `New card ${i}` },
    place: { themeId: null, index: i },
  }));
  const added = medianMicros(board, adds);
  // Each new card goes from the front of the pile to the top of a column, round the board.
  const moves: DomainEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
    type: "cardMoved",
    cardId: `new-${i}`,
    from: { themeId: null, index: 0 },
    to: { themeId: `t${i % COLUMNS}`, index: 0 },
  }));
  const moved = medianMicros(added.state, moves);
  return { addCard: added.micros, moveCard: moved.micros };
}

export async function reducerBench(args: string[]): Promise<void> {
  const result = { "1000": reducerCost(1000), "10000": reducerCost(10_000) };
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ reducerUsPerEvent: result })}\n`);
    return;
  }
  for (const [cards, cost] of Object.entries(result)) {
    process.stdout.write(
      `${cards.padStart(6)} cards: addCard ${cost.addCard.toFixed(1)} µs, moveCard ${cost.moveCard.toFixed(1)} µs (median of ${EVENTS})\n`,
    );
  }
}
