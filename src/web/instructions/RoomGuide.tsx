import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";
import { customInstruction } from "../../core/index.js";
import { instructionLine } from "./instructionLine.js";
import "./instructions.css";

/**
 * The goal and what to do now, where people write: under the focus question on the projector
 * and on the phones. A facilitator's own line is in the workshop's language, whatever the
 * phone's interface speaks, and says so to screen readers (WCAG 3.1.2).
 */
export function RoomGuide({ state, variant }: { state: WorkshopState; variant: "projector" | "phone" }) {
  const { t } = useTranslation();
  const { goal, language } = state.context;
  const custom = customInstruction(state, state.phase) !== undefined;
  return (
    <div className={`room-guide room-guide-${variant}`}>
      {goal && (
        <p className="room-guide-goal" data-testid="room-goal">
          <span className="room-guide-label">{t("instructions.goal")}</span> <bdi lang={language}>{goal}</bdi>
        </p>
      )}
      <p className="room-guide-now" data-testid="room-instruction" dir="auto" {...(custom ? { lang: language } : {})}>
        {instructionLine(t, state)}
      </p>
    </div>
  );
}
