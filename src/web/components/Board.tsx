import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";

/** The wall: one column per theme in board order, then the cards not yet placed. */
export function Board({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const cardText = (cardId: string) => state.cards[cardId]?.text ?? "";
  return (
    <section aria-label={t("board.label")} className="board">
      {state.themes.map((theme, index) => (
        <article key={theme.id} className="column" aria-label={theme.name || t("board.column", { number: index + 1 })}>
          <h2>{theme.name || t("board.column", { number: index + 1 })}</h2>
          {theme.keyPoints.length > 0 && (
            <ul className="key-points">
              {theme.keyPoints.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          )}
          <ul className="cards">
            {theme.cardIds.map((cardId) => (
              <li key={cardId} className="card">
                {cardText(cardId)}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {state.unclustered.length > 0 && (
        <article className="column pile" aria-label={t("board.pile")}>
          <h2>{t("board.pile")}</h2>
          <ul className="cards">
            {state.unclustered.map((cardId) => (
              <li key={cardId} className="card">
                {cardText(cardId)}
              </li>
            ))}
          </ul>
        </article>
      )}
      {state.footnotes.length > 0 && (
        <footer className="footnotes">
          {state.footnotes.map((footnote) => (
            <p key={footnote.mark}>
              {footnote.mark}
              {footnote.text}
            </p>
          ))}
        </footer>
      )}
    </section>
  );
}
