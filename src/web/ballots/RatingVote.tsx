import { useTranslation } from "react-i18next";
import type { TallyOption } from "../../core/index.js";

const SCALE = [1, 2, 3, 4, 5] as const;

/** A 1–5 rating per theme as a group of radio buttons (arrow keys move within it); a theme may be left unrated. */
export function RatingVote({
  options,
  ratings,
  onChange,
}: {
  options: readonly TallyOption[];
  ratings: Record<string, number>;
  onChange: (ratings: Record<string, number>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ballot-options">
      {options.map((option) => (
        <fieldset key={option.id} className="ballot-rating">
          <legend dir="auto">{option.name}</legend>
          {SCALE.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`rating-${option.id}`}
                value={value}
                checked={ratings[option.id] === value}
                onChange={() => onChange({ ...ratings, [option.id]: value })}
              />
              <span>{value}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <p className="hint">{t("ballots.voter.ratingScale")}</p>
    </div>
  );
}
