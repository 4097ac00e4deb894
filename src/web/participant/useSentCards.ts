import { useCallback, useEffect, useState } from "react";
import type { WorkshopState } from "../../core/index.js";
import type { LiveSnapshot } from "../live/liveClient.js";

/** A card this device sent that has not reached the workshop state yet. */
export interface SentCard {
  id: string;
  text: string;
}

const storageKey = (workshopId: string) => `concord.sentCards.${workshopId}`;

function load(workshopId: string): SentCard[] {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(workshopId)) ?? "[]") as unknown;
    return Array.isArray(saved) ? (saved as SentCard[]) : [];
  } catch {
    return [];
  }
}

function save(workshopId: string, cards: SentCard[]): void {
  try {
    localStorage.setItem(storageKey(workshopId), JSON.stringify(cards));
  } catch {
    // Without storage the list lives in memory; the LiveClient's outbox is what delivers the card.
  }
}

/**
 * The cards to show as "waiting to send". The LiveClient's outbox does the delivering (under the
 * command's original id, so a card arrives once); this only remembers what to show until the
 * card appears in the state. A card that never appears although nothing is pending any more was
 * refused (the client shows the refusal), so it is dropped.
 */
export function useSentCards(
  workshopId: string,
  state: WorkshopState | undefined,
  live: LiveSnapshot | undefined,
): { waiting: SentCard[]; remember: (card: SentCard) => void } {
  const [sent, setSent] = useState<SentCard[]>(() => load(workshopId));
  const settled = live?.status === "live" && live.pending === 0;

  useEffect(() => {
    if (!state || sent.length === 0) return;
    const left = sent.filter((card) => !state.cards.get(card.id) && !settled);
    if (left.length !== sent.length) {
      setSent(left);
      save(workshopId, left);
    }
  }, [state, sent, settled, workshopId]);

  const remember = useCallback(
    (card: SentCard) => {
      setSent((current) => {
        const next = [...current, card];
        save(workshopId, next);
        return next;
      });
    },
    [workshopId],
  );

  return { waiting: state ? sent.filter((card) => !state.cards.get(card.id)) : sent, remember };
}
