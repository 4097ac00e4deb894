import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";
import { ColumnSymbol, symbolColor } from "../board/ColumnSymbol.js";
import { ColumnCards } from "./NamePanel.js";
import { useColumnLabel } from "./useColumnLabel.js";
import { columnOnScreen, namingOrder } from "./words.js";
import "./naming.css";

/** The projector while naming: the column on screen, large, with the names the room proposed. */
export function SpotlightStage({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const { label, symbol } = useColumnLabel(state);
  const current = columnOnScreen(state);
  if (!current) return null;
  const order = namingOrder(state);
  const proposals = state.nameProposals.filter((proposal) => proposal.themeId === current.id);
  return (
    <section className="spotlight" data-testid="spotlight" aria-label={t("naming.onScreen")}>
      <ol className="spotlight-track" aria-label={t("naming.order")}>
        {order.map((theme) => (
          <li
            key={theme.id}
            className={`spotlight-step${theme.id === current.id ? " is-current" : ""}${theme.name.trim() ? " is-named" : ""}`}
          >
            <ColumnSymbol symbol={symbol(theme)} size={20} />
            <span dir="auto">{theme.name.trim() || t("board.cardCount", { count: theme.cardIds.length })}</span>
          </li>
        ))}
      </ol>
      <div className="spotlight-main" style={{ borderColor: symbolColor(symbol(current)) }}>
        <div className="spotlight-column">
          <p className="present-eyebrow">
            <ColumnSymbol symbol={symbol(current)} size={22} /> {t("naming.onScreen")}
          </p>
          <h2 className="spotlight-name" data-testid="spotlight-name" dir="auto">
            {current.name.trim() || label(current)}
          </h2>
          {current.keyPoints.length > 0 && (
            <ul className="spotlight-points">
              {current.keyPoints.map((point) => (
                <li key={point} dir="auto">
                  {point}
                </li>
              ))}
            </ul>
          )}
          <ColumnCards state={state} theme={current} />
        </div>
        <aside className="spotlight-proposals" aria-label={t("naming.proposals", { count: proposals.length })}>
          <p className="present-section-title">{t("naming.proposals", { count: proposals.length })}</p>
          {proposals.length === 0 ? (
            <p className="muted">{t("naming.proposeOnPhones")}</p>
          ) : (
            <ul>
              {proposals.map((proposal) => (
                <li key={proposal.id} dir="auto">
                  {proposal.text}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}
