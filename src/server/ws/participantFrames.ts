import {
  dotHolders,
  eventForParticipant,
  revealedBy,
  stateForParticipant,
  votersOf,
  type WorkshopState,
} from "../../core/index.js";
import { type StoredEvent, toEnvelope } from "../store/eventStore.js";
import { forClients, snapshotFrame } from "./snapshotFrame.js";

/** How a participant who starts a batch with the results `revealed` (or not) sees each of its events. */
interface Reading {
  /** Per event up to `end`: shown whole, or with others' dots hidden. */
  whole: boolean[];
  /**
   * Where the frame stops: the event that reveals the results, or hides them again. That event
   * and what follows reach the participant in the snapshot sent right after — with everyone's
   * dots, or with only their own again — so a phone never holds "revealed" with only its own
   * dots, nor keeps others' after a hide, even if its connection drops in between.
   */
  end: number;
  /** Whether the results are revealed once what the frame holds is applied. */
  revealedAfter: boolean;
  /** True when the frame stops at a reveal or a hide: a snapshot must follow. */
  snapshotNext: boolean;
}

function read(events: readonly StoredEvent[], revealed: boolean): Reading {
  const whole: boolean[] = [];
  const shown = revealed;
  for (const [index, { event }] of events.entries()) {
    const next = revealedBy(event);
    if (next !== undefined && next !== shown) return { whole, end: index, revealedAfter: shown, snapshotNext: true };
    whole.push(shown);
  }
  return { whole, end: events.length, revealedAfter: shown, snapshotNext: false };
}

/** A batch as one participant is sent it (`frame` undefined: nothing to send). */
export interface ParticipantFrame {
  frame: Buffer | undefined;
  /** The seq the frame brings the participant to. */
  sentSeq: number;
  revealedAfter: boolean;
  /** The results were revealed or hidden at `sentSeq + 1`: send the participant a snapshot now. */
  snapshotNext: boolean;
}

/**
 * One committed batch for the room's participants (hiddenVotes.ts). Each event is serialised once
 * whole and once as everyone but its voters sees it; a participant's frame is put together from
 * those pieces, with their own dots shown in the few events that hold them. So a burst of votes
 * costs each phone one join of pieces, never a serialisation of the batch per voter.
 */
export class ParticipantFrames {
  /** False for the usual batch (cards, names…): participants then get the facilitators' frame. */
  private readonly differs: boolean;
  private readonly whole: (string | undefined)[] = [];
  private readonly hidden: (string | undefined)[] = [];
  /** Per event, whose dots it carries. */
  private readonly voters: Set<string>[];
  /** Per `revealed` before the batch: how it reads, who has dots in its hidden events, the shared frame. */
  private readonly byStart = new Map<boolean, { reading: Reading; owners: Set<string>; shared?: ParticipantFrame }>();

  constructor(private readonly events: readonly StoredEvent[]) {
    this.voters = events.map(({ event }) => votersOf(event));
    this.differs = events.some(
      ({ event }, index) => (this.voters[index]?.size ?? 0) > 0 || revealedBy(event) !== undefined,
    );
  }

  /** The frame for participant `viewerId`, who had the results `revealed` (or not) before this batch. */
  frameFor(viewerId: string, revealed: boolean): ParticipantFrame {
    if (!this.differs) {
      const last = this.events[this.events.length - 1]?.seq ?? 0;
      return { frame: undefined, sentSeq: last, revealedAfter: revealed, snapshotNext: false };
    }
    const start = this.startingFrom(revealed);
    if (start.owners.has(viewerId)) return this.assemble(start.reading, viewerId);
    start.shared ??= this.assemble(start.reading, "");
    return start.shared;
  }

  /** Read once per starting point, however many phones of the room ask. */
  private startingFrom(revealed: boolean) {
    let start = this.byStart.get(revealed);
    if (!start) {
      const reading = read(this.events, revealed);
      const owners = new Set<string>();
      for (let index = 0; index < reading.end; index++)
        if (!reading.whole[index]) for (const voter of this.voters[index] ?? []) owners.add(voter);
      start = { reading, owners };
      this.byStart.set(revealed, start);
    }
    return start;
  }

  private assemble(reading: Reading, viewerId: string): ParticipantFrame {
    const pieces: string[] = [];
    for (let index = 0; index < reading.end; index++) {
      if (reading.whole[index]) pieces.push(this.wholeAt(index));
      else if (this.voters[index]?.has(viewerId)) pieces.push(hiddenJson(this.at(index), viewerId));
      else pieces.push(this.hiddenAt(index));
    }
    const first = this.events[0]?.seq ?? 1;
    return {
      frame: pieces.length > 0 ? Buffer.from(`{"type":"events","events":[${pieces.join(",")}]}`) : undefined,
      sentSeq: first + reading.end - 1,
      revealedAfter: reading.revealedAfter,
      snapshotNext: reading.snapshotNext,
    };
  }

  private at(index: number): StoredEvent {
    return this.events[index] as StoredEvent;
  }

  private wholeAt(index: number): string {
    this.whole[index] ??= JSON.stringify(toEnvelope(this.at(index)));
    return this.whole[index];
  }

  private hiddenAt(index: number): string {
    this.hidden[index] ??= hiddenJson(this.at(index), "");
    return this.hidden[index];
  }
}

/**
 * An event as participant `viewerId` sees it while results are hidden. A sealed one says nothing
 * of who acted either: a phone learns that something it may not see happened, and when.
 */
function hiddenJson(stored: StoredEvent, viewerId: string): string {
  const seen = eventForParticipant(stored.event, viewerId);
  if (seen.type === "sealed") {
    return JSON.stringify({
      seq: stored.seq,
      at: stored.at,
      actor: { role: "participant", id: "" },
      commandId: "",
      event: seen,
    });
  }
  return JSON.stringify({ ...toEnvelope(stored), event: seen });
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
  if (anonymous === state || !dotHolders(state).has(viewerId)) return snapshotFrame(seq, anonymous);
  return Buffer.from(
    JSON.stringify({ type: "snapshot", seq, state: forClients(stateForParticipant(state, viewerId)) }),
  );
}
