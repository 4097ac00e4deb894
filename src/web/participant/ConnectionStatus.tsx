import { useTranslation } from "react-i18next";
import type { ConnectionStatus as Status } from "../live/liveClient.js";

/**
 * A small pill (live, connecting, offline) and, while not live, a strip saying what is waiting
 * to go out. While live the count of commands in flight is left out: it would flicker with every
 * card. The wrapper has `display: contents`, so the pill and the strip lay out in the top bar.
 */
export function ConnectionStatus({ status, pending }: { status: Status; pending: number }) {
  const { t } = useTranslation();
  return (
    <div className="participant-connection" data-testid="connection-status">
      <p className={`participant-status participant-status-${status}`}>
        <span className="participant-status-dot" aria-hidden="true" />
        {t(`participant.status.${status}`)}
      </p>
      {status !== "live" && pending > 0 && (
        <p className="participant-status-strip">
          <strong>{t("participant.status.pending", { count: pending })}</strong>{" "}
          {t("participant.status.pendingHint", { count: pending })}
        </p>
      )}
    </div>
  );
}
