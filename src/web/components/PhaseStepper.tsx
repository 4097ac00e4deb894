import { PHASES, type Phase } from "../../core/index.js";

const LABELS: Record<Phase, string> = {
  context: "Context",
  brainstorm: "Brainstorm",
  cluster: "Cluster",
  name: "Name",
  resolve: "Resolve",
  prioritize: "Prioritize",
  capture: "Capture",
};

/** The seven phases of the method; the facilitator may move to any of them, forward or back. */
export function PhaseStepper(props: { phase: Phase; canSteer: boolean; onChange: (phase: Phase) => void }) {
  return (
    <nav aria-label="Workshop phases">
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
              {LABELS[phase]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
