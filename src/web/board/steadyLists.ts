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
