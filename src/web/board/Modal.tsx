import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes it on Escape and puts
 * it above everything, so no board column can clip it. Focus goes back to what opened it.
 */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (dialog && !dialog.open) dialog.showModal();
    // Start where the work is (the card's text), not on the close button the browser would pick.
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      dialog?.close();
      // The opener may have moved (a card re-rendered in another column); focus it if it is still there.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="board-modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="board-modal-body">
        <header className="board-modal-header">
          {/* A column's dialog is titled with its name: the facilitator's text, isolated. */}
          <h2 id={titleId} dir="auto">
            {title}
          </h2>
          <button type="button" className="board-icon-button" onClick={onClose} aria-label={t("board.close")}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
