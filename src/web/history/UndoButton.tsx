import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isRefusalReason, type WorkshopState } from "../../core/index.js";
import type { LiveClient } from "../live/liveClient.js";
import { type Refusal, refusalText } from "../live/refusals.js";
import { useEventLabel } from "./eventLabels.js";
import "./history.css";

/**
 * The board's undo in the console: says what it will take back (the newest step on the undo
 * stack, the same for every facilitator) and takes it back for everyone. A step the board has
 * moved on from is refused, and the console says why.
 */
export function UndoButton({ state, client }: { state: WorkshopState; client: LiveClient }) {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  const [problem, setProblem] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const top = state.undoStack[state.undoStack.length - 1];

  const handleUndo = () => {
    setBusy(true);
    setProblem(undefined);
    client.sendAndWait({ type: "undo" }).then((outcome) => {
      setBusy(false);
      if (!outcome.ok) setProblem(outcome);
    });
  };

  // The refusal in the reader's language, with what the board changed (a server without reasons: by its code).
  const problemText = (refusal: Refusal) =>
    isRefusalReason(refusal.reason)
      ? refusalText(t, refusal)
      : refusal.code === "conflict"
        ? t("history.undoConflict")
        : t("history.undoFailed");

  return (
    <div className="undo">
      <button
        type="button"
        className="undo-button"
        disabled={!top || busy}
        onClick={handleUndo}
        title={top ? t("history.undoTitle", { step: eventLabel(top.eventType) }) : undefined}
        data-testid="undo"
      >
        {t("history.undo")}
      </button>
      <span className="undo-what" data-testid="undo-what">
        {top ? eventLabel(top.eventType) : t("history.nothingToUndo")}
      </span>
      {problem && (
        <span role="alert" className="error undo-problem">
          {problemText(problem)}
        </span>
      )}
    </div>
  );
}
