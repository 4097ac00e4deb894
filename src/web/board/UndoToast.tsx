import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** How long a removal can be taken back. */
export const UNDO_WINDOW_MS = 8000;

/**
 * "Card removed — Undo" for a few seconds. The countdown pauses while the pointer or focus is on
 * the toast, so nobody loses the button while reaching for it (WCAG 2.2.1). The board announces
 * the message in its own live region, which exists before the toast does.
 */
export function UndoToast({
  message,
  onUndo,
  onDismiss,
}: {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(false);
  const remaining = useRef(UNDO_WINDOW_MS);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(onDismiss, remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused, onDismiss]);
  return (
    <section
      className="board-toast"
      aria-label={message}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span>{message}</span>
      <button type="button" className="board-toast-undo" onClick={onUndo}>
        {t("board.undo")}
      </button>
      <button
        type="button"
        className="board-icon-button board-toast-close"
        onClick={onDismiss}
        aria-label={t("board.close")}
      >
        <span aria-hidden="true">×</span>
      </button>
    </section>
  );
}
