import { type ReactNode, useRef } from "react";
import type { Card, Theme, WorkshopState } from "../../core/index.js";
import { useLatestCallback } from "../board/useSteady.js";
import { DuplicateFlag, FitHint } from "./CardSuggestion.js";

/** An element shown under a card, and what it says (to know whether the next render may reuse it). */
interface Shown {
  says: string;
  node: ReactNode;
}

/**
 * What the console shows under a card: its "Fits" hint and its duplicate flag. A card whose hint
 * and flag say the same as at the last render gets the same element back, so that the board's
 * memoised columns and cards skip it (every event of a 2,000-card room renders the board).
 */
export function useCardExtra(options: {
  state: WorkshopState;
  hints: ReadonlyMap<string, string>;
  flags: ReadonlyMap<string, string>;
  symbol: (theme: Theme) => number;
  symbolName: (symbol: number) => string;
  onMerge: (cardId: string, earlierId: string) => void;
  onDismiss: (earlierId: string, cardId: string) => void;
}): (card: Card) => ReactNode {
  const { state, hints, flags, symbol, symbolName } = options;
  // Keyed by the card itself: an edited card is a new object, and a removed one is forgotten.
  const shown = useRef(new WeakMap<Card, Shown>());
  const handleMerge = useLatestCallback(options.onMerge);
  const handleDismiss = useLatestCallback(options.onDismiss);
  return (card: Card) => {
    const fit = hints.get(card.id);
    const fitTheme = fit !== undefined ? state.themes.find((theme) => theme.id === fit) : undefined;
    const earlier = flags.get(card.id);
    if (!fitTheme && earlier === undefined) return null;
    const fitSymbol = fitTheme ? symbol(fitTheme) : 0;
    const column = fitTheme ? fitTheme.name.trim() || symbolName(fitSymbol) : "";
    const earlierText = earlier !== undefined ? (state.cards.get(earlier)?.text ?? "") : "";
    // Every card of the board is asked at every render: a plain join, not JSON.
    const says = `${fitTheme?.id}\u0000${fitSymbol}\u0000${column}\u0000${earlier}\u0000${earlierText}`;
    const before = shown.current.get(card);
    if (before?.says === says) return before.node;
    const node = (
      <>
        {fitTheme && <FitHint cardId={card.id} symbol={fitSymbol} column={column} />}
        {earlier !== undefined && (
          <DuplicateFlag
            cardId={card.id}
            earlierText={earlierText}
            onMerge={() => handleMerge(card.id, earlier)}
            onDismiss={() => handleDismiss(earlier, card.id)}
          />
        )}
      </>
    );
    shown.current.set(card, { says, node });
    return node;
  };
}
