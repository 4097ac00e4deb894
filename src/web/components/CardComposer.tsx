import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

/** One idea per card: a short text, sent on Enter. */
export function CardComposer(props: { maxLength: number; onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    props.onSubmit(trimmed);
    setText("");
  };
  return (
    <form className="composer row" onSubmit={handleSubmit}>
      <label className="grow">
        {t("composer.label")}
        <input value={text} onChange={(event) => setText(event.target.value)} maxLength={props.maxLength} required />
      </label>
      <span className="muted" aria-live="off">
        {t("composer.remaining", { count: props.maxLength - text.length })}
      </span>
      <button type="submit">{t("composer.submit")}</button>
    </form>
  );
}
