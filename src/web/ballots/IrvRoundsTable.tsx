import { useTranslation } from "react-i18next";
import type { BallotCount } from "../../core/index.js";
import { UserMessage } from "../components/UserMessage.js";

/**
 * An instant run-off, round by round: each theme's votes in each round it was still in, how many
 * ballots counted (those not yet exhausted), and who went out or won. The rows are the themes in
 * their final places; a theme already out shows a dash.
 */
export function IrvRoundsTable({ count, label }: { count: BallotCount; label: string }) {
  const { t } = useTranslation();
  const rounds = count.rounds ?? [];
  if (rounds.length === 0) return null;
  const nameOf = (id: string) => count.results.find((result) => result.id === id)?.name ?? id;
  const captionId = `irv-rounds-${count.group || "overall"}`;
  return (
    // Several rounds are wider than a phone: the table scrolls in its own region, which keys must
    // reach to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable), though it holds no control.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section className="irv-rounds" aria-labelledby={captionId} tabIndex={0} data-testid="irv-rounds">
      <table>
        <caption id={captionId}>{t("ballots.rounds.caption", { label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ballots.results.theme")}</th>
            {rounds.map((_, index) => (
              // A round's place is its identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <th scope="col" key={index}>
                {t("ballots.rounds.round", { n: index + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {count.results.map((result) => (
            <tr key={result.id}>
              <th scope="row" dir="auto">
                {result.name}
              </th>
              {rounds.map((round, index) => {
                const votes = round.counts[result.id];
                // biome-ignore lint/suspicious/noArrayIndexKey: a round's place is its identity
                if (votes === undefined) return <OutCell key={index} />;
                const note =
                  "winner" in round && round.winner === result.id
                    ? "ballots.rounds.wins"
                    : "eliminated" in round && round.eliminated === result.id
                      ? "ballots.rounds.eliminated"
                      : undefined;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a round's place is its identity
                  <td key={index} className={note ? "irv-decided" : undefined}>
                    {note ? t(note, { votes }) : votes}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("ballots.rounds.counted")}</th>
            {rounds.map((round, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a round's place is its identity
              <td key={index}>{Object.values(round.counts).reduce((sum, votes) => sum + votes, 0)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t("ballots.rounds.outcome")}</th>
            {rounds.map((round, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a round's place is its identity
              <td key={index}>
                {"winner" in round ? (
                  <UserMessage id="ballots.rounds.winnerIs" values={{ name: nameOf(round.winner) }} />
                ) : (
                  <UserMessage id="ballots.rounds.eliminatedIs" values={{ name: nameOf(round.eliminated) }} />
                )}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** A theme already out of the count: a dash to the eye, words to a screen reader. */
function OutCell() {
  const { t } = useTranslation();
  return (
    <td>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("ballots.rounds.out")}</span>
    </td>
  );
}
