import { useTranslation } from "react-i18next";
import { privacySettings, type WorkshopState } from "../../core/index.js";
import { ColumnSymbol } from "../board/ColumnSymbol.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import { ranked, type Tally, type TallyRow, tallyVotes } from "./tally.js";
import "./voting.css";
import { UserMessage } from "../components/UserMessage.js";
import { isolate } from "../isolate.js";

/** Results to show: the facilitator revealed them and there are votes (from naming's end on). */
export function hasResults(state: WorkshopState): boolean {
  return (state.phase === "prioritize" || state.phase === "capture") && state.voting.revealed && state.votes.length > 0;
}

/**
 * The dot vote's results as bar charts: overall, then small charts by participant group and by
 * table. Dots from a show of hands are drawn hatched and named as such, beside the dots cast on
 * phones. Every chart lists the themes in the overall ranking, so the charts read side by side.
 * The breakdowns show on the console always, on the projector and the phones only when the
 * facilitator puts them there; groups too small to show apart are one "other" chart (tally.ts).
 */
export function ResultsChart({ state, variant }: { state: WorkshopState; variant: "console" | "phone" | "projector" }) {
  const { t } = useTranslation();
  const { label, symbol } = useColumnLabel(state);
  const results = tallyVotes(state);
  const order = ranked(results.overall.rows).map((row) => row.themeId);
  const inOrder = (tally: Tally) => order.flatMap((themeId) => tally.rows.filter((row) => row.themeId === themeId));
  const max = Math.max(1, ...results.overall.rows.map((row) => row.total));
  const { minVotersPerGroup, breakdownsOnProjector } = privacySettings(state.settings);
  const showBreakdowns = variant === "console" || breakdownsOnProjector;
  const titleOf = (tally: Tally) => {
    switch (tally.kind) {
      case "showOfHands":
        return <UserMessage id="voting.showOfHandsNamed" values={{ label: tally.label ?? "" }} />;
      case "otherGroups":
        return t("voting.otherGroups");
      case "otherTables":
        return t("voting.otherTables");
      default:
        // A group or table name, followed on its line by the count of dots: isolated.
        return tally.label !== null ? (
          <bdi>{tally.label}</bdi>
        ) : tally.kind === "group" ? (
          t("voting.noGroup")
        ) : (
          t("voting.noTable")
        );
    }
  };
  const hidesSmallOnes = [...results.byGroup, ...results.byTable].some(
    (tally) => tally.kind === "otherGroups" || tally.kind === "otherTables",
  );
  const hasHands = results.overall.rows.some((row) => row.proxy > 0);
  const themeOf = (row: TallyRow) => state.themes.find((theme) => theme.id === row.themeId);

  const bars = (tally: Tally, scale: number, small: boolean) => (
    <ol className={`results-bars${small ? " is-small" : ""}`}>
      {inOrder(tally).map((row) => {
        const theme = themeOf(row);
        const name = theme ? label(theme) : row.name;
        return (
          <li key={row.themeId} className="results-row" data-testid={`result-${row.themeId}`} data-total={row.total}>
            <span className="results-theme">
              {!small && theme && <ColumnSymbol symbol={symbol(theme)} size={16} />}
              {/* A long name is cut with an ellipsis in the small charts: the title shows it whole. */}
              <span className="results-theme-name" title={isolate(name)} dir="auto">
                {name}
              </span>
            </span>
            <span className="results-track">
              <span className="results-direct" style={{ width: `${(row.direct / scale) * 100}%` }} />
              <span className="results-proxy" style={{ width: `${(row.proxy / scale) * 100}%` }} />
            </span>
            <span className="results-count">
              {row.total}
              {row.proxy > 0 && (
                <span className="visually-hidden"> {t("voting.ofWhichHands", { count: row.proxy })}</span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );

  return (
    <section className={`results results-${variant}`} aria-labelledby="results-heading" data-testid="results-chart">
      <header className="results-header">
        <h2 id="results-heading">{t("voting.results")}</h2>
        <p className="muted">
          {t("voting.summary", {
            count: results.overall.voters,
            dots: t("voting.dots", { count: results.overall.dots }),
          })}
        </p>
        {hasHands && (
          <p className="results-legend">
            <span className="results-key results-key-direct" /> {t("voting.legendDirect")}
            <span className="results-key results-key-proxy" /> {t("voting.legendHands")}
          </p>
        )}
      </header>
      {bars(results.overall, max, false)}
      {showBreakdowns && (results.byGroup.length > 0 || results.byTable.length > 0) ? (
        <div className="results-breakdowns">
          {[
            { key: "group", title: t("voting.byGroup"), tallies: results.byGroup },
            { key: "table", title: t("voting.byTable"), tallies: results.byTable },
          ].map(
            (breakdown) =>
              breakdown.tallies.length > 0 && (
                <section key={breakdown.key} className="results-breakdown" data-testid={`results-by-${breakdown.key}`}>
                  <h3>{breakdown.title}</h3>
                  <div className="results-grid">
                    {breakdown.tallies.map((tally) => (
                      <figure key={tally.key} className={`results-small results-small-${tally.kind}`}>
                        <figcaption>
                          {titleOf(tally)} <span className="muted">· {t("voting.dots", { count: tally.dots })}</span>
                        </figcaption>
                        {bars(tally, Math.max(1, ...tally.rows.map((row) => row.total)), true)}
                      </figure>
                    ))}
                  </div>
                </section>
              ),
          )}
          {hidesSmallOnes && (
            <p className="muted results-privacy" data-testid="results-privacy-note">
              {t("voting.smallGroupsNote", { count: minVotersPerGroup })}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
