import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Card, Command } from "../../core/index.js";
import type { SentCard } from "./useSentCards.js";

type CardStatus = "waiting" | "candidate" | "submitted" | "onBoard";

const statusOf = (card: Card): CardStatus => card.stage ?? "onBoard";

/** The participant's own cards, newest first, with where each one is; editable while allowed. */
export function MyCards(props: {
  /** This round's cards (all of them outside rounds mode). */
  cards: Card[];
  /** Cards from earlier rounds, folded away so that the current round stays in view. */
  earlier: Card[];
  waiting: SentCard[];
  editable: boolean;
  maxLength: number;
  send: (command: Command) => void;
}) {
  const { t } = useTranslation();
  const count = props.cards.length + props.waiting.length;
  return (
    <section className="participant-section" data-testid="my-cards" aria-labelledby="participant-my-cards">
      <h2 id="participant-my-cards" className="participant-section-title">
        {t("participant.myCards.title")}
        {count > 0 && <span className="participant-count">{count}</span>}
      </h2>
      {count === 0 ? (
        <p className="participant-empty">{t("participant.myCards.empty")}</p>
      ) : (
        <ul className="participant-cards">
          {[...props.waiting].reverse().map((card) => (
            <li key={card.id} className="participant-card is-waiting" data-card-id={card.id}>
              <p className="participant-card-text" dir="auto">
                {card.text}
              </p>
              <p className="participant-card-meta">
                <span className="participant-chip participant-chip-waiting">{t("participant.cardStatus.waiting")}</span>
              </p>
            </li>
          ))}
          {props.cards.map((card) => (
            <MyCard key={card.id} card={card} editable={props.editable} maxLength={props.maxLength} send={props.send} />
          ))}
        </ul>
      )}
      {props.earlier.length > 0 && (
        <details className="participant-earlier">
          <summary>{t("participant.myCards.earlier", { count: props.earlier.length })}</summary>
          <ul className="participant-cards">
            {props.earlier.map((card) => (
              <MyCard
                key={card.id}
                card={card}
                editable={props.editable}
                maxLength={props.maxLength}
                send={props.send}
              />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function MyCard(props: { card: Card; editable: boolean; maxLength: number; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const { card } = props;
  const [mode, setMode] = useState<"view" | "edit" | "confirmRemove">("view");
  const [draft, setDraft] = useState(card.text);
  const status = statusOf(card);

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    if (text !== card.text) props.send({ type: "editCard", cardId: card.id, text });
    setMode("view");
  };

  if (mode === "edit" && props.editable) {
    return (
      <li className="participant-card is-editing" data-card-id={card.id}>
        <form onSubmit={handleSave} className="participant-card-edit">
          <label className="visually-hidden" htmlFor={`edit-${card.id}`}>
            {t("participant.myCards.editLabel")}
          </label>
          <textarea
            id={`edit-${card.id}`}
            className="participant-composer-input"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={props.maxLength}
            rows={3}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this card.
            autoFocus
          />
          <div className="participant-card-actions">
            <button type="button" className="participant-secondary" onClick={() => setMode("view")}>
              {t("participant.myCards.cancel")}
            </button>
            <button type="submit" className="participant-primary" disabled={!draft.trim()}>
              {t("participant.myCards.save")}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className={`participant-card is-${status}`} data-card-id={card.id}>
      <p className="participant-card-text" dir="auto">
        {card.text}
      </p>
      <div className="participant-card-meta">
        <span className={`participant-chip participant-chip-${status}`}>{t(`participant.cardStatus.${status}`)}</span>
        {props.editable && mode === "view" && (
          <span className="participant-card-actions">
            <button
              type="button"
              className="participant-text-button"
              onClick={() => {
                setDraft(card.text);
                setMode("edit");
              }}
            >
              {t("participant.myCards.edit")}
            </button>
            <button type="button" className="participant-text-button" onClick={() => setMode("confirmRemove")}>
              {t("participant.myCards.remove")}
            </button>
          </span>
        )}
        {props.editable && mode === "confirmRemove" && (
          <span className="participant-card-actions">
            <button type="button" className="participant-text-button" onClick={() => setMode("view")}>
              {t("participant.myCards.keep")}
            </button>
            <button
              type="button"
              className="participant-danger"
              onClick={() => props.send({ type: "removeCard", cardId: card.id })}
            >
              {t("participant.myCards.confirmRemove")}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
