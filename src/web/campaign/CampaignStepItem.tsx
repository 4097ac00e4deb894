import { useTranslation } from "react-i18next";
import type { CampaignBallot, CampaignStep, FollowUpStart } from "../../core/index.js";
import { BallotCountTable } from "../ballots/BallotCountTable.js";
import { METHOD_LABELS } from "../ballots/methodLabels.js";
import { turnoutText } from "../ballots/turnoutText.js";
import { UserMessage } from "../components/UserMessage.js";
import { formatDateTime } from "../format.js";

/** How a workshop started from the one before, as i18n keys; links made before it was kept say only from which. */
const STARTED: Record<FollowUpStart | "unknown", string> = {
  cards: "campaign.summary.startedAs.cards",
  columns: "campaign.summary.startedAs.columns",
  unknown: "campaign.summary.startedFrom",
};

/**
 * One workshop of the campaign summary: its title (a link to its console), its phase, the
 * workshop it started from and how, its themes and its ballots. One the reader does not
 * facilitate shows its title and place alone.
 */
export function CampaignStepItem({ step, current }: { step: CampaignStep; current: boolean }) {
  const { t } = useTranslation();
  const headingId = `campaign-step-${step.workshopId}`;
  return (
    <li className="campaign-step" aria-labelledby={headingId} data-testid="campaign-step">
      <h2 id={headingId}>
        <a href={`/w/${encodeURIComponent(step.workshopId)}`} dir="auto">
          {step.title}
        </a>
        {current && <span className="campaign-current"> {t("campaign.summary.current")}</span>}
      </h2>
      {step.shared && (
        <p data-testid="campaign-phase">{t("campaign.summary.phase", { phase: t(`phase.${step.phase}`) })}</p>
      )}
      {step.startedFrom && (
        <p data-testid="campaign-started-from">
          <UserMessage id={STARTED[step.startedFrom.start ?? "unknown"]} values={{ title: step.startedFrom.title }} />
        </p>
      )}
      {!step.shared && <p>{t("campaign.summary.notShared")}</p>}
      {step.shared && (
        <>
          <h3>{t("campaign.summary.themes")}</h3>
          {step.themes.length === 0 ? (
            <p>{t("campaign.summary.noThemes")}</p>
          ) : (
            <ul className="campaign-themes" data-testid="campaign-themes">
              {step.themes.map((theme) => (
                <li key={theme.id} dir="auto">
                  {theme.name}
                </li>
              ))}
            </ul>
          )}
          <h3>{t("campaign.summary.ballots")}</h3>
          {step.ballots.length === 0 && <p>{t("campaign.summary.noBallots")}</p>}
          {step.ballots.map((ballot) => (
            <BallotSection key={ballot.id} workshopId={step.workshopId} ballot={ballot} />
          ))}
        </>
      )}
    </li>
  );
}

/** One ballot's results: method, status, turnout, then the themes ranked overall and by group. */
function BallotSection({ workshopId, ballot }: { workshopId: string; ballot: CampaignBallot }) {
  const { t, i18n } = useTranslation();
  const { results } = ballot;
  const { turnout } = results;
  const status = ballot.status === "open" ? t("ballots.panel.isOpen") : t("ballots.panel.isClosed");
  return (
    <section className="ballot-results campaign-ballot" data-testid="campaign-ballot">
      <h4>{t("campaign.summary.ballot", { when: formatDateTime(ballot.createdAt, i18n.resolvedLanguage ?? "en") })}</h4>
      <p>
        {t(METHOD_LABELS[ballot.method])} · {status} ·{" "}
        <span data-testid="campaign-turnout">{turnoutText(t, turnout)}</span> ·{" "}
        <a href={`/w/${encodeURIComponent(workshopId)}/ballots/${encodeURIComponent(ballot.id)}`}>
          {t("campaign.summary.details")}
        </a>
      </p>
      {results.overall.ballots === 0 ? (
        <p>{t("campaign.summary.noVotes")}</p>
      ) : (
        <>
          <BallotCountTable count={results.overall} method={ballot.method} caption={t("ballots.results.overall")} />
          {results.byGroup.map((group) => (
            <BallotCountTable
              key={group.group}
              count={group}
              method={ballot.method}
              caption={t("ballots.results.group", { group: group.group, count: group.ballots })}
            />
          ))}
          {results.other && (
            <BallotCountTable
              count={results.other}
              method={ballot.method}
              caption={t("ballots.results.other", { count: results.other.ballots })}
            />
          )}
          {results.byGroup.length === 0 && <p>{t("ballots.results.noGroups", { count: results.minVoters })}</p>}
          {results.other && <p>{t("ballots.results.smallGroups", { count: results.minVoters })}</p>}
        </>
      )}
    </section>
  );
}
