import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TallyOption } from "../../core/index.js";

/**
 * A ranking with buttons, not only a drag: each theme moves up or down one place, so that a
 * keyboard or a screen reader ranks as easily as a finger. Every theme is ranked, first = most wanted.
 * The buttons at the ends are `aria-disabled`, not `disabled`: a theme pressed up to the top keeps
 * the focus on its button, where `disabled` would drop it to the page; each move is announced.
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
  const [said, setSaid] = useState("");
  const name = (id: string) => options.find((option) => option.id === id)?.name ?? id;
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= ranking.length) return;
    const next = [...ranking];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    onChange(next);
    setSaid(t("ballots.voter.movedTo", { name: name(moved), place: to + 1, total: next.length }));
  };
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="ranking-said">
        {said}
      </p>
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
                aria-disabled={index === 0}
                aria-label={t("ballots.voter.moveUp", { name: name(id) })}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="secondary"
                aria-disabled={index === ranking.length - 1}
                aria-label={t("ballots.voter.moveDown", { name: name(id) })}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
