import type { DomainEvent } from "./events.js";
import type { CardPlace, Theme, WorkshopState } from "./model.js";
import { assertNever } from "./result.js";

/**
 * Folds one event into the state. Pure and total: events were checked when they were decided,
 * so applying them never fails. Returns a new state and leaves the old one untouched.
 */
export function reduce(state: WorkshopState, event: DomainEvent): WorkshopState {
  switch (event.type) {
    case "workshopCreated":
      return { ...event.workshop, id: state.id };
    case "contextUpdated":
      return { ...state, context: { ...state.context, ...event.patch } };
    case "settingsUpdated":
      return { ...state, settings: { ...state.settings, ...event.patch } };
    case "phaseChanged":
      return { ...state, phase: event.phase };
    case "participantJoined":
      return { ...state, participants: { ...state.participants, [event.participant.id]: event.participant } };
    case "cardAdded":
      return insertCardAt(
        { ...state, cards: { ...state.cards, [event.card.id]: event.card } },
        event.card.id,
        event.place,
      );
    case "cardEdited": {
      const card = state.cards[event.cardId];
      if (!card) return state;
      return { ...state, cards: { ...state.cards, [event.cardId]: { ...card, text: event.text } } };
    }
    case "cardRemoved": {
      const { [event.card.id]: _removed, ...cards } = state.cards;
      return removeCardFrom({ ...state, cards }, event.card.id, event.place);
    }
    case "cardMoved":
      return insertCardAt(removeCardFrom(state, event.cardId, event.from), event.cardId, event.to);
    case "themeCreated":
      return { ...state, themes: insertAt(state.themes, event.index, event.theme) };
    case "themeDeleted":
      return {
        ...state,
        themes: state.themes.filter((theme) => theme.id !== event.theme.id),
        unclustered: [...state.unclustered, ...event.theme.cardIds],
      };
    case "themeMoved": {
      const theme = state.themes[event.from];
      if (!theme) return state;
      return { ...state, themes: insertAt(removeAt(state.themes, event.from), event.to, theme) };
    }
    case "themesMerged": {
      const themes = state.themes.filter((theme) => theme.id !== event.source.id);
      return updateTheme({ ...state, themes }, event.targetThemeId, (target) => ({
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
