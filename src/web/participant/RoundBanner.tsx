import { useTranslation } from "react-i18next";
import type { Round } from "../../core/index.js";

/**
 * What the facilitator asked for in rounds mode: the active round's prompt and how many cards it
 * wants, or why there is nothing to write yet.
 */
export function RoundBanner(props: {
  round: Round | undefined;
  number: number;
  tableMode: boolean;
  /** Cards this person (without tables) has sent in the round, against the count asked. */
  sentThisRound: number;
}) {
  const { t } = useTranslation();
  const { round } = props;
  if (!round) {
    return (
      <section className="participant-round is-waiting" aria-label={t("participant.round.label")}>
        <p className="participant-round-prompt">{t("participant.round.none")}</p>
        <p className="participant-round-ask">{t("participant.round.noneHint")}</p>
      </section>
    );
  }
  if (round.revealed) {
    return (
      <section className="participant-round is-waiting" aria-label={t("participant.round.label")}>
        <p className="participant-round-eyebrow">{t("participant.round.number", { number: props.number })}</p>
        <p className="participant-round-prompt">{t("participant.round.revealed")}</p>
        <p className="participant-round-ask">{t("participant.round.revealedHint")}</p>
      </section>
    );
  }
  const ask =
    round.perTable === null
      ? undefined
      : props.tableMode
        ? t("participant.round.askTable", { count: round.perTable })
        : t("participant.round.askPerson", { count: round.perTable });
  return (
    <section className="participant-round" aria-label={t("participant.round.label")}>
      <p className="participant-round-eyebrow">{t("participant.round.number", { number: props.number })}</p>
      <p className="participant-round-prompt" dir="auto">
        {round.prompt || t("participant.round.noPrompt")}
      </p>
      {ask && (
        <p className="participant-round-ask">
          <span className="participant-round-ask-count">{round.perTable}</span>
          <span>{ask}</span>
          {!props.tableMode && round.perTable !== null && props.sentThisRound > 0 && (
            <span className="participant-round-progress">
              {t("participant.round.progress", { count: props.sentThisRound, limit: round.perTable })}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
