import { withFollowUp } from "./campaign.js";
import { type CardMap, cardMapOf } from "./cardMap.js";
import type { DomainEvent } from "./events.js";
import { withInstruction } from "./instructions.js";
import { type Card, type CardPlace, entry, setEntry, type Theme, type WorkshopState } from "./model.js";
import { assertNever } from "./result.js";
import { inverseOf, UNDO_DEPTH } from "./undo.js";

/**
 * Folds one event into the state. Pure and total: events were checked when they were decided,
 * so applying them never fails. Returns a new state and leaves the old one untouched.
 * A board change also records its way back on the undo stack; undo pops it.
 */
export function reduce(state: WorkshopState, event: DomainEvent): WorkshopState {
  if (event.type === "undoApplied") {
    const undone = event.events.reduce(apply, state);
    return { ...undone, undoStack: state.undoStack.slice(0, -1) };
  }
  const next = apply(state, event);
  const inverse = inverseOf(event);
  if (inverse.length === 0) return next;
  return { ...next, undoStack: pushBounded(state.undoStack, { eventType: event.type, inverse }, UNDO_DEPTH) };
}

/**
 * A copy of `items` with `item` last, the oldest dropped beyond `limit`: one allocation, since
 * every card added or moved copies the whole undo stack.
 */
function pushBounded<T>(items: readonly T[], item: T, limit: number): T[] {
  const from = Math.max(0, items.length + 1 - limit);
  const next = new Array<T>(items.length - from + 1);
  for (let at = from; at < items.length; at++) next[at - from] = items[at] as T;
  next[next.length - 1] = item;
  return next;
}

function apply(state: WorkshopState, event: DomainEvent): WorkshopState {
  switch (event.type) {
    case "workshopCreated": {
      // Logs written before unknown fields were refused may carry them here: they are never kept.
      const { extensions: _legacy, ...workshop } = event.workshop as typeof event.workshop & { extensions?: unknown };
      return { ...workshop, id: state.id, cards: cardMapOf(workshop.cards) };
    }
    case "contextUpdated":
      return { ...state, context: { ...state.context, ...event.patch } };
    case "settingsUpdated":
      return { ...state, settings: { ...state.settings, ...event.patch } };
    case "phaseChanged":
      return { ...state, phase: event.phase };
    case "joinCodeChanged":
      return { ...state, joinCode: event.joinCode };
    case "followUpStarted":
      return withFollowUp(state, event.link);
    case "instructionSet":
      return withInstruction(state, event.phase, event.text);
    case "participantJoined":
      return { ...state, participants: { ...state.participants, [event.participant.id]: event.participant } };
    case "cardAdded": {
      const withCard = { ...state, cards: state.cards.set(event.card.id, event.card) };
      if (event.pace && event.card.authorId) {
        withCard.cardPace = { ...state.cardPace };
        setEntry(withCard.cardPace, event.card.authorId, event.pace);
      }
      return event.place ? insertCardAt(withCard, event.card.id, event.place) : withCard;
    }
    case "cardEdited": {
      const card = state.cards.get(event.cardId);
      if (!card) return state;
      return { ...state, cards: state.cards.set(event.cardId, { ...card, text: event.text }) };
    }
    case "cardRemoved": {
      const cards = state.cards.delete(event.card.id);
      return event.place ? removeCardFrom({ ...state, cards }, event.card.id, event.place) : { ...state, cards };
    }
    case "cardsMerged": {
      const target = state.cards.get(event.targetCardId);
      const merged = state.cards.delete(event.source.id);
      const cards = target ? merged.set(event.targetCardId, { ...target, text: event.text }) : merged;
      return removeCardFrom({ ...state, cards }, event.source.id, event.sourcePlace);
    }
    case "tableAdded":
      return { ...state, tables: [...state.tables, event.table] };
    case "tableRemoved":
      return { ...state, tables: state.tables.filter((table) => table.id !== event.table.id) };
    case "roundStarted":
      return { ...state, rounds: [...state.rounds, event.round], activeRoundId: event.round.id };
    case "roundRevealed":
      return {
        ...state,
        cards: mapCards(state.cards, event.cardIds, ({ stage: _stage, ...card }) => card),
        unclustered: [...state.unclustered, ...event.cardIds],
        rounds: state.rounds.map((round) => (round.id === event.roundId ? { ...round, revealed: true } : round)),
      };
    case "tableCardsSubmitted": {
      const cards = mapCards(state.cards, event.cardIds, (card) => ({ ...card, stage: "submitted" })).deleteAll(
        event.discarded.map((card) => card.id),
      );
      return {
        ...state,
        cards,
        rounds: state.rounds.map((round) =>
          round.id === event.roundId ? { ...round, readyTableIds: [...round.readyTableIds, event.tableId] } : round,
        ),
      };
    }
    case "timerStarted":
      return { ...state, timer: event.timer };
    case "timerStopped":
      return { ...state, timer: null };
    case "cardMoved":
      return insertCardAt(removeCardFrom(state, event.cardId, event.from), event.cardId, event.to);
    case "themeCreated": {
      const emptied = (event.gathered ?? []).reduce(
        (current, { cardId, from }) => removeCardFrom(current, cardId, from),
        state,
      );
      return { ...emptied, themes: insertAt(emptied.themes, event.index, event.theme) };
    }
    case "themeDeleted":
      return {
        ...state,
        themes: state.themes.filter((theme) => theme.id !== event.theme.id),
        unclustered: [...state.unclustered, ...event.theme.cardIds],
        // Dots on a theme that is gone count for nothing; the voters get them back to spend.
        votes: state.votes.filter((vote) => vote.themeId !== event.theme.id),
      };
    case "themeMoved": {
      const theme = state.themes[event.from];
      if (!theme) return state;
      return { ...state, themes: insertAt(removeAt(state.themes, event.from), event.to, theme) };
    }
    case "themesMerged": {
      const themes = state.themes.filter((theme) => theme.id !== event.source.id);
      const votes = state.votes.filter((vote) => vote.themeId !== event.source.id);
      return updateTheme({ ...state, themes, votes }, event.targetThemeId, (target) => ({
        cardIds: [...target.cardIds, ...event.source.cardIds],
      }));
    }
    case "themeNamed":
      return updateTheme(state, event.themeId, () => ({ name: event.name }));
    case "keyPointsSet":
      return updateTheme(state, event.themeId, () => ({ keyPoints: event.keyPoints }));
    case "headlineSet":
      return updateTheme(state, event.themeId, () => ({ headline: event.headline }));
    case "narrativeSet":
      return updateTheme(state, event.themeId, () => ({ narrative: event.narrative }));
    case "footnoteSet": {
      const exists = state.footnotes.some((footnote) => footnote.mark === event.footnote.mark);
      const footnotes = exists
        ? state.footnotes.map((footnote) => (footnote.mark === event.footnote.mark ? event.footnote : footnote))
        : [...state.footnotes, event.footnote];
      return { ...state, footnotes };
    }
    case "footnoteRemoved":
      return { ...state, footnotes: state.footnotes.filter((footnote) => footnote.mark !== event.footnote.mark) };
    case "votingOpened":
      return { ...state, voting: { ...state.voting, status: "open" } };
    case "votingClosed":
      return { ...state, voting: { ...state.voting, status: "closed" } };
    case "resultsRevealed":
      return { ...state, voting: { ...state.voting, revealed: event.revealed } };
    case "nameProposed":
      return { ...state, nameProposals: [...state.nameProposals, event.proposal] };
    case "nameProposalWithdrawn":
      return { ...state, nameProposals: state.nameProposals.filter((proposal) => proposal.id !== event.proposal.id) };
    case "themeSpotlighted": {
      const { spotlightThemeId: _previous, ...rest } = state;
      return event.themeId === null ? rest : { ...rest, spotlightThemeId: event.themeId };
    }
    case "writerSet": {
      const person = entry(state.participants, event.participantId);
      if (!person) return state;
      const { writer: _writer, ...withoutWriter } = person;
      const participants = { ...state.participants };
      setEntry(participants, event.participantId, event.writer ? { ...withoutWriter, writer: true } : withoutWriter);
      return { ...state, participants };
    }
    case "themeRestored": {
      // The column's cards come back from wherever deleting or merging put them.
      const returning = new Set(event.theme.cardIds);
      const themes = state.themes.map((theme) => ({
        ...theme,
        cardIds: theme.cardIds.filter((id) => !returning.has(id)),
      }));
      return {
        ...state,
        themes: insertAt(themes, event.index, event.theme),
        unclustered: state.unclustered.filter((id) => !returning.has(id)),
        votes: [...state.votes, ...event.votes],
      };
    }
    case "undoApplied":
      return event.events.reduce(apply, state);
    case "voteCast": {
      const others = state.votes.filter(
        (vote) => !(vote.voterId === event.vote.voterId && vote.themeId === event.vote.themeId),
      );
      return { ...state, votes: event.vote.count > 0 ? [...others, event.vote] : others };
    }
    default:
      return assertNever(event);
  }
}

/** Folds a sequence of events, as replay and snapshot catch-up do. */
export function reduceAll(state: WorkshopState, events: Iterable<DomainEvent>): WorkshopState {
  let next = state;
  for (const event of events) next = reduce(next, event);
  return next;
}

/** The cards with `change` applied to the listed ones. */
function mapCards(cards: CardMap, cardIds: readonly string[], change: (card: Card) => Card): CardMap {
  return cards.withMutations((next) => {
    for (const cardId of cardIds) {
      const card = next.get(cardId);
      if (card) next.set(cardId, change(card));
    }
  });
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  return [...items.slice(0, index), item, ...items.slice(index)];
}

function removeAt<T>(items: readonly T[], index: number): T[] {
  return [...items.slice(0, index), ...items.slice(index + 1)];
}

function updateTheme(state: WorkshopState, themeId: string, change: (theme: Theme) => Partial<Theme>): WorkshopState {
  return {
    ...state,
    themes: state.themes.map((theme) => (theme.id === themeId ? { ...theme, ...change(theme) } : theme)),
  };
}

function insertCardAt(state: WorkshopState, cardId: string, place: CardPlace): WorkshopState {
  if (place.themeId === null) return { ...state, unclustered: insertAt(state.unclustered, place.index, cardId) };
  return updateTheme(state, place.themeId, (theme) => ({ cardIds: insertAt(theme.cardIds, place.index, cardId) }));
}

function removeCardFrom(state: WorkshopState, cardId: string, place: CardPlace): WorkshopState {
  if (place.themeId === null) return { ...state, unclustered: state.unclustered.filter((id) => id !== cardId) };
  return updateTheme(state, place.themeId, (theme) => ({ cardIds: theme.cardIds.filter((id) => id !== cardId) }));
}
