import { useTranslation } from "react-i18next";
import { type Command, entry, type Theme, type WorkshopState } from "../../core/index.js";
import { CardText } from "../board/BoardCard.js";
import { ColumnSymbol } from "../board/ColumnSymbol.js";
import { useNameSuggestions } from "../suggestions/useNameSuggestions.js";
import { KeyPointsEditor } from "./KeyPointsEditor.js";
import { NameEditor } from "./NameEditor.js";
import { useColumnLabel } from "./useColumnLabel.js";
import { WordCount } from "./WordCount.js";
import { columnOnScreen, namingOrder, nextColumn } from "./words.js";
import "./naming.css";
import { UserMessage } from "../components/UserMessage.js";

/**
 * The name phase in the console: the columns largest first, the one on screen with its cards, a
 * name (typed, or picked from what the phones proposed) and its key points, then the next column.
 */
export function NamePanel({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const { label, symbol } = useColumnLabel(state);
  const order = namingOrder(state);
  const current = columnOnScreen(state);
  const suggestions = useNameSuggestions(state);
  if (!current) return <p className="panel">{t("naming.noColumns")}</p>;
  const next = nextColumn(state, current.id);
  const named = order.filter((theme) => theme.name.trim() !== "").length;

  // Naming a column that is on screen only by default pins it, so it stays there while its key
  // points are written (the default would move on to the next unnamed column).
  const pinned = (command: Command) => {
    if (state.spotlightThemeId !== current.id) send({ type: "spotlightTheme", themeId: current.id });
    send(command);
  };
  const proposals = state.nameProposals.filter((proposal) => proposal.themeId === current.id);
  const suggestion = suggestions.get(current.id);

  return (
    <section className="panel naming" aria-labelledby="naming-heading" data-testid="name-panel">
      <header className="naming-header">
        <h2 id="naming-heading">{t("naming.heading")}</h2>
        <p className="muted">{t("naming.progress", { count: named, total: order.length })}</p>
      </header>
      <div className="naming-layout">
        <nav aria-label={t("naming.order")}>
          <ol className="naming-order">
            {order.map((theme) => (
              <li key={theme.id}>
                <button
                  type="button"
                  className="naming-order-item"
                  aria-current={theme.id === current.id ? "true" : undefined}
                  data-testid={`naming-order-${theme.id}`}
                  onClick={() => send({ type: "spotlightTheme", themeId: theme.id })}
                >
                  <ColumnSymbol symbol={symbol(theme)} size={18} />
                  <bdi className="naming-order-label">{label(theme)}</bdi>
                  <span className="naming-order-count">{t("board.cardCount", { count: theme.cardIds.length })}</span>
                  {theme.name.trim() && <span className="naming-done">{t("naming.named")}</span>}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div className="naming-current" data-testid={`naming-current-${current.id}`}>
          <p className="naming-eyebrow">
            <ColumnSymbol symbol={symbol(current)} size={22} /> {t("naming.onScreen")} ·{" "}
            {t("board.cardCount", { count: current.cardIds.length })}
          </p>
          <h3 className="naming-current-name" dir="auto">
            {label(current)}
          </h3>
          <ColumnCards state={state} theme={current} />
          <NameEditor
            key={`${current.id}:${current.name}`}
            name={current.name}
            suggestion={suggestion?.label}
            onSave={(name) => pinned({ type: "nameTheme", themeId: current.id, name })}
          />
          <section className="naming-proposals" aria-labelledby="proposals-heading">
            <h3 id="proposals-heading" className="small-heading">
              {t("naming.proposals", { count: proposals.length })}
            </h3>
            {proposals.length === 0 ? (
              <p className="muted">{t("naming.noProposals")}</p>
            ) : (
              <ul className="naming-proposal-list" data-testid="proposals">
                {proposals.map((proposal) => {
                  // The proposal the column is named after now: said, not only seen in the name above.
                  const used = current.name.trim() !== "" && current.name.trim() === proposal.text.trim();
                  return (
                    <li key={proposal.id} className={`naming-proposal${used ? " is-used" : ""}`}>
                      <span className="grow">
                        <bdi className="naming-proposal-text">{proposal.text}</bdi>
                        <span className="muted">
                          {" "}
                          <bdi>{entry(state.participants, proposal.authorId)?.name || t("naming.someone")}</bdi>
                        </span>
                        <WordCount text={proposal.text} />
                      </span>
                      {used ? (
                        <span className="naming-proposal-used" data-testid="proposal-used">
                          <span aria-hidden="true">✓ </span>
                          {t("naming.proposalUsed")}
                        </span>
                      ) : (
                        <button
                          type="button"
                          onClick={() => pinned({ type: "nameTheme", themeId: current.id, name: proposal.text })}
                        >
                          {t("naming.useProposal")}
                        </button>
                      )}
                      <button
                        type="button"
                        className="naming-secondary"
                        onClick={() => send({ type: "withdrawNameProposal", proposalId: proposal.id })}
                      >
                        {t("naming.dismissProposal")}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <KeyPointsEditor
            key={`${current.id}:${JSON.stringify(current.keyPoints)}`}
            keyPoints={current.keyPoints}
            suggested={suggestion?.keyPoints}
            onSave={(keyPoints) => pinned({ type: "setKeyPoints", themeId: current.id, keyPoints })}
          />
          <p className="naming-next">
            <button
              type="button"
              disabled={!next}
              data-testid="next-column"
              onClick={() => next && send({ type: "spotlightTheme", themeId: next.id })}
            >
              {next ? <UserMessage id="naming.next" values={{ column: label(next) }} /> : t("naming.last")}
            </button>
          </p>
        </div>
      </div>
    </section>
  );
}

/** The cards of a column, as read while naming it. */
export function ColumnCards({ state, theme }: { state: WorkshopState; theme: Theme }) {
  return (
    <ul className="naming-cards">
      {theme.cardIds.map((cardId) => {
        const card = state.cards.get(cardId);
        return card ? (
          <li key={cardId} className="board-card naming-card">
            <CardText text={card.text} footnotes={state.footnotes} />
          </li>
        ) : null;
      })}
    </ul>
  );
}
