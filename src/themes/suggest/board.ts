import type { WorkshopDocument, WorkshopState } from "../../core/index.js";
import type { CardLanguage, SuggestionCard, SuggestionColumn } from "./index.js";

/** What suggestions read from a workshop: its cards, the columns built so far and the pile. */
export interface Board {
  language: CardLanguage;
  /** Every card: the columns' cards first, then the unplaced ones. */
  cards: SuggestionCard[];
  columns: SuggestionColumn[];
  /** Cards not yet in a column, in pile order. */
  unplaced: string[];
}

/** Reads a `workshop/v1` document: its themes are the columns, its unclustered cards the pile. */
export function boardFromDocument(doc: WorkshopDocument): Board {
  const cards = [...doc.themes.flatMap((theme) => theme.cards), ...doc.unclusteredCards];
  return {
    language: doc.language,
    cards: cards.map(({ id, text }) => ({ id, text })),
    columns: doc.themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      cardIds: theme.cards.map((card) => card.id),
    })),
    unplaced: doc.unclusteredCards.map((card) => card.id),
  };
}

/** Reads a live workshop's current state. */
export function boardFromState(state: WorkshopState): Board {
  const ids = [...state.themes.flatMap((theme) => theme.cardIds), ...state.unclustered];
  return {
    language: state.context.language,
    cards: ids.flatMap((id) => {
      const card = state.cards.get(id);
      return card ? [{ id, text: card.text }] : [];
    }),
    columns: state.themes.map((theme) => ({ id: theme.id, name: theme.name, cardIds: theme.cardIds })),
    unplaced: [...state.unclustered],
  };
}

/** Reads plain text, one card per line; a card's id is its line number, blank lines are skipped. */
export function boardFromLines(text: string, language: CardLanguage = "en"): Board {
  const cards: SuggestionCard[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim()) cards.push({ id: String(index + 1), text: line.trim() });
  });
  return { language, cards, columns: [], unplaced: cards.map((card) => card.id) };
}
