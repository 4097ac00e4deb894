import {
  authorsIn,
  authorsOf,
  dotHolders,
  eventForParticipant,
  eventWithoutCampaign,
  eventWithoutOthersAuthors,
  namesAuthors,
  namesCampaign,
  revealedBy,
  stateForParticipant,
  stateWithoutCampaign,
  stateWithoutOthersAuthors,
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
 * One committed batch for the room's participants: others' dots hidden until the reveal
 * (hiddenVotes.ts), others' authorship of cards and proposals always (hiddenAuthors.ts). Each
 * event is serialised once whole and once as the room sees it; a participant's frame is put
 * together from those pieces, with their own dots and cards shown in the few events that hold
 * them. So a burst of votes or cards costs each phone one join of pieces, never a serialisation
 * of the batch per participant.
 */
export class ParticipantFrames {
  /** False for the usual batch (moves, names…): participants then get the facilitators' frame. */
  private readonly differs: boolean;
  private readonly whole: (string | undefined)[] = [];
  /** Per event, as the room sees it with the results revealed (index 1) or hidden (index 0). */
  private readonly shared: [(string | undefined)[], (string | undefined)[]] = [[], []];
  /** Per event, whose dots it carries. */
  private readonly voters: Set<string>[];
  /** Per event, whose cards or proposals it carries. */
  private readonly authors: Set<string>[];
  /** Per event, whether it says who wrote something or names another workshop, and so reads differently on a phone even revealed. */
  private readonly authored: boolean[];
  /** Per `revealed` before the batch: how it reads, who sees something of their own in it, the shared frame. */
  private readonly byStart = new Map<boolean, { reading: Reading; owners: Set<string>; shared?: ParticipantFrame }>();

  constructor(private readonly events: readonly StoredEvent[]) {
    this.voters = events.map(({ event }) => votersOf(event));
    this.authors = events.map(({ event }) => authorsOf(event));
    this.authored = events.map(({ event }) => namesAuthors(event) || namesCampaign(event));
    this.differs = events.some(
      ({ event }, index) =>
        (this.voters[index]?.size ?? 0) > 0 || this.authored[index] || revealedBy(event) !== undefined,
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
      for (let index = 0; index < reading.end; index++) {
        for (const author of this.authors[index] ?? []) owners.add(author);
        if (!reading.whole[index]) for (const voter of this.voters[index] ?? []) owners.add(voter);
      }
      start = { reading, owners };
      this.byStart.set(revealed, start);
    }
    return start;
  }

  private assemble(reading: Reading, viewerId: string): ParticipantFrame {
    const pieces: string[] = [];
    for (let index = 0; index < reading.end; index++) {
      const revealed = reading.whole[index] ?? false;
      const own = this.authors[index]?.has(viewerId) || (!revealed && this.voters[index]?.has(viewerId));
      pieces.push(own ? participantJson(this.at(index), viewerId, revealed) : this.sharedAt(index, revealed));
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

  /** The event as every participant with nothing of their own in it sees it. */
  private sharedAt(index: number, revealed: boolean): string {
    if (revealed && !this.authored[index]) {
      this.whole[index] ??= JSON.stringify(toEnvelope(this.at(index)));
      return this.whole[index];
    }
    const cache = this.shared[revealed ? 1 : 0];
    cache[index] ??= participantJson(this.at(index), "", revealed);
    return cache[index];
  }
}

/**
 * An event as participant `viewerId` sees it. With the results hidden, a sealed one says nothing
 * of who acted either: a phone learns that something it may not see happened, and when.
 */
function participantJson(stored: StoredEvent, viewerId: string, revealed: boolean): string {
  const dotted = revealed ? stored.event : eventForParticipant(stored.event, viewerId);
  const seen = dotted.type === "sealed" ? dotted : eventWithoutCampaign(dotted);
  if (seen.type === "sealed") {
    return JSON.stringify({
      seq: stored.seq,
      at: stored.at,
      actor: { role: "participant", id: "" },
      commandId: "",
      event: seen,
    });
  }
  return JSON.stringify({ ...toEnvelope(stored), event: eventWithoutOthersAuthors(seen, viewerId) });
}

/** Per state: the board as a participant with nothing of their own sees it, and who has something of their own. */
const roomView = new WeakMap<WorkshopState, { board: WorkshopState; owners: Set<string> }>();

/**
 * The `snapshot` message for participant `viewerId`: others' authorship taken out, and with
 * results hidden, others' dots. A participant with no card, proposal or (hidden) dot of their own
 * sees the same board as every other such participant: that one is projected once per state, and
 * `snapshotFrame` serialises it once for a whole join storm.
 */
export function participantSnapshotFrame(seq: number, state: WorkshopState, viewerId: string): Buffer {
  let room = roomView.get(state);
  if (!room) {
    const owners = authorsIn(state);
    if (!state.voting.revealed) for (const holder of dotHolders(state)) owners.add(holder);
    room = { board: stateWithoutCampaign(stateWithoutOthersAuthors(stateForParticipant(state, ""), "")), owners };
    roomView.set(state, room);
  }
  if (!room.owners.has(viewerId)) return snapshotFrame(seq, room.board);
  const own = stateWithoutCampaign(stateWithoutOthersAuthors(stateForParticipant(state, viewerId), viewerId));
  return Buffer.from(JSON.stringify({ type: "snapshot", seq, state: forClients(own) }));
}
