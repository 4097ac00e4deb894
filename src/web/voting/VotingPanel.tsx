import { useTranslation } from "react-i18next";
import type { Command, WorkshopState } from "../../core/index.js";
import { ResultsChart } from "./ResultsChart.js";
import { tallyVotes } from "./tally.js";
import "./voting.css";

/**
 * The dot vote in the console: how many dots, open and close, and reveal the results. "Ballots: N
 * of M people present" puts the people who voted beside those connected, so that more ballots than
 * people (one device voting under many ids) shows at a glance.
 */
export function VotingPanel({
  state,
  send,
  present,
}: {
  state: WorkshopState;
  send: (command: Command) => void;
  present: number;
}) {
  const { t } = useTranslation();
  const { voting, settings } = state;
  const { overall } = tallyVotes(state);
  const people = Object.keys(state.participants).length;
  const voters = new Set(state.votes.filter((vote) => !vote.proxy && vote.count > 0).map((vote) => vote.voterId)).size;
  const setting = (key: "voteBudget" | "votesPerThemeCap", value: number) => {
    if (Number.isInteger(value) && value >= 1 && value <= 100 && value !== settings[key])
      send({ type: "updateSettings", patch: { [key]: value } });
  };
  return (
    <section className="panel voting" aria-labelledby="voting-heading" data-testid="voting-panel">
      <h2 id="voting-heading">{t("voting.heading")}</h2>
      <div className="row voting-settings">
        <label>
          {t("voting.budget")}
          <input
            type="number"
            min={1}
            max={100}
            defaultValue={settings.voteBudget}
            key={`budget-${settings.voteBudget}`}
            data-testid="vote-budget"
            onBlur={(event) => setting("voteBudget", Number(event.target.value))}
          />
        </label>
        <label>
          {t("voting.cap")}
          <input
            type="number"
            min={1}
            max={100}
            defaultValue={settings.votesPerThemeCap}
            key={`cap-${settings.votesPerThemeCap}`}
            data-testid="vote-cap"
            onBlur={(event) => setting("votesPerThemeCap", Number(event.target.value))}
          />
        </label>
      </div>
      <p className="voting-status" data-testid="voting-status">
        <strong>{voting.status === "open" ? t("voting.isOpen") : t("voting.isClosed")}</strong> ·{" "}
        {t("voting.progress", { count: people, voters, dots: t("voting.dotsPlaced", { count: overall.dots }) })}
      </p>
      <p className="voting-ballots" data-testid="ballots" data-stuffed={voters > present ? "" : undefined}>
        {t("voting.ballots", { voters, count: present })}
      </p>
      <div className="row">
        {voting.status === "open" ? (
          <button type="button" onClick={() => send({ type: "closeVoting" })} data-testid="close-voting">
            {t("voting.close")}
          </button>
        ) : (
          <button type="button" onClick={() => send({ type: "openVoting" })} data-testid="open-voting">
            {t("voting.open")}
          </button>
        )}
        <button
          type="button"
          className={voting.revealed ? "naming-secondary" : undefined}
          onClick={() => send({ type: "revealResults", revealed: !voting.revealed })}
          data-testid="reveal-results"
        >
          {voting.revealed ? t("voting.hide") : t("voting.reveal")}
        </button>
      </div>
      {voting.revealed ? (
        <ResultsChart state={state} variant="console" />
      ) : (
        <p className="muted voting-hidden">{t("voting.hidden")}</p>
      )}
    </section>
  );
}
