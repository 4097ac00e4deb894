import type { DomainEvent } from "./events.js";
import type { Vote, WorkshopState } from "./model.js";

/**
 * Until the facilitator reveals the results, a participant sees their own dots and no one
 * else's: not who voted for what, and not the tallies those would add up to. The server sends
 * each participant the log through these functions; facilitators (console, projector) get it whole.
 */

/**
 * Whether the event leaves the results revealed (true) or hidden (false); undefined when it does
 * not say. A new workshop says it too: an imported one may arrive with its results shown.
 */
export function revealedBy(event: DomainEvent): boolean | undefined {
  if (event.type === "resultsRevealed") return event.revealed;
  if (event.type === "workshopCreated") return event.workshop.voting.revealed;
  return undefined;
}

/**
 * Stands in for an event a participant may not see: it keeps the sequence gap-free, and a
 * replica skips it. It exists on the wire only, never in the log.
 */
export interface SealedEvent {
  type: "sealed";
}

export const SEALED: SealedEvent = { type: "sealed" };

const ownedBy = (viewerId: string) => (vote: Vote) => vote.voterId === viewerId;

type Dotted = Pick<WorkshopState, "voting" | "votes" | "undoStack">;

/** Whose dots a board holds: on its columns, and in the undo points that would restore a column's. */
export function dotHolders(state: Dotted): Set<string> {
  const holders = new Set(state.votes.map((vote) => vote.voterId));
  for (const point of state.undoStack)
    for (const command of point.inverse)
      if (command.type === "restoreTheme") for (const vote of command.votes) holders.add(vote.voterId);
  return holders;
}

/** Whose dots the event carries: the only events hidden votes change, and the people who see them differently. */
export function votersOf(event: DomainEvent): Set<string> {
  switch (event.type) {
    case "workshopCreated":
      return dotHolders(event.workshop);
    case "voteCast":
      return new Set([event.vote.voterId]);
    case "themeDeleted":
    case "themesMerged":
    case "themeRestored":
      return new Set(event.votes.map((vote) => vote.voterId));
    case "undoApplied":
      return new Set(event.events.flatMap((inner) => [...votersOf(inner)]));
    default:
      return new Set();
  }
}

/** The event as participant `viewerId` may see it while results are hidden. */
export function eventForParticipant(event: DomainEvent, viewerId: string): DomainEvent | SealedEvent {
  switch (event.type) {
    // An imported or copied workshop starts with the dots it had: its first event carries them all.
    case "workshopCreated":
      return { ...event, workshop: stateForParticipant(event.workshop, viewerId) };
    case "voteCast":
      return event.vote.voterId === viewerId ? event : SEALED;
    case "themeDeleted":
    case "themesMerged":
    case "themeRestored":
      return { ...event, votes: event.votes.filter(ownedBy(viewerId)) };
    case "undoApplied":
      return {
        ...event,
        events: event.events.flatMap((inner) => {
          const seen = eventForParticipant(inner, viewerId);
          return seen.type === "sealed" ? [] : [seen];
        }),
      };
    default:
      return event;
  }
}

/**
 * The board as participant `viewerId` may see it: with results hidden, only their own dots, and
 * none of the others' in the facilitator's undo points (restoring a column restores its dots).
 */
export function stateForParticipant<S extends Dotted>(state: S, viewerId: string): S {
  if (state.voting.revealed) return state;
  const holders = dotHolders(state);
  holders.delete(viewerId);
  if (holders.size === 0) return state;
  const own = ownedBy(viewerId);
  return {
    ...state,
    votes: state.votes.filter(own),
    undoStack: state.undoStack.map((point) => ({
      ...point,
      inverse: point.inverse.map((command) =>
        command.type === "restoreTheme" ? { ...command, votes: command.votes.filter(own) } : command,
      ),
    })),
  };
}
