import { useTranslation } from "react-i18next";

/** Brings back the join panel (and, while clustering, the paper cards) once they have folded away. */
export function JoinToggle(props: { shown: boolean; withPaperCards: boolean; onToggle: (shown: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="secondary console-join-toggle"
      aria-expanded={props.shown}
      data-testid="show-join"
      onClick={() => props.onToggle(!props.shown)}
    >
      {props.withPaperCards ? t("console.join.toggleWithCards") : t("console.join.toggle")}
    </button>
  );
}
