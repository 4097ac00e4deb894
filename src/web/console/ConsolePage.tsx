import { useTranslation } from "react-i18next";
import { Board } from "../components/Board.js";
import { PhaseStepper } from "../components/PhaseStepper.js";
import { useLiveWorkshop } from "../live/useLiveWorkshop.js";
import { BulkCards } from "./BulkCards.js";
import { ContextEditor } from "./ContextEditor.js";
import { JoinPanel } from "./JoinPanel.js";
import { PresencePanel } from "./PresencePanel.js";
import { RoundsPanel } from "./RoundsPanel.js";
import { SettingsPanel } from "./SettingsPanel.js";
import { TimerControls } from "./TimerControls.js";

/** The facilitator's console: steer the phases, run the rounds, shape the board. */
export function ConsolePage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { client, live } = useLiveWorkshop(workshopId);
  if (live?.fatal) {
    return (
      <main className="page">
        <h1>{t("workshop.cannotOpen")}</h1>
        <p role="alert">{t("console.notFacilitator")}</p>
        <p>
          <a href="/join">{t("home.joinAsParticipant")}</a> · <a href="/">{t("common.back")}</a>
        </p>
      </main>
    );
  }
  const state = live?.replica?.state;
  const actor = live?.actor;
  if (!client || !live || !state || !actor) return <main className="page">{t("common.loading")}</main>;
  const send = (command: Parameters<typeof client.send>[0]) => client.send(command);
  const { context, phase } = state;

  return (
    <main className="console">
      <header className="console-header">
        <div className="grow">
          <p className="muted">
            <a href="/">{t("app.name")}</a> · {[context.organization, context.event].filter(Boolean).join(" | ")}
          </p>
          <h1>{context.title}</h1>
        </div>
        <nav className="row" aria-label={t("console.links")}>
          <a href={`/w/${encodeURIComponent(workshopId)}/present`} target="_blank" rel="noreferrer">
            {t("console.projector")}
          </a>
          <a href={`/w/${encodeURIComponent(workshopId)}/report`}>{t("console.report")}</a>
        </nav>
        <TimerControls timer={state.timer} clockOffsetMs={live.clockOffsetMs} send={send} />
        <p className={`status status-${live.status}`} aria-live="polite" data-testid="connection-status">
          {t(`status.${live.status}`)}
          {live.pending > 0 ? ` · ${t("status.pending", { count: live.pending })}` : ""}
        </p>
      </header>
      <PhaseStepper phase={phase} canSteer onChange={(next) => send({ type: "setPhase", phase: next })} />
      {live.lastError && (
        <p role="alert" className="error">
          {live.lastError}
        </p>
      )}
      <div className="console-body">
        <div className="console-main">
          {context.focusQuestion && phase !== "context" && (
            <section className="focus" aria-label={t("workshop.focusQuestion")}>
              <p>{context.focusQuestion}</p>
            </section>
          )}
          {phase === "context" ? (
            <ContextEditor
              key={context.title}
              context={context}
              onSave={(patch) => send({ type: "updateContext", patch })}
            />
          ) : (
            <Board state={state} actor={actor} send={send} variant="console" />
          )}
        </div>
        <aside className="console-side">
          <JoinPanel joinCode={state.joinCode} workshopId={workshopId} />
          {phase === "brainstorm" && state.settings.brainstormMode === "rounds" && (
            <RoundsPanel state={state} send={send} />
          )}
          {(phase === "brainstorm" || phase === "cluster") && <BulkCards send={send} />}
          <PresencePanel presence={live.presence} tables={state.tables} />
          <SettingsPanel state={state} send={send} />
        </aside>
      </div>
    </main>
  );
}
