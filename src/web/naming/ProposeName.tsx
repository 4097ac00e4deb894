import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Actor, Command, WorkshopState } from "../../core/index.js";
import { ColumnSymbol } from "../board/ColumnSymbol.js";
import { newId } from "../newId.js";
import { ColumnCards } from "./NamePanel.js";
import { useColumnLabel } from "./useColumnLabel.js";
import { WordCount } from "./WordCount.js";
import { columnOnScreen } from "./words.js";
import "./naming.css";

/** On a phone in the name phase: the column on screen, and a name to suggest for it. */
export function ProposeName(props: { state: WorkshopState; actor: Actor; send: (command: Command) => void }) {
  const { state, actor, send } = props;
  const { t } = useTranslation();
  const inputId = useId();
  const countId = useId();
  const [text, setText] = useState("");
  const { label, symbol } = useColumnLabel(state);
  const current = columnOnScreen(state);
  if (!current) return null;
  const mine = state.nameProposals.filter(
    (proposal) => proposal.themeId === current.id && proposal.authorId === actor.id,
  );

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    send({ type: "proposeName", proposalId: newId(), themeId: current.id, text: text.trim() });
    setText("");
  };

  return (
    <section className="participant-section naming-phone" aria-labelledby={`${inputId}-heading`}>
      <p className="participant-eyebrow">
        <ColumnSymbol symbol={symbol(current)} size={18} /> {t("naming.onScreen")}
      </p>
      <h2 id={`${inputId}-heading`} className="participant-section-title" data-testid="phone-column" dir="auto">
        {label(current)}
      </h2>
      {current.name.trim() && <p className="participant-section-hint">{t("naming.phoneNamed")}</p>}
      <ColumnCards state={state} theme={current} />
      <form className="naming-propose" onSubmit={handleSubmit}>
        <label htmlFor={inputId} className="participant-composer-label">
          {t("naming.proposeLabel")}
        </label>
        <p className="participant-composer-hint">{t("naming.proposeHint")}</p>
        <input
          id={inputId}
          className="join-input"
          value={text}
          maxLength={500}
          aria-describedby={countId}
          data-testid="propose-input"
          onChange={(event) => setText(event.target.value)}
        />
        <WordCount id={countId} text={text} />
        <button type="submit" className="participant-primary" disabled={!text.trim()} data-testid="propose-submit">
          {t("naming.proposeSubmit")}
        </button>
      </form>
      {mine.length > 0 && (
        <ul className="naming-mine" aria-label={t("naming.mine")}>
          {mine.map((proposal) => (
            <li key={proposal.id}>
              <span className="grow" dir="auto">
                {proposal.text}
              </span>
              <button
                type="button"
                className="participant-text-button"
                onClick={() => send({ type: "withdrawNameProposal", proposalId: proposal.id })}
              >
                {t("naming.withdraw")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
