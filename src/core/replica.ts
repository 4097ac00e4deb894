import type { DomainEvent } from "./events.js";
import type { WorkshopState } from "./model.js";
import type { WireEnvelope } from "./protocol.js";
import { reduce } from "./reducer.js";

/** A client's copy of a workshop: the state at `seq`, built only from what the server sent. */
export interface Replica {
  seq: number;
  state: WorkshopState;
}

/**
 * Applies envelopes in order (a sealed one only moves `seq` on). Envelopes the replica already holds are skipped (a resend after
 * reconnecting); a gap returns `undefined`, and the client must ask for `sync` since `seq`.
 */
export function applyEnvelopes(replica: Replica, envelopes: readonly WireEnvelope[]): Replica | undefined {
  let { seq, state } = replica;
  for (const envelope of envelopes) {
    if (envelope.seq <= seq) continue;
    if (envelope.seq !== seq + 1) return undefined;
    // A sealed event changes nothing this client may see; it only moves the sequence on.
    if (envelope.event.type !== "sealed") state = reduce(state, withoutPace(envelope.event));
    seq = envelope.seq;
  }
  return { seq, state };
}

/**
 * The event as a replica applies it: without the card pace the server decides the cards-a-minute
 * quota with, which a snapshot never carries either, so that a replica built from events and one
 * loaded from a snapshot hold the same state.
 */
function withoutPace(event: DomainEvent): DomainEvent {
  if (event.type !== "cardAdded" || event.pace === undefined) return event;
  const { pace: _pace, ...rest } = event;
  return rest;
}
