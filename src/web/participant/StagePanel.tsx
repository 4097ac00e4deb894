import { useTranslation } from "react-i18next";
import type { Phase } from "../../core/index.js";

/** Outside the brainstorm, a calm line on what the room is doing now. */
export function StagePanel({ phase, mayMoveCards }: { phase: Phase; mayMoveCards: boolean }) {
  const { t } = useTranslation();
  const title =
    phase === "context"
      ? t("participant.stage.contextTitle")
      : phase === "cluster"
        ? t("participant.stage.clusterTitle")
        : t("participant.stage.ledTitle");
  const text =
    phase === "cluster" && mayMoveCards ? t("participant.stage.clusterMayMove") : t(`participant.stage.${phase}`);
  return (
    <section className="participant-notice">
      <p className="participant-notice-title">{title}</p>
      <p>{text}</p>
    </section>
  );
}
