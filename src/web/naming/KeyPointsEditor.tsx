import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../core/index.js";
import { withSuggestedPoints } from "../suggestions/suggestions.js";

/**
 * A column's key points: short bullets to add, edit, remove and reorder, saved together. Suggested
 * points (from the column's cards) can be added to the draft in one click, to edit before saving.
 */
export function KeyPointsEditor({
  keyPoints,
  onSave,
  suggested = [],
}: {
  keyPoints: string[];
  onSave: (points: string[]) => void;
  suggested?: readonly string[] | undefined;
}) {
  const { t } = useTranslation();
  const newId = useId();
  const [draft, setDraft] = useState(keyPoints);
  const [fresh, setFresh] = useState("");
  const cleaned = draft.map((point) => point.trim()).filter(Boolean);
  const changed = JSON.stringify(cleaned) !== JSON.stringify(keyPoints);

  const move = (index: number, delta: -1 | 1) => {
    const next = [...draft];
    const [point] = next.splice(index, 1);
    if (point !== undefined) next.splice(index + delta, 0, point);
    setDraft(next);
  };
  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    if (!fresh.trim() || draft.length >= LIMITS.keyPoints) return;
    setDraft([...draft, fresh.trim()]);
    setFresh("");
  };

  return (
    <section className="naming-key-points" aria-labelledby={`${newId}-heading`}>
      <h3 id={`${newId}-heading`} className="small-heading">
        {t("naming.keyPoints")}
      </h3>
      <p className="muted naming-hint">{t("naming.keyPointsHint")}</p>
      {suggested.length > 0 && (
        <div className="naming-suggestion" data-testid="suggested-key-points">
          <p>{t("suggestions.suggestedPoints")}</p>
          <ul>
            {suggested.map((point) => (
              <li key={point} dir="auto">
                {point}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="naming-secondary"
            disabled={withSuggestedPoints(draft, suggested, LIMITS.keyPoints).length === draft.length}
            onClick={() => setDraft(withSuggestedPoints(draft, suggested, LIMITS.keyPoints))}
          >
            {t("suggestions.usePoints")}
          </button>
        </div>
      )}
      <ol className="naming-point-list" data-testid="key-points">
        {draft.map((point, index) => (
          // Points are edited in place and may repeat while typed: the position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className="naming-point">
            <input
              value={point}
              maxLength={500}
              aria-label={t("naming.keyPointNumber", { number: index + 1 })}
              onChange={(event) => setDraft(draft.map((old, at) => (at === index ? event.target.value : old)))}
            />
            <button
              type="button"
              className="naming-icon"
              disabled={index === 0}
              aria-label={t("naming.moveUp", { point })}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="naming-icon"
              disabled={index === draft.length - 1}
              aria-label={t("naming.moveDown", { point })}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="naming-icon"
              aria-label={t("naming.removePoint", { point })}
              onClick={() => setDraft(draft.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <form className="row" onSubmit={handleAdd}>
        <label className="grow" htmlFor={newId}>
          {t("naming.newPoint")}
          <input id={newId} value={fresh} maxLength={500} onChange={(event) => setFresh(event.target.value)} />
        </label>
        <button type="submit" className="naming-secondary" disabled={!fresh.trim()}>
          {t("naming.addPoint")}
        </button>
      </form>
      <p className="row">
        <button type="button" disabled={!changed} onClick={() => onSave(cleaned)} data-testid="save-key-points">
          {t("naming.saveKeyPoints")}
        </button>
        {!changed && keyPoints.length > 0 && <span className="muted">{t("naming.saved")}</span>}
      </p>
    </section>
  );
}
