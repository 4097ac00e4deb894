import type { KeyboardEvent, SyntheticEvent } from "react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { snippet } from "../board/CardDialog.js";
import { ColumnSymbol } from "../board/ColumnSymbol.js";
import { UserMessage } from "../components/UserMessage.js";

/** Keeps a press on a control inside a card from starting a drag of the card (mouse, touch, Space). */
const keep = {
  onMouseDown: (event: SyntheticEvent) => event.stopPropagation(),
  onTouchStart: (event: SyntheticEvent) => event.stopPropagation(),
  onPointerDown: (event: SyntheticEvent) => event.stopPropagation(),
  onKeyDown: (event: KeyboardEvent) => event.stopPropagation(),
};

/** "Fits: ▲ orange triangle" under a card on the pile: the column the suggestions rank first. */
export function FitHint({ cardId, column, symbol }: { cardId: string; column: string; symbol: number }) {
  return (
    <p className="suggest-fit" data-testid={`fit-hint-${cardId}`}>
      <ColumnSymbol symbol={symbol} size={14} />
      <span>
        <UserMessage id="suggestions.fits" values={{ column }} />
      </span>
    </p>
  );
}

/**
 * The flag on a card that says the same as an earlier one: merge them (the earlier card keeps
 * both texts, one per line) or say they differ.
 */
export function DuplicateFlag(props: {
  cardId: string;
  earlierText: string;
  onMerge: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const textId = useId();
  const text = snippet(props.earlierText, 50);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons inside a card's list item
    <div className="suggest-flag" role="group" aria-labelledby={textId} data-testid={`duplicate-flag-${props.cardId}`}>
      <p id={textId} className="suggest-flag-text">
        <span aria-hidden="true">⚑ </span>
        <UserMessage id="suggestions.duplicateOf" values={{ text }} />
      </p>
      <div className="suggest-flag-actions">
        <button type="button" {...keep} aria-label={t("suggestions.mergeWith", { text })} onClick={props.onMerge}>
          {t("suggestions.merge")}
        </button>
        <button type="button" {...keep} className="suggest-secondary" onClick={props.onDismiss}>
          {t("suggestions.notDuplicate")}
        </button>
      </div>
    </div>
  );
}
