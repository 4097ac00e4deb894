import type { UniqueIdentifier } from "@dnd-kit/core";
import {
  type Actor,
  type Command,
  type Footnote,
  isAllowed,
  isOnBoard,
  SYMBOL_COUNT,
  type Theme,
  type WorkshopState,
} from "../../core/index.js";

/**
 * The board as drag and drop sees it: pure functions over plain lists, so that the component
 * only wires events to them. Every draggable and droppable shares one id space in dnd-kit, so
 * ids carry a prefix: a card id and a theme id may be equal strings.
 */

/** Drop target id of the unclustered pile. */
export const PILE_ID = "pile";

/** Card ids per drop target (the pile, then `column:<themeId>`), in display order. */
export type Containers = Record<string, string[]>;

export const columnDragId = (themeId: string) => `column:${themeId}`;
export const cardDragId = (cardId: string) => `card:${cardId}`;

/** The card id behind a drag id, or undefined when the id is not a card's. */
export function cardIdOf(id: UniqueIdentifier): string | undefined {
  const text = String(id);
  return text.startsWith("card:") ? text.slice("card:".length) : undefined;
}

/** The theme id behind a column's drag id, or undefined when the id is not a column's. */
export function themeIdOf(id: UniqueIdentifier): string | undefined {
  const text = String(id);
  return text.startsWith("column:") ? text.slice("column:".length) : undefined;
}

/** The lists the board shows: only cards on the board (a card waiting for its round stays hidden). */
export function boardContainers(state: WorkshopState): Containers {
  const visible = (cardIds: readonly string[]) =>
    cardIds.filter((cardId) => {
      const card = state.cards.get(cardId);
      return card !== undefined && isOnBoard(card);
    });
  const containers: Containers = { [PILE_ID]: visible(state.unclustered) };
  for (const theme of state.themes) containers[columnDragId(theme.id)] = visible(theme.cardIds);
  return containers;
}

/** The container holding a card (by card id), or the container itself when given a container id. */
export function containerOf(containers: Containers, id: UniqueIdentifier): string | undefined {
  const text = String(id);
  if (text in containers) return text;
  const cardId = cardIdOf(text);
  if (cardId === undefined) return undefined;
  return Object.keys(containers).find((key) => containers[key]?.includes(cardId));
}

/** A copy of the lists with one card taken out of wherever it is and put at `index` of `to`. */
export function placeCard(containers: Containers, cardId: string, to: string, index: number): Containers {
  const next: Containers = {};
  for (const [key, cardIds] of Object.entries(containers)) next[key] = cardIds.filter((id) => id !== cardId);
  const target = next[to] ?? [];
  const clamped = Math.max(0, Math.min(index, target.length));
  next[to] = [...target.slice(0, clamped), cardId, ...target.slice(clamped)];
  return next;
}

/** The command that puts a card where `containers` shows it, or undefined if it is not there. */
export function moveCommand(containers: Containers, cardId: string): Command | undefined {
  const container = containerOf(containers, cardDragId(cardId));
  if (container === undefined) return undefined;
  const toIndex = containers[container]?.indexOf(cardId) ?? -1;
  if (toIndex < 0) return undefined;
  return { type: "moveCard", cardId, toThemeId: themeIdOf(container) ?? null, toIndex };
}

/** Columns in the order `order` gives (an optimistic reorder), falling back to the state's order. */
export function orderThemes(themes: readonly Theme[], order: readonly string[] | undefined): Theme[] {
  if (!order) return [...themes];
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const ordered = order.flatMap((id) => {
    const theme = byId.get(id);
    return theme ? [theme] : [];
  });
  // A column created by someone else since the reorder still shows, at the end.
  return [...ordered, ...themes.filter((theme) => !order.includes(theme.id))];
}

/** May this person drag cards on this board right now? Mirrors the checks `decide` makes. */
export function canMoveCards(state: WorkshopState, actor: Actor): boolean {
  if (!isAllowed("moveCard", actor.role, state.phase)) return false;
  return actor.role === "facilitator" || state.settings.participantsMayMoveCards;
}

/** A column's symbol: the one the state gives it, or its position until the server assigns one. */
export function symbolOf(theme: Theme, index: number): number {
  const symbol = theme.symbol ?? index;
  return ((symbol % SYMBOL_COUNT) + SYMBOL_COUNT) % SYMBOL_COUNT;
}

/**
 * The footnotes a card's text refers to. Longer marks are matched first, so a card marked `**`
 * is not also counted as marked `*`.
 */
export function footnotesOf(text: string, footnotes: readonly Footnote[]): Footnote[] {
  let rest = text;
  const found: Footnote[] = [];
  for (const footnote of [...footnotes].sort((a, b) => b.mark.length - a.mark.length)) {
    if (!rest.includes(footnote.mark)) continue;
    found.push(footnote);
    rest = rest.split(footnote.mark).join("\u0000");
  }
  return found;
}

/** A card's text cut into plain runs and footnote marks, for rendering marks as superscripts. */
export function splitMarks(text: string, marks: readonly string[]): { text: string; mark: boolean }[] {
  if (marks.length === 0) return [{ text, mark: false }];
  const escaped = [...marks]
    .sort((a, b) => b.length - a.length)
    .map((mark) => mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text
    .split(new RegExp(`(${escaped.join("|")})`))
    .filter((part) => part !== "")
    .map((part) => ({ text: part, mark: marks.includes(part) }));
}

/** The card's text without its last occurrence of a footnote mark (marks are appended), trimmed. */
export function withoutMark(text: string, mark: string): string {
  const at = text.lastIndexOf(mark);
  if (at < 0) return text;
  return `${text.slice(0, at)}${text.slice(at + mark.length)}`.trim();
}

/** A mark no footnote uses yet: `*`, `**`, `***`, then `†`, `‡`. */
export function nextFreeMark(footnotes: readonly Footnote[]): string {
  const used = new Set(footnotes.map((footnote) => footnote.mark));
  return ["*", "**", "***", "†", "‡", "§"].find((mark) => !used.has(mark)) ?? `*${footnotes.length + 1}`;
}
