import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { BallotCount, TallyMethod } from "../../core/index.js";

/** One set of voters' count as a table with a bar per theme: the numbers are text, the bars repeat them. */
export function BallotCountTable({
  count,
  method,
  caption,
}: {
  count: BallotCount;
  method: TallyMethod;
  caption: ReactNode;
}) {
  const { t } = useTranslation();
  const top = Math.max(...count.results.map((result) => result.score ?? 0), 0);
  const scale = method === "rating" ? 5 : top;
  return (
    <table data-testid="ballot-count">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("ballots.results.rank")}</th>
          <th scope="col">{t("ballots.results.theme")}</th>
          <th scope="col">{method === "irv" ? t("ballots.results.lastRound") : t("ballots.results.score")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("ballots.results.bar")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {count.results.map((result) => (
          <tr key={result.id}>
            <td>{result.rank}</td>
            <td dir="auto">{result.name}</td>
            <td>{result.score === null ? "—" : Number(result.score.toFixed(2))}</td>
            <td style={{ width: "40%" }} aria-hidden="true">
              <span
                className="ballot-bar"
                style={{ width: `${scale > 0 ? ((result.score ?? 0) / scale) * 100 : 0}%` }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
