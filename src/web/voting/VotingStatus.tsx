import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";
import { ResultsChart } from "./ResultsChart.js";
import "./voting.css";

/** The projector in the prioritize phase: who has voted while it runs, the results once revealed. */
export function VotingStatus({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  if (state.voting.revealed) return <ResultsChart state={state} variant="projector" />;
  const voters = new Set(state.votes.filter((vote) => !vote.proxy && vote.count > 0).map((vote) => vote.voterId)).size;
  return (
    <section className="voting-wait" data-testid="voting-wait">
      <p className="present-section-title">{t("voting.heading")}</p>
      <p className="voting-wait-big">
        {state.voting.status === "open" ? t("voting.projectorOpen") : t("voting.projectorClosed")}
      </p>
      <p className="voting-wait-count">{t("voting.projectorVoted", { count: voters })}</p>
      <p className="muted">{t("voting.projectorHidden")}</p>
    </section>
  );
}
