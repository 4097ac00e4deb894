import type { Phase, WorkshopState } from "../../core/index.js";
import { SpotlightStage } from "../naming/SpotlightStage.js";
import { ThemeStatements } from "../resolve/ThemeStatements.js";
import { ResultsChart } from "../voting/ResultsChart.js";
import { VotingStatus } from "../voting/VotingStatus.js";

/** The phases from naming on, which the projector shows with their own stage rather than the board. */
export function hasLaterStage(phase: Phase): boolean {
  return phase === "name" || phase === "resolve" || phase === "prioritize" || phase === "capture";
}

/**
 * The projector from naming on: the column being named with the room's proposals, the resolved
 * statements, the vote (its results only once revealed), and at the end the statements again.
 */
export function PresentLaterPhase({ state }: { state: WorkshopState }) {
  switch (state.phase) {
    case "name":
      return <SpotlightStage state={state} />;
    case "resolve":
      return <ThemeStatements state={state} variant="projector" />;
    case "prioritize":
      return <VotingStatus state={state} />;
    case "capture":
      return state.voting.revealed && state.votes.length > 0 ? (
        <ResultsChart state={state} variant="projector" />
      ) : (
        <ThemeStatements state={state} variant="projector" />
      );
    default:
      return null;
  }
}
