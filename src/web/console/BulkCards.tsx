import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "../../core/index.js";
import { newId } from "../newId.js";

/** Paper cards from the room: one card per line, typed or pasted, sent as one card each. */
export function BulkCards({ send }: { send: (command: Command) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    for (const line of lines) send({ type: "addCard", cardId: newId(), text: line });
    setText("");
  };
  return (
    <form className="panel stack" onSubmit={handleSubmit} aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t("console.bulk.heading")}</h2>
      <label>
        {t("console.bulk.label")}
        <textarea data-testid="bulk-cards" rows={5} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit" data-testid="bulk-submit" disabled={lines.length === 0}>
        {t("console.bulk.submit", { count: lines.length })}
      </button>
    </form>
  );
}
