import type { Card, CardMap } from "../../core/index.js";
import type { Containers } from "./boardModel.js";

/** The cards of each container (pile, columns), in the order the board shows them. */
export type CardLists = Readonly<Record<string, readonly Card[]>>;

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * The cards of each container, keeping from `previous` every list whose cards are the same
 * objects in the same order. Cards are shared between states (an event replaces only the card
 * it touches), so after a move only the two lists it touched are new: the columns that hold the
 * others keep their props and React skips them.
 */
export function steadyCardLists(previous: CardLists, containers: Containers, cards: CardMap): CardLists {
  const lists: Record<string, readonly Card[]> = {};
  for (const [containerId, cardIds] of Object.entries(containers)) {
    const list = cardIds.flatMap((cardId) => {
      const card = cards.get(cardId);
      return card ? [card] : [];
    });
    const before = previous[containerId];
    lists[containerId] = before !== undefined && sameItems(before, list) ? before : list;
  }
  return lists;
}

/** `next`, or `previous` when it holds the same items in the same order (a prop that keeps its identity). */
export function steadyArray<T>(previous: T[] | undefined, next: T[]): T[] {
  return previous !== undefined && sameItems(previous, next) ? previous : next;
}

/**
 * What the console shows under each card, per container: for each list, `extra` of its cards,
 * or undefined when no card shows anything. A list whose elements are the same as in `previous`
 * keeps its array, so that its column skips the render (`extra` returns the same element for a
 * card whose hint did not change: src/web/suggestions/useCardExtra.tsx).
 */
export function steadyExtras<T>(
  previous: Readonly<Record<string, readonly T[] | undefined>>,
  lists: CardLists,
  extra: (card: Card) => T,
  shows: (item: T) => boolean,
): Record<string, readonly T[] | undefined> {
  const extras: Record<string, readonly T[] | undefined> = {};
  for (const [containerId, cards] of Object.entries(lists)) {
    const items = cards.map(extra);
    const before = previous[containerId];
    extras[containerId] = !items.some(shows)
      ? undefined
      : before !== undefined && sameItems(before, items)
        ? before
        : items;
  }
  return extras;
}
