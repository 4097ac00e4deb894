import { useTranslation } from "react-i18next";
import { PHASES, type Phase } from "../../core/index.js";

/** The seven phases of the method; the facilitator may move to any of them, forward or back. */
export function PhaseStepper(props: { phase: Phase; canSteer: boolean; onChange: (phase: Phase) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("phase.label")}>
      <ol className="phases">
        {PHASES.map((phase) => (
          <li key={phase}>
            <button
              type="button"
              className="phase"
              aria-current={phase === props.phase ? "step" : undefined}
              disabled={!props.canSteer || phase === props.phase}
              onClick={() => props.onChange(phase)}
            >
              {t(`phase.${phase}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
