import { useTranslation } from "react-i18next";
import type { BallotSettings, TallyOption } from "../../core/index.js";

/**
 * Dots to place: − and + per theme, within the budget and the cap per theme; the dots left are
 * announced. A button that can do nothing is `aria-disabled`, so that the one pressed to its limit
 * keeps the focus.
 */
export function DotsVote({
  options,
  settings,
  dots,
  onChange,
}: {
  options: readonly TallyOption[];
  settings: BallotSettings;
  dots: Record<string, number>;
  onChange: (dots: Record<string, number>) => void;
}) {
  const { t } = useTranslation();
  const used = Object.values(dots).reduce((sum, count) => sum + count, 0);
  const left = settings.dotBudget - used;
  const set = (id: string, count: number) => onChange({ ...dots, [id]: count });
  return (
    <div>
      <p aria-live="polite" data-testid="dots-left">
        {t("ballots.voter.dotsLeft", { count: left, max: settings.maxPerTheme })}
      </p>
      <ul className="ballot-options">
        {options.map((option) => {
          const count = dots[option.id] ?? 0;
          return (
            <li key={option.id}>
              <span className="ballot-theme" dir="auto" id={`dots-${option.id}`}>
                {option.name}
              </span>
              <span className="ballot-moves">
                <button
                  type="button"
                  className="secondary"
                  aria-disabled={count === 0}
                  aria-label={t("ballots.voter.removeDot", { name: option.name })}
                  onClick={() => count > 0 && set(option.id, count - 1)}
                >
                  −
                </button>
                <output aria-labelledby={`dots-${option.id}`}>{count}</output>
                <button
                  type="button"
                  className="secondary"
                  aria-disabled={left === 0 || count >= settings.maxPerTheme}
                  aria-label={t("ballots.voter.addDot", { name: option.name })}
                  onClick={() => left > 0 && count < settings.maxPerTheme && set(option.id, count + 1)}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
