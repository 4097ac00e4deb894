import {
  carriesVotes,
  type DomainEvent,
  eventForParticipant,
  stateForParticipant,
  type WireEnvelope,
  type WorkshopState,
} from "../../core/index.js";
import { type StoredEvent, toEnvelope } from "../store/eventStore.js";
import { snapshotFrame } from "./snapshotFrame.js";

/** A batch as one participant may see it, and whether the results are revealed after it. */
export interface ParticipantBatch {
  envelopes: WireEnvelope[];
  revealedAfter: boolean;
}

/**
 * `events` as participant `viewerId` may see them, given whether the results were revealed before
 * the first (hiddenVotes.ts): while hidden, others' dots are sealed; a reveal or a hide in the
 * batch changes that from the next event on.
 */
export function participantBatch(
  events: readonly StoredEvent[],
  viewerId: string,
  revealed: boolean,
): ParticipantBatch {
  let shown = revealed;
  const envelopes = events.map((stored): WireEnvelope => {
    const envelope = toEnvelope(stored);
    const event: DomainEvent = stored.event;
    if (event.type === "resultsRevealed") shown = event.revealed;
    return shown ? envelope : { ...envelope, event: eventForParticipant(event, viewerId) };
  });
  return { envelopes, revealedAfter: shown };
}

/** Who has dots in the event: the participants who see it differently from the rest of the room. */
function votersIn(event: DomainEvent, into: Set<string>): void {
  if (event.type === "voteCast") into.add(event.vote.voterId);
  else if (event.type === "themeDeleted" || event.type === "themesMerged" || event.type === "themeRestored")
    for (const vote of event.votes) into.add(vote.voterId);
  else if (event.type === "undoApplied") for (const inner of event.events) votersIn(inner, into);
}

/**
 * One committed batch for the room's participants. Most of them see the same thing (everyone
 * else's dots sealed), so that frame is serialised once per batch, like the facilitators'; only a
 * participant whose own dots are in the batch gets a frame of their own.
 */
export class ParticipantFrames {
  /** False for the usual batch (cards, names…): participants then get the facilitators' frame. */
  private readonly differs: boolean;
  private readonly voters = new Set<string>();
  private readonly shared = new Map<boolean, { frame: Buffer; revealedAfter: boolean }>();

  constructor(private readonly events: readonly StoredEvent[]) {
    this.differs = events.some(({ event }) => carriesVotes(event) || event.type === "resultsRevealed");
    if (this.differs) for (const { event } of events) votersIn(event, this.voters);
  }

  /**
   * The frame for participant `viewerId` when the results were `revealed` before this batch
   * (undefined: the facilitators' frame as it is), and whether they are revealed after it.
   */
  frameFor(viewerId: string, revealed: boolean): { frame: Buffer | undefined; revealedAfter: boolean } {
    if (!this.differs) return { frame: undefined, revealedAfter: revealed };
    if (this.voters.has(viewerId)) return serialise(participantBatch(this.events, viewerId, revealed));
    let shared = this.shared.get(revealed);
    if (!shared) {
      // An id no participant has: every dot in the batch is someone else's.
      shared = serialise(participantBatch(this.events, "", revealed));
      this.shared.set(revealed, shared);
    }
    return shared;
  }
}

function serialise({ envelopes, revealedAfter }: ParticipantBatch) {
  return { frame: Buffer.from(JSON.stringify({ type: "events", events: envelopes })), revealedAfter };
}

const nobodysDots = new WeakMap<WorkshopState, WorkshopState>();

/**
 * The `snapshot` message for participant `viewerId`. With results hidden, a participant who has
 * no dots on the board sees the same board as every other such participant: that one is
 * projected once per state, and `snapshotFrame` serialises it once for a whole join storm.
 */
export function participantSnapshotFrame(seq: number, state: WorkshopState, viewerId: string): Buffer {
  let anonymous = nobodysDots.get(state);
  if (!anonymous) {
    anonymous = stateForParticipant(state, "");
    nobodysDots.set(state, anonymous);
  }
  if (anonymous === state || !hasDots(state, viewerId)) return snapshotFrame(seq, anonymous);
  return Buffer.from(JSON.stringify({ type: "snapshot", seq, state: stateForParticipant(state, viewerId) }));
}

/** True when some of the board's dots, or of those its undo points would restore, are the viewer's. */
function hasDots(state: WorkshopState, viewerId: string): boolean {
  const voters = new Set<string>();
  for (const vote of state.votes) voters.add(vote.voterId);
  for (const point of state.undoStack)
    for (const command of point.inverse)
      if (command.type === "restoreTheme") for (const vote of command.votes) voters.add(vote.voterId);
  return voters.has(viewerId);
}
