import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";
import { ColumnSymbol } from "../board/ColumnSymbol.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import "./resolve.css";

/** The themes as the room resolved them: name, headline (in capitals), narrative. Read only. */
export function ThemeStatements({
  state,
  variant,
}: {
  state: WorkshopState;
  variant: "phone" | "projector" | "console";
}) {
  const { t } = useTranslation();
  const { label, symbol } = useColumnLabel(state);
  return (
    <section
      className={`statements statements-${variant}`}
      aria-label={t("resolve.statements")}
      data-testid="statements"
    >
      {state.themes.map((theme) => (
        <article
          key={theme.id}
          className={`statement${theme.id === state.spotlightThemeId ? " is-spotlit" : ""}`}
          data-testid={`statement-${theme.id}`}
        >
          <p className="statement-name">
            <ColumnSymbol symbol={symbol(theme)} size={18} /> <bdi>{label(theme)}</bdi>
          </p>
          {theme.headline ? (
            <p className="statement-headline" data-testid="statement-headline" dir="auto">
              {theme.headline}
            </p>
          ) : (
            <p className="statement-headline is-empty">{t("resolve.noHeadline")}</p>
          )}
          {theme.narrative && (
            <p className="statement-narrative" dir="auto">
              {theme.narrative}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
