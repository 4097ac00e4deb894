import { useCallback, useEffect, useRef, useState } from "react";
import { pairKey } from "./suggestions.js";

/**
 * How long the board must be still before suggestions are asked for again: 1.5 s, and longer on
 * a large board, whose every suggestion costs the server more (all pairs of cards are compared).
 */
export function refreshDelay(cards: number): number {
  return Math.min(20_000, 1_500 + 5 * cards);
}
/** The longest a change waits, in delays, when the board never stays still (cards pouring in). */
const MAX_WAIT_DELAYS = 4;

/**
 * A suggestion that follows the board: fetched when `enabled` turns on, then again once the board
 * (as `signature` sums it up) has stayed unchanged for `delayMs`, or at the latest four delays
 * after a change when it never does. At most one request is in flight; changes made meanwhile are
 * fetched for when it ends. A failed request is not retried until the board changes again. The
 * last answer stays shown while the next one is computed.
 */
export function useRefreshedSuggestion<T>(
  workshopId: string,
  signature: string,
  fetcher: (workshopId: string) => Promise<T>,
  enabled: boolean,
  delayMs = refreshDelay(0),
): T | undefined {
  const [value, setValue] = useState<T>();
  const fetchedFor = useRef<string | undefined>(undefined);
  const inFlight = useRef(false);
  const latest = useRef(signature);
  latest.current = signature;
  const [finished, setFinished] = useState(0);
  /** When the board first differed from what was last fetched. */
  const changedAt = useRef<number | undefined>(undefined);

  useEffect(() => {
    // `finished` is read so that the end of a request looks again at what changed meanwhile.
    if (!enabled || inFlight.current || fetchedFor.current === signature || finished < 0) return;
    changedAt.current ??= Date.now();
    const waited = Date.now() - changedAt.current;
    const timer = setTimeout(
      () => {
        inFlight.current = true;
        changedAt.current = undefined;
        const asked = latest.current;
        fetcher(workshopId)
          .then(setValue, () => undefined)
          .finally(() => {
            fetchedFor.current = asked;
            inFlight.current = false;
            setFinished((count) => count + 1);
          });
      },
      fetchedFor.current === undefined ? 0 : Math.max(0, Math.min(delayMs, MAX_WAIT_DELAYS * delayMs - waited)),
    );
    return () => clearTimeout(timer);
  }, [enabled, signature, workshopId, fetcher, delayMs, finished]);

  useEffect(() => {
    if (!enabled) fetchedFor.current = undefined;
  }, [enabled]);
  return enabled ? value : undefined;
}

const dismissedKey = (workshopId: string) => `concord.notDuplicates.${workshopId}`;

/** Pairs of cards the facilitator called "not a duplicate", remembered on this device. */
export function useDismissedPairs(workshopId: string): [ReadonlySet<string>, (a: string, b: string) => void] {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(dismissedKey(workshopId)) ?? "[]") as unknown;
      return new Set(Array.isArray(saved) ? saved.filter((item): item is string => typeof item === "string") : []);
    } catch {
      return new Set();
    }
  });
  const dismiss = useCallback(
    (a: string, b: string) =>
      setDismissed((current) => {
        const next = new Set(current).add(pairKey(a, b));
        try {
          localStorage.setItem(dismissedKey(workshopId), JSON.stringify([...next]));
        } catch {
          // A full or blocked storage only means the flag may come back after a reload.
        }
        return next;
      }),
    [workshopId],
  );
  return [dismissed, dismiss];
}
