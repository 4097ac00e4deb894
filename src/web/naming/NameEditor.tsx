import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { UserMessage } from "../components/UserMessage.js";
import { WordCount } from "./WordCount.js";

/**
 * The column's name: typed or taken from a proposal, counted, and saved only when asked. A
 * suggested name (from the column's cards) can be put in the field, to edit before saving.
 */
export function NameEditor({
  name,
  onSave,
  suggestion,
}: {
  name: string;
  onSave: (name: string) => void;
  suggestion?: string | undefined;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const countId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(name);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft.trim());
  };
  return (
    <form className="naming-name" onSubmit={handleSubmit}>
      <label htmlFor={inputId}>{t("naming.nameLabel")}</label>
      <p className="muted naming-hint">{t("naming.nameHint")}</p>
      {suggestion && suggestion !== name && (
        <p className="naming-suggestion" data-testid="suggested-name">
          <span className="grow">
            <UserMessage id="suggestions.suggestedName" values={{ name: suggestion }} />
          </span>{" "}
          <button
            type="button"
            className="naming-secondary"
            disabled={draft === suggestion}
            aria-label={t("suggestions.useNameLabel", { name: suggestion })}
            onClick={() => {
              setDraft(suggestion);
              input.current?.focus();
            }}
          >
            {t("suggestions.useName")}
          </button>
        </p>
      )}
      <div className="row">
        <input
          ref={input}
          id={inputId}
          className="grow naming-name-input"
          value={draft}
          maxLength={500}
          aria-describedby={countId}
          data-testid="theme-name-input"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={draft.trim() === name} data-testid="save-theme-name">
          {t("naming.saveName")}
        </button>
      </div>
      <WordCount id={countId} text={draft} />
    </form>
  );
}
