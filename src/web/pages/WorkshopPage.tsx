import { useTranslation } from "react-i18next";
import { isAllowed } from "../../core/index.js";
import { Board } from "../components/Board.js";
import { CardComposer } from "../components/CardComposer.js";
import { PhaseStepper } from "../components/PhaseStepper.js";
import { useLiveWorkshop } from "../live/useLiveWorkshop.js";

/** A workshop, live: the facilitator steers the phases, everyone sees the board. */
export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { client, live } = useLiveWorkshop(workshopId);
  if (live?.fatal) {
    return (
      <main className="page">
        <h1>{t("workshop.cannotOpen")}</h1>
        <p role="alert">{live.fatal}</p>
        <a href="/">{t("common.back")}</a>
      </main>
    );
  }
  const state = live?.replica?.state;
  const actor = live?.actor;
  if (!client || !live || !state || !actor) return <main className="page">{t("common.loading")}</main>;

  const { context } = state;
  return (
    <main className="page workshop">
      <header className="workshop-header">
        <div>
          <h1>{context.title}</h1>
          <p className="muted">
            {[context.organization, context.event].filter(Boolean).join(" | ")}
            {actor.role === "facilitator" ? ` · ${t("workshop.facilitator")}` : ""}
          </p>
        </div>
        <p className={`status status-${live.status}`} aria-live="polite">
          {t(`status.${live.status}`)}
          {live.pending > 0 ? ` · ${t("status.pending", { count: live.pending })}` : ""}
        </p>
      </header>
      <PhaseStepper
        phase={state.phase}
        canSteer={actor.role === "facilitator"}
        onChange={(phase) => client.send({ type: "setPhase", phase })}
      />
      {context.focusQuestion && (
        <section className="focus" aria-label={t("workshop.focusQuestion")}>
          <p>{context.focusQuestion}</p>
        </section>
      )}
      {isAllowed("addCard", actor.role, state.phase) && (
        <CardComposer
          maxLength={state.settings.cardMaxLength}
          onSubmit={(text) => client.send({ type: "addCard", cardId: crypto.randomUUID(), text })}
        />
      )}
      {live.lastError && (
        <p role="alert" className="error">
          {live.lastError}
        </p>
      )}
      <Board state={state} />
    </main>
  );
}
