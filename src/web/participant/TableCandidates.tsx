import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Card, Command, Round } from "../../core/index.js";
import { UserMessage } from "../components/UserMessage.js";
import type { Refusal } from "../live/refusals.js";

/**
 * Table mode's second step: everyone's draft cards at this table, to tick together and send.
 * Ticks stay on the device of whoever sends; the table talks it over around one phone.
 */
export function TableCandidates(props: {
  tableId: string;
  tableName: string;
  round: Round;
  candidates: Card[];
  myId: string;
  send: (command: Command) => void;
  /** The last refusal from the server: after one, the button is usable again. */
  lastError: Refusal | undefined;
}) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (props.lastError) setSending(false);
  }, [props.lastError]);
  const limit = props.round.perTable;
  // A ticked card its author removed in the meantime is no longer chosen.
  const chosen = props.candidates.filter((card) => ticked.has(card.id)).map((card) => card.id);
  const full = limit !== null && chosen.length >= limit;

  const toggle = (cardId: string) =>
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(cardId)) next.delete(cardId);
      else next.add(cardId);
      return next;
    });

  const handleSend = () => {
    if (chosen.length === 0) return;
    setSending(true);
    props.send({ type: "submitTableCards", tableId: props.tableId, cardIds: chosen });
  };

  return (
    <section
      className="participant-section participant-table"
      data-testid="table-candidates"
      aria-labelledby="participant-table-title"
    >
      <h2 id="participant-table-title" className="participant-section-title">
        <UserMessage id="participant.table.title" values={{ table: props.tableName }} />
        {props.candidates.length > 0 && <span className="participant-count">{props.candidates.length}</span>}
      </h2>
      <p className="participant-section-hint">
        {limit === null ? t("participant.table.pickAny") : t("participant.table.pick", { count: limit })}
      </p>
      {props.candidates.length === 0 ? (
        <p className="participant-empty">{t("participant.table.empty")}</p>
      ) : (
        <ul className="participant-cards participant-pick-list">
          {props.candidates.map((card) => {
            const isTicked = ticked.has(card.id);
            return (
              <li key={card.id}>
                <label className={`participant-pick${isTicked ? " is-ticked" : ""}`}>
                  <input
                    type="checkbox"
                    className="participant-pick-box"
                    checked={isTicked}
                    disabled={sending || (!isTicked && full)}
                    onChange={() => toggle(card.id)}
                  />
                  <span className="participant-pick-text">
                    <span className="participant-card-text" dir="auto">
                      {card.text}
                    </span>
                    <span className="participant-pick-author">
                      {card.authorId === props.myId ? t("participant.table.you") : <bdi>{card.author}</bdi>}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div className="participant-table-footer">
        <p className="participant-table-tally" aria-live="polite">
          {limit === null
            ? t("participant.table.chosen", { count: chosen.length })
            : t("participant.table.chosenOf", { count: chosen.length, limit })}
        </p>
        <button
          type="button"
          data-testid="table-submit"
          className="participant-primary"
          disabled={chosen.length === 0 || sending}
          onClick={handleSend}
        >
          {sending ? t("participant.table.sending") : t("participant.table.submit")}
        </button>
      </div>
    </section>
  );
}
