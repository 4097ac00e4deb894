import type { Command } from "./commands.js";
import type { DomainEvent } from "./events.js";
import { type Card, type NameProposal, setEntry, type WorkshopState } from "./model.js";

/**
 * A phone never learns who wrote someone else's card or name proposal: not the author's public id,
 * nor their name, nor their group (a group of one names its member). It keeps them on its own
 * cards and proposals, which it needs to tell them apart. Names on cards are the facilitator's to
 * show, on the console, the projector and the report (`showAuthors`); in an anonymous workshop
 * nobody's are. The server sends each participant the log through these functions.
 */

/** The card as participant `viewerId` may see it. */
function cardFor(card: Card, viewerId: string): Card {
  if (card.authorId === viewerId || (card.authorId === undefined && card.author === undefined && !card.group))
    return card;
  const { authorId: _authorId, author: _author, group: _group, ...anonymous } = card;
  return anonymous;
}

function proposalFor(proposal: NameProposal, viewerId: string): NameProposal {
  return proposal.authorId === viewerId ? proposal : { ...proposal, authorId: "" };
}

function commandFor(command: Command, viewerId: string): Command {
  return command.type === "restoreCard" ? { ...command, card: cardFor(command.card, viewerId) } : command;
}

type Authored = Pick<WorkshopState, "cards" | "nameProposals" | "undoStack">;

/** The cards (with what they say of their author) and the proposals an event or a board carries. */
interface Authorship {
  cards: Pick<Card, "authorId" | "author" | "group">[];
  proposals: Pick<NameProposal, "authorId">[];
}

function authorshipOf(event: DomainEvent): Authorship {
  switch (event.type) {
    case "workshopCreated":
      return authorshipIn(event.workshop);
    case "cardAdded":
    case "cardRemoved":
      return { cards: [event.card], proposals: [] };
    case "cardsMerged":
      return { cards: [event.source], proposals: [] };
    case "tableCardsSubmitted":
      return { cards: event.discarded, proposals: [] };
    case "nameProposed":
    case "nameProposalWithdrawn":
      return { cards: [], proposals: [event.proposal] };
    case "undoApplied": {
      const inner = event.events.map(authorshipOf);
      return { cards: inner.flatMap((one) => one.cards), proposals: inner.flatMap((one) => one.proposals) };
    }
    default:
      return { cards: [], proposals: [] };
  }
}

function authorshipIn(state: Authored): Authorship {
  return {
    cards: [
      ...Object.values(state.cards),
      ...state.undoStack.flatMap((point) =>
        point.inverse.flatMap((command) => (command.type === "restoreCard" ? [command.card] : [])),
      ),
    ],
    proposals: state.nameProposals,
  };
}

function authorIds({ cards, proposals }: Authorship): Set<string> {
  const ids = new Set(proposals.map((proposal) => proposal.authorId));
  for (const card of cards) if (card.authorId !== undefined) ids.add(card.authorId);
  return ids;
}

/** Who wrote the cards and proposals the event carries: the people who see it differently from the rest of the room. */
export function authorsOf(event: DomainEvent): Set<string> {
  return authorIds(authorshipOf(event));
}

/** Whose cards and proposals a board holds: the people whose snapshot differs from the room's. */
export function authorsIn(state: Authored): Set<string> {
  return authorIds(authorshipIn(state));
}

/** True when a phone reads the event differently from the console: it says who wrote something. */
export function namesAuthors(event: DomainEvent): boolean {
  const { cards, proposals } = authorshipOf(event);
  return (
    proposals.length > 0 || cards.some((card) => card.authorId !== undefined || card.author !== undefined || card.group)
  );
}

/** The event with the authorship of other people's cards and proposals taken out, for participant `viewerId`. */
export function eventWithoutOthersAuthors<E extends DomainEvent>(event: E, viewerId: string): E;
export function eventWithoutOthersAuthors(event: DomainEvent, viewerId: string): DomainEvent {
  switch (event.type) {
    case "workshopCreated":
      return { ...event, workshop: stateWithoutOthersAuthors(event.workshop, viewerId) };
    case "cardAdded":
    case "cardRemoved":
      return { ...event, card: cardFor(event.card, viewerId) };
    case "cardsMerged":
      return { ...event, source: cardFor(event.source, viewerId) };
    case "tableCardsSubmitted":
      return { ...event, discarded: event.discarded.map((card) => cardFor(card, viewerId)) };
    case "nameProposed":
    case "nameProposalWithdrawn":
      return { ...event, proposal: proposalFor(event.proposal, viewerId) };
    case "undoApplied":
      return { ...event, events: event.events.map((inner) => eventWithoutOthersAuthors(inner, viewerId)) };
    default:
      return event;
  }
}

/** The board with the authorship of other people's cards and proposals taken out, for participant `viewerId`. */
export function stateWithoutOthersAuthors<S extends Authored>(state: S, viewerId: string): S {
  const cards: Record<string, Card> = {};
  for (const [id, card] of Object.entries(state.cards)) setEntry(cards, id, cardFor(card, viewerId));
  return {
    ...state,
    cards,
    nameProposals: state.nameProposals.map((proposal) => proposalFor(proposal, viewerId)),
    undoStack: state.undoStack.map((point) => ({
      ...point,
      inverse: point.inverse.map((command) => commandFor(command, viewerId)),
    })),
  };
}
