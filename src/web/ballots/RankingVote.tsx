import { useTranslation } from "react-i18next";
import type { TallyOption } from "../../core/index.js";

/**
 * A ranking with buttons, not only a drag: each theme moves up or down one place, so that a
 * keyboard or a screen reader ranks as easily as a finger. Every theme is ranked, first = most wanted.
 */
export function RankingVote({
  options,
  ranking,
  onChange,
}: {
  options: readonly TallyOption[];
  ranking: string[];
  onChange: (ranking: string[]) => void;
}) {
  const { t } = useTranslation();
  const name = (id: string) => options.find((option) => option.id === id)?.name ?? id;
  const move = (index: number, by: -1 | 1) => {
    const next = [...ranking];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + by, 0, moved);
    onChange(next);
  };
  return (
    <ol className="ballot-ranking" aria-label={t("ballots.voter.rankingLabel")}>
      {ranking.map((id, index) => (
        <li key={id} data-testid="ranked-theme">
          <span className="ballot-rank" aria-hidden="true">
            {index + 1}
          </span>
          <span className="ballot-theme" dir="auto">
            {name(id)}
          </span>
          <span className="ballot-moves">
            <button
              type="button"
              className="secondary"
              disabled={index === 0}
              aria-label={t("ballots.voter.moveUp", { name: name(id) })}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="secondary"
              disabled={index === ranking.length - 1}
              aria-label={t("ballots.voter.moveDown", { name: name(id) })}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
