import { Map as PersistentMap } from "immutable";
import type { Card } from "./model.js";

/**
 * The board's cards by id. A persistent map, so that an event copies only the card it touches and
 * a short path to it, never the whole board: a room of thousands of cards pays the same per event
 * as an empty one, in the server and in every browser. It serialises to a plain `{id: card}`
 * object (`toJSON`), so snapshots, files and the wire keep their shape.
 */
export type CardMap = PersistentMap<string, Card>;

export const EMPTY_CARDS: CardMap = PersistentMap();

/** The map of a plain `{id: card}` record, as events, snapshots and files carry it (own entries only). */
export function cardMapOf(record: Readonly<Record<string, Card>>): CardMap {
  return PersistentMap(Object.entries(record));
}

export function isCardMap(cards: CardMap | Readonly<Record<string, Card>>): cards is CardMap {
  return PersistentMap.isMap(cards);
}

/** Every card, in the order they were added. */
export function cardList(cards: CardMap): Card[] {
  return [...cards.values()];
}
