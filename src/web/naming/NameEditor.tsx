import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { WordCount } from "./WordCount.js";

/** The column's name: typed or taken from a proposal, counted, and saved only when asked. */
export function NameEditor({ name, onSave }: { name: string; onSave: (name: string) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const countId = useId();
  const [draft, setDraft] = useState(name);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft.trim());
  };
  return (
    <form className="naming-name" onSubmit={handleSubmit}>
      <label htmlFor={inputId}>{t("naming.nameLabel")}</label>
      <p className="muted naming-hint">{t("naming.nameHint")}</p>
      <div className="row">
        <input
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
