import { useTranslation } from "react-i18next";
import { PHASES, type Phase } from "../../core/index.js";

/** Where the workshop is in the method: "Step 2 of 7 · Brainstorm", with one tick per phase. */
export function PhaseProgress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const step = PHASES.indexOf(phase) + 1;
  return (
    <div className="participant-phase">
      <p className="participant-phase-label">
        <span className="participant-phase-step">{t("participant.step", { step, total: PHASES.length })}</span>
        <span className="participant-phase-name">{t(`phase.${phase}`)}</span>
      </p>
      <ol className="participant-phase-ticks" aria-hidden="true">
        {PHASES.map((candidate, index) => (
          <li
            key={candidate}
            className={index + 1 < step ? "is-done" : index + 1 === step ? "is-current" : undefined}
          />
        ))}
      </ol>
    </div>
  );
}
