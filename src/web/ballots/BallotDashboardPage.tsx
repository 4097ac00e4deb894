import { Fragment, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BallotResults } from "../../core/index.js";
import { ballotResults } from "../api.js";
import { UserMessage } from "../components/UserMessage.js";
import { formatDateTime } from "../format.js";
import { requestProblem } from "../problems.js";
import { BallotCountTable } from "./BallotCountTable.js";
import { IrvRoundsTable } from "./IrvRoundsTable.js";
import { METHOD_LABELS } from "./methodLabels.js";
import { RESULTS_REFRESH_MS } from "./refresh.js";
import { turnoutRows } from "./turnoutRows.js";
import { turnoutText } from "./turnoutText.js";
import "./ballots.css";

/**
 * The results of a ballot, `/w/:id/ballots/:ballotId`, for its facilitators: overall, by
 * stakeholder group (no group of fewer voters than the workshop's threshold; the small ones
 * together), an instant run-off's rounds, and turnout over time.
 */
export function BallotDashboardPage({ workshopId, ballotId }: { workshopId: string; ballotId: string }) {
  const { t, i18n } = useTranslation();
  const [results, setResults] = useState<BallotResults>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const load = () =>
      ballotResults(workshopId, ballotId).then(
        (loaded) => {
          setResults(loaded);
          setProblem(undefined);
        },
        (error: unknown) => setProblem(requestProblem(t, error)),
      );
    void load();
    const timer = setInterval(() => void load(), RESULTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [workshopId, ballotId, t]);

  const language = i18n.resolvedLanguage ?? "en";
  const turnout = results?.turnout;
  const peak = Math.max(1, turnout?.invited ?? 0, turnout?.voted ?? 0);
  return (
    <main className="page ballot-results" data-testid="ballot-dashboard">
      <p>
        <a href={`/w/${encodeURIComponent(workshopId)}`}>{t("ballots.results.back")}</a>
      </p>
      <h1>{t("ballots.results.title")}</h1>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {results && turnout && (
        <>
          <p>
            {t(METHOD_LABELS[results.method])} · <span data-testid="ballot-turnout">{turnoutText(t, turnout)}</span>
          </p>
          <BallotCountTable count={results.overall} method={results.method} caption={t("ballots.results.overall")} />
          <IrvRoundsTable count={results.overall} label={t("ballots.results.overall")} />
          <h2>{t("ballots.results.byGroup")}</h2>
          {results.byGroup.length === 0 && <p>{t("ballots.results.noGroups", { count: results.minVoters })}</p>}
          {results.byGroup.map((group) => (
            <Fragment key={group.group}>
              <BallotCountTable
                count={group}
                method={results.method}
                caption={
                  <UserMessage
                    id="ballots.results.group"
                    values={{ group: group.group }}
                    options={{ count: group.ballots }}
                  />
                }
              />
              <IrvRoundsTable count={group} label={group.group} />
            </Fragment>
          ))}
          {results.other && (
            <>
              <BallotCountTable
                count={results.other}
                method={results.method}
                caption={t("ballots.results.other", { count: results.other.ballots })}
              />
              <IrvRoundsTable count={results.other} label={t("voting.otherGroups")} />
              <p>{t("ballots.results.smallGroups", { count: results.minVoters })}</p>
            </>
          )}
          <h2>{t("ballots.results.turnoutTitle")}</h2>
          <table data-testid="ballot-turnout-table">
            <caption className="visually-hidden">{t("ballots.results.turnoutTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ballots.results.when")}</th>
                <th scope="col">{t("ballots.results.voters")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("ballots.results.bar")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {turnoutRows(turnout.overTime).map((point) => (
                <tr key={point.by}>
                  <td>{formatDateTime(point.by, language)}</td>
                  <td>{point.voters}</td>
                  <td style={{ width: "50%" }} aria-hidden="true">
                    <span className="ballot-bar" style={{ width: `${(point.voters / peak) * 100}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
