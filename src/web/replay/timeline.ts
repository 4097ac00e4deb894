import { type EventEnvelope, emptyWorkshop, isOnBoard, reduce, type WorkshopState } from "../../core/index.js";

/** Every this many events the timeline keeps a state, so that a jump folds at most this many. */
const CHECKPOINT_EVERY = 64;

/**
 * A workshop's whole history, to scrub through: position `i` is the state after the first `i`
 * events (0 is before the workshop existed). States come from folding the log with the same
 * `reduce` the server and every client use, so the replay at a `seq` is the state the room saw.
 */
export class Timeline {
  private readonly checkpoints: WorkshopState[] = [];
  private last: { position: number; state: WorkshopState };

  constructor(
    readonly workshopId: string,
    readonly envelopes: readonly EventEnvelope[],
  ) {
    let state = emptyWorkshop(workshopId);
    this.checkpoints.push(state);
    envelopes.forEach((envelope, index) => {
      state = reduce(state, envelope.event);
      if ((index + 1) % CHECKPOINT_EVERY === 0) this.checkpoints.push(state);
    });
    this.last = { position: envelopes.length, state };
  }

  /** The number of positions after the first: one per event. */
  get length(): number {
    return this.envelopes.length;
  }

  /** The state after the first `position` events. */
  stateAt(position: number): WorkshopState {
    const target = clamp(position, 0, this.length);
    // Playing forward folds from where the last answer was, not from a checkpoint.
    const fromLast = this.last.position <= target && target - this.last.position < CHECKPOINT_EVERY;
    const checkpoint = Math.floor(target / CHECKPOINT_EVERY);
    let start = fromLast
      ? this.last
      : {
          position: checkpoint * CHECKPOINT_EVERY,
          state: this.checkpoints[checkpoint] ?? emptyWorkshop(this.workshopId),
        };
    for (let index = start.position; index < target; index++) {
      const envelope = this.envelopes[index];
      if (envelope) start = { position: index + 1, state: reduce(start.state, envelope.event) };
    }
    this.last = start;
    return start.state;
  }

  /** The position right after the event with this `seq` (or the last one before it). */
  positionOfSeq(seq: number): number {
    let position = 0;
    while (position < this.length && (this.envelopes[position]?.seq ?? Number.POSITIVE_INFINITY) <= seq) position++;
    return position;
  }

  /** The `seq` of the state at a position: that of the last event applied, 0 at the start. */
  seqAt(position: number): number {
    return position <= 0 ? 0 : (this.envelopes[clamp(position, 1, this.length) - 1]?.seq ?? 0);
  }

  /** When the state at a position came to be (ms since the epoch); undefined at the start. */
  timeAt(position: number): number | undefined {
    const envelope = this.envelopes[clamp(position, 1, this.length) - 1];
    return position <= 0 || !envelope ? undefined : Date.parse(envelope.at);
  }

  /** The position the room was at, at time `ms`: after every event committed by then. */
  positionAtTime(ms: number): number {
    let position = 0;
    while (position < this.length && Date.parse(this.envelopes[position]?.at ?? "") <= ms) position++;
    return position;
  }

  /** The first position where a card is on the board: where the story of the board starts. */
  firstCardPosition(): number {
    for (let position = 1; position <= this.length; position++) {
      const state = this.stateAt(position);
      if ([...state.cards.values()].some(isOnBoard)) return position;
    }
    return this.length;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Reads a workshop's whole log page by page, as GET /api/workshops/:id/events serves it. */
export async function loadAllEvents(
  fetchPage: (since: number, limit: number) => Promise<EventEnvelope[]>,
  pageSize = 1000,
): Promise<EventEnvelope[]> {
  const all: EventEnvelope[] = [];
  for (;;) {
    const page = await fetchPage(all[all.length - 1]?.seq ?? 0, pageSize);
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}
