import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PHASES } from "../../core/index.js";
import { BallotPanel } from "../ballots/BallotPanel.js";
import { BoardView } from "../board/BoardView.js";
import { CampaignPanel } from "../campaign/CampaignPanel.js";
import { LiveAnnouncer } from "../components/LiveAnnouncer.js";
import { PhaseStepper } from "../components/PhaseStepper.js";
import { UndoButton } from "../history/UndoButton.js";
import { InstructionEditor } from "../instructions/InstructionEditor.js";
import { refusalText } from "../live/refusals.js";
import { useLiveWorkshop } from "../live/useLiveWorkshop.js";
import { useWorkshopLanguage } from "../live/useWorkshopLanguage.js";
import { ClusterWork } from "../suggestions/ClusterWork.js";
import { BulkCards } from "./BulkCards.js";
import { ContextEditor } from "./ContextEditor.js";
import { organizationAndEvent } from "./consoleHeader.js";
import { JoinPanel } from "./JoinPanel.js";
import { JoinToggle } from "./JoinToggle.js";
import { hasPhaseWork, PhaseSide, PhaseWork } from "./PhaseWork.js";
import { PresencePanel } from "./PresencePanel.js";
import { RoundsPanel } from "./RoundsPanel.js";
import { SettingsPanel } from "./SettingsPanel.js";
import { TimerControls } from "./TimerControls.js";
import { WorkshopLanguage } from "./WorkshopLanguage.js";

/** The facilitator's console: steer the phases, run the rounds, shape the board. */
export function ConsolePage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { client, live } = useLiveWorkshop(workshopId);
  // Where the cluster phase's suggested columns show, beside the board: the top of the side column.
  const [sideSlot, setSideSlot] = useState<HTMLDivElement | null>(null);
  const [joinShown, setJoinShown] = useState(false);
  useWorkshopLanguage(live?.replica?.state.context.language);
  if (live?.fatal) {
    return (
      <main className="page">
        <h1>{t("workshop.cannotOpen")}</h1>
        <p role="alert">{t(`fatal.${live.fatal}`)}</p>
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
  const [first, second] = organizationAndEvent(context);
  // Once the brainstorm is over the room has joined and the paper cards are in: their panels
  // fold away (one click brings them back), and while clustering the board takes the width.
  const joinFolded = PHASES.indexOf(phase) > PHASES.indexOf("brainstorm") && !joinShown;
  const boardWide = phase === "cluster" && joinFolded;

  return (
    <main className={`console${boardWide ? " console-board-wide" : ""}`}>
      <header className="console-header">
        <div className="grow">
          <p className="muted">
            <a href="/">{t("app.name")}</a>
            {first && (
              <>
                {" · "}
                <bdi>{first}</bdi>
              </>
            )}
            {second && (
              <>
                {" | "}
                <bdi>{second}</bdi>
              </>
            )}
          </p>
          <h1 dir="auto">{context.title}</h1>
        </div>
        <nav className="row" aria-label={t("console.links")}>
          <a href={`/w/${encodeURIComponent(workshopId)}/present`} target="_blank" rel="noreferrer">
            {t("console.projector")}
          </a>
          <a href={`/w/${encodeURIComponent(workshopId)}/report`}>{t("console.report")}</a>
          <a href={`/w/${encodeURIComponent(workshopId)}/replay`}>{t("replay.link")}</a>
        </nav>
        {PHASES.indexOf(phase) > PHASES.indexOf("brainstorm") && (
          <JoinToggle shown={joinShown} withPaperCards={phase === "cluster"} onToggle={setJoinShown} />
        )}
        <WorkshopLanguage language={context.language} send={send} />
        <UndoButton state={state} client={client} />
        <TimerControls timer={state.timer} clockOffsetMs={live.clockOffsetMs} send={send} />
        <p className={`status status-${live.status}`} data-testid="connection-status">
          {/* Only the status is spoken: the count of commands in flight changes with every card. */}
          <span aria-live="polite">{t(`status.${live.status}`)}</span>
          {live.pending > 0 ? ` · ${t("status.pending", { count: live.pending })}` : ""}
        </p>
      </header>
      <PhaseStepper phase={phase} canSteer onChange={(next) => send({ type: "setPhase", phase: next })} />
      {live.lastError && (
        <p role="alert" className="error">
          {refusalText(t, live.lastError)}
        </p>
      )}
      <div className={`console-body${boardWide ? " is-board-wide" : ""}`}>
        <div className="console-main">
          {context.focusQuestion && phase !== "context" && (
            <section className="focus" aria-label={t("workshop.focusQuestion")}>
              <p dir="auto">{context.focusQuestion}</p>
            </section>
          )}
          {phase !== "context" && <InstructionEditor key={phase} state={state} send={send} />}
          {phase === "context" ? (
            <ContextEditor
              key={context.title}
              context={context}
              onSave={(patch) => send({ type: "updateContext", patch })}
            />
          ) : hasPhaseWork(phase) ? (
            <PhaseWork
              state={state}
              actor={actor}
              send={send}
              client={client}
              peers={Object.values(live.peers)}
              present={live.presence?.connected ?? 0}
            />
          ) : phase === "brainstorm" || phase === "cluster" ? (
            <ClusterWork
              state={state}
              actor={actor}
              send={send}
              side={boardWide ? undefined : sideSlot}
              fitToWindow={boardWide}
            />
          ) : (
            <BoardView state={state} actor={actor} send={send} variant="console" />
          )}
        </div>
        <aside className="console-side">
          <div ref={setSideSlot} />
          {!joinFolded && <JoinPanel joinCode={state.joinCode} workshopId={workshopId} />}
          {phase === "brainstorm" && state.settings.brainstormMode === "rounds" && (
            <RoundsPanel state={state} send={send} />
          )}
          {(phase === "brainstorm" || phase === "cluster") && !joinFolded && <BulkCards send={send} />}
          <PhaseSide state={state} send={send} />
          {state.themes.length > 1 && <BallotPanel workshopId={workshopId} />}
          <PresencePanel presence={live.presence} tables={state.tables} />
          <SettingsPanel state={state} send={send} />
          <CampaignPanel state={state} />
        </aside>
      </div>
      <LiveAnnouncer state={state} actor={actor} phases />
    </main>
  );
}
