import { useCallback, useLayoutEffect, useRef } from "react";
import type { Card, CardMap } from "../../core/index.js";
import type { Containers } from "./boardModel.js";
import { type CardLists, steadyArray, steadyCardLists, steadyExtras } from "./steadyLists.js";

/**
 * Props that keep their identity while their content stays the same, so that memoised columns
 * and cards skip the renders of a board where something else changed. See docs/performance.md.
 */

/** The cards of each container; a list whose cards did not change is the same array as before. */
export function useSteadyCardLists(containers: Containers, cards: CardMap): CardLists {
  const previous = useRef<CardLists>({});
  const lists = steadyCardLists(previous.current, containers, cards);
  previous.current = lists;
  return lists;
}

/** What the console shows under the cards of each list; a list whose elements did not change keeps its array. */
export function useSteadyExtras<T>(
  lists: CardLists,
  extra: ((card: Card) => T) | undefined,
  shows: (item: T) => boolean,
): Readonly<Record<string, readonly T[] | undefined>> {
  const previous = useRef<Readonly<Record<string, readonly T[] | undefined>>>({});
  const extras = extra ? steadyExtras(previous.current, lists, extra, shows) : {};
  previous.current = extras;
  return extras;
}

/** `next`, or the array of the previous render when it holds the same items. */
export function useSteadyArray<T>(next: T[]): T[] {
  const previous = useRef<T[]>(undefined);
  const steady = steadyArray(previous.current, next);
  previous.current = steady;
  return steady;
}

/** A function of fixed identity that calls the latest `callback` (an event handler for memoised children). */
export function useLatestCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
