import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";
import { snippet } from "../board/CardDialog.js";
import { type ClusterProposal, cardsStillOnBoard } from "./suggestions.js";

interface SuggestPanelProps {
  state: WorkshopState;
  proposal: ClusterProposal;
  /** Indices of the proposed columns already accepted. */
  accepted: ReadonlySet<number>;
  onAccept: (index: number) => void;
  onAcceptAll: () => void;
  onDismiss: () => void;
}

/**
 * The proposal beside the board: each suggested column with its name, key points and cards, and
 * the cards that fit none. Nothing on the board changes until the facilitator accepts a column.
 */
export function SuggestPanel({ state, proposal, accepted, onAccept, onAcceptAll, onDismiss }: SuggestPanelProps) {
  const { t } = useTranslation();
  // The proposal may show away from the button that asked for it: the focus follows it there.
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // An accepted column's button goes away: the focus moves on to the next column still open.
  const acceptAndMoveOn = (accept: () => void) => {
    accept();
    requestAnimationFrame(() => {
      const next = root.current?.querySelector<HTMLButtonElement>("[data-accept]:not(:disabled)");
      (next ?? root.current?.querySelector<HTMLButtonElement>('[data-testid="suggest-dismiss"]'))?.focus();
    });
  };
  const textOf = (cardId: string) => snippet(state.cards.get(cardId)?.text ?? "", 90);
  const open = proposal.themes
    .map((column, index) => ({ column, index, cardIds: cardsStillOnBoard(state, column.cardIds) }))
    .filter(({ index, cardIds }) => !accepted.has(index) && cardIds.length > 0);
  const nowhere = cardsStillOnBoard(state, proposal.unclustered);

  return (
    <section ref={root} className="panel suggest-panel" aria-labelledby="suggest-heading" data-testid="suggest-panel">
      <header className="suggest-panel-header">
        <h2 id="suggest-heading" ref={heading} tabIndex={-1}>
          {t("suggestions.heading")}
        </h2>
        <p className="muted">{t("suggestions.intro")}</p>
        {proposal.model && (
          // The facilitator decides what leaves the room: said with every proposal the API was asked for.
          <p className="muted" data-testid="suggest-model">
            {t(proposal.model.offlineBecause ? "suggestions.modelFailed" : "suggestions.modelSent", {
              host: proposal.model.sentTo,
            })}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            disabled={open.length === 0}
            onClick={() => acceptAndMoveOn(onAcceptAll)}
            data-testid="suggest-accept-all"
          >
            {t("suggestions.acceptAll")}
          </button>
          <button type="button" className="suggest-secondary" onClick={onDismiss} data-testid="suggest-dismiss">
            {t("suggestions.dismiss")}
          </button>
        </div>
      </header>
      {proposal.themes.length === 0 && (
        <p className="muted" data-testid="suggest-none">
          {t("suggestions.none")}
        </p>
      )}
      <ol className="suggest-columns">
        {proposal.themes.map((column, index) => {
          const cardIds = cardsStillOnBoard(state, column.cardIds);
          const done = accepted.has(index);
          const headingId = `suggested-${index}-heading`;
          return (
            <li
              // The proposal is fixed once fetched: its order is the columns' identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              className={`suggest-column${done ? " suggest-column-done" : ""}`}
              data-testid={`suggested-column-${index}`}
            >
              <div className="suggest-column-header">
                <h3 id={headingId} className="suggest-column-label" dir="auto">
                  {column.label}
                </h3>
                {done ? (
                  <span className="suggest-accepted">{t("suggestions.accepted")}</span>
                ) : (
                  <button
                    type="button"
                    disabled={cardIds.length === 0}
                    aria-label={t("suggestions.acceptColumn", { label: column.label })}
                    data-accept
                    onClick={() => acceptAndMoveOn(() => onAccept(index))}
                  >
                    {t("suggestions.accept")}
                  </button>
                )}
              </div>
              {!done && (
                <>
                  {column.keyPoints.length > 0 && (
                    <ul className="suggest-points" aria-label={t("suggestions.keyPoints")}>
                      {column.keyPoints.map((point) => (
                        <li key={point} dir="auto">
                          {point}
                        </li>
                      ))}
                    </ul>
                  )}
                  <details className="suggest-details">
                    <summary>{t("board.cardCount", { count: cardIds.length })}</summary>
                    <ul className="suggest-cards">
                      {cardIds.map((cardId) => (
                        <li key={cardId} data-testid={`suggested-card-${cardId}`} dir="auto">
                          {textOf(cardId)}
                        </li>
                      ))}
                    </ul>
                  </details>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {nowhere.length > 0 && (
        <section aria-labelledby="suggest-nowhere">
          <h3 id="suggest-nowhere" className="small-heading">
            {t("suggestions.fitNowhere", { count: nowhere.length })}
          </h3>
          <ul className="suggest-cards" data-testid="suggest-nowhere">
            {nowhere.map((cardId) => (
              <li key={cardId}>{textOf(cardId)}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
