import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Characters left below which the counter turns into a warning. */
const NEARLY_FULL = 15;

/**
 * The phone's card composer: one idea per card, counted against the workshop's card length,
 * sent with the button or Enter (Shift+Enter for a new line). It only hands the text over; the
 * caller picks the card id once, so a resend after a dropped connection names the same card.
 */
export function IdeaComposer(props: {
  maxLength: number;
  label: string;
  hint?: string;
  onSubmit: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  const counterId = useId();
  const hintId = useId();
  const left = props.maxLength - text.length;
  const trimmed = text.trim();

  const submit = () => {
    if (!trimmed || trimmed.length > props.maxLength) return;
    props.onSubmit(trimmed);
    setText("");
    field.current?.focus();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="participant-composer" onSubmit={handleSubmit}>
      <label className="participant-composer-label" htmlFor={`${counterId}-input`}>
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="participant-composer-hint">
          {props.hint}
        </p>
      )}
      <textarea
        id={`${counterId}-input`}
        ref={field}
        data-testid="card-input"
        className="participant-composer-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={handleKeyDown}
        maxLength={props.maxLength}
        rows={3}
        enterKeyHint="send"
        placeholder={t("participant.composer.placeholder")}
        aria-describedby={props.hint ? `${hintId} ${counterId}` : counterId}
      />
      <div className="participant-composer-footer">
        <span id={counterId} className={`participant-composer-counter${left <= NEARLY_FULL ? " is-nearly-full" : ""}`}>
          <span aria-hidden="true">
            {text.length}/{props.maxLength}
          </span>
          <span className="visually-hidden">{t("participant.composer.left", { count: left })}</span>
        </span>
        <button type="submit" data-testid="card-submit" className="participant-primary" disabled={!trimmed}>
          {t("participant.composer.submit")}
        </button>
      </div>
    </form>
  );
}
