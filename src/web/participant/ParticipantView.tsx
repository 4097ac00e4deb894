import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Actor, Command, WorkshopState } from "../../core/index.js";
import { Countdown } from "../components/Countdown.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { LiveAnnouncer } from "../components/LiveAnnouncer.js";
import { RoomGuide } from "../instructions/RoomGuide.js";
import { isolate } from "../isolate.js";
import type { LiveClient } from "../live/liveClient.js";
import { type Refusal, refusalText } from "../live/refusals.js";
import { useLiveWorkshop } from "../live/useLiveWorkshop.js";
import { useWorkshopLanguage } from "../live/useWorkshopLanguage.js";
import { hasResults, ResultsChart } from "../voting/ResultsChart.js";
import { BrainstormPanel } from "./BrainstormPanel.js";
import { ConnectionStatus } from "./ConnectionStatus.js";
import { languageWasChosen, type ParticipantProfile, rememberLanguageChosen } from "./deviceMemory.js";
import { hasLaterPhase, LaterPhasePanel } from "./LaterPhasePanel.js";
import { boardHasCards, ParticipantBoard } from "./ParticipantBoard.js";
import { PhaseProgress } from "./PhaseProgress.js";
import { StagePanel } from "./StagePanel.js";
import { TablePicker } from "./TablePicker.js";
import { useAnnouncements } from "./useAnnouncements.js";
import { useBrowserOnline } from "./useBrowserOnline.js";
import { useScrollToTopOn } from "./useScrollToTopOn.js";
import { useSentCards } from "./useSentCards.js";

/** The live workshop on a participant's phone: focus question, phase, timer, and what to do now. */
export function ParticipantView(props: {
  workshopId: string;
  profile: ParticipantProfile;
  /** Shows the join form again; absent when it has nothing to ask. */
  onChangeProfile: (() => void) | undefined;
  /** Saves a new answer given in the view itself (a table picked after joining). */
  onProfileChange: (profile: ParticipantProfile) => void;
}) {
  const { t } = useTranslation();
  const { client, live } = useLiveWorkshop(props.workshopId, { asParticipant: true });
  const state = live?.replica?.state;
  const actor = live?.actor;
  useJoin(client, state, actor, props.profile);
  const { waiting, remember } = useSentCards(props.workshopId, state, live);
  const online = useBrowserOnline();
  const status = online ? (live?.status ?? "connecting") : "offline";
  const announcement = useAnnouncements(state, status);
  useScrollToTopOn(state !== undefined && hasResults(state));
  // The workshop's language, live, unless this person picked their own.
  useWorkshopLanguage(languageWasChosen() ? undefined : state?.context.language);
  const [dismissedError, setDismissedError] = useState<Refusal>();

  const pending = live?.pending ?? 0;

  if (live?.fatal) {
    return (
      <div className="join-shell">
        <main className="join-card">
          <h1 className="join-title">{t("participant.fatalTitle")}</h1>
          <p role="alert" className="join-problem">
            {live.fatal === "unknownWorkshop" ? t("participant.fatalText") : t(`fatal.${live.fatal}`)}
          </p>
        </main>
      </div>
    );
  }
  if (!client || !state || !actor) {
    return (
      <div className="join-shell">
        <main className="join-card participant-connecting">
          <ConnectionStatus status={status} pending={pending} />
          <p className="join-loading">{t("participant.connecting")}</p>
        </main>
      </div>
    );
  }

  const send = (command: Command) => {
    client.send(command);
  };
  const me = state.participants[actor.id];
  const table = me?.tableId ? state.tables.find((candidate) => candidate.id === me.tableId) : undefined;
  const focusQuestion = state.context.focusQuestion || state.context.title;
  const error = live?.lastError && live.lastError !== dismissedError ? live.lastError : undefined;
  // Tables set up after this person joined: ask where they sit before the cards start to flow.
  const needsTable =
    state.settings.useTables &&
    state.tables.length > 0 &&
    me !== undefined &&
    !me.tableId &&
    (state.phase === "context" || state.phase === "brainstorm");
  // Revealed results are what everyone looks at: first on the screen, above the rest.
  const showResults = hasResults(state);
  // Each is the person's or the facilitator's text: isolated, so none turns the others around.
  const who = [props.profile.name || t("participant.anonymous"), table?.name, me?.group]
    .filter((part): part is string => Boolean(part))
    .map(isolate)
    .join(" · ");

  return (
    <div className="participant">
      <header className="participant-bar">
        <p className="participant-bar-title">{state.context.title}</p>
        <ConnectionStatus status={status} pending={pending} />
        {/* In the sticky bar, on a row of its own: a notice takes room instead of lying on what
            is below it (a button at the bottom of the page stays reachable). */}
        <p className="participant-toast" role="status" aria-live="polite" data-visible={announcement ? "" : undefined}>
          {announcement}
        </p>
      </header>
      <main className={`participant-main${state.phase === "brainstorm" ? "" : " is-wide"}`}>
        {showResults && <ResultsChart state={state} variant="phone" />}
        <div className="participant-phase-row">
          <PhaseProgress phase={state.phase} />
          <Countdown timer={state.timer} clockOffsetMs={live?.clockOffsetMs ?? 0} />
        </div>
        <section
          className={`participant-focus${state.phase === "context" || state.phase === "brainstorm" ? "" : " is-compact"}`}
          aria-labelledby="participant-focus-label"
        >
          <p id="participant-focus-label" className="participant-eyebrow">
            {t("workshop.focusQuestion")}
          </p>
          {/* Written in the workshop's language, which this person's interface may not be (WCAG 3.1.2). */}
          <h1 className="participant-focus-question" lang={state.context.language}>
            {focusQuestion}
          </h1>
          {state.phase !== "context" && <RoomGuide state={state} variant="phone" />}
        </section>
        {error && (
          <div role="alert" className="participant-notice is-error">
            <p className="participant-notice-title">{t("participant.refused")}</p>
            <p>{refusalText(t, error)}</p>
            <button type="button" className="participant-text-button" onClick={() => setDismissedError(error)}>
              {t("participant.dismiss")}
            </button>
          </div>
        )}
        {needsTable && (
          <TablePicker
            tables={state.tables}
            onPick={(tableId) => props.onProfileChange({ ...props.profile, tableId })}
          />
        )}
        {state.phase === "brainstorm" ? (
          <BrainstormPanel
            state={state}
            actor={actor}
            send={send}
            waiting={waiting}
            onCardSent={remember}
            lastError={live?.lastError}
          />
        ) : hasLaterPhase(state.phase) ? (
          <LaterPhasePanel
            state={state}
            actor={actor}
            send={send}
            client={client}
            peers={Object.values(live?.peers ?? {})}
          />
        ) : (
          <>
            <StagePanel phase={state.phase} mayMoveCards={state.settings.participantsMayMoveCards} />
            {boardHasCards(state) && <ParticipantBoard state={state} actor={actor} send={send} />}
          </>
        )}
      </main>
      <footer className="participant-footer">
        <p className="participant-who">
          <span className="participant-who-label">{t("participant.you")}</span> {who}
        </p>
        <div className="participant-footer-actions">
          {props.onChangeProfile && (
            <button type="button" className="join-link-button" onClick={props.onChangeProfile}>
              {t("participant.change")}
            </button>
          )}
          <LanguageSwitch className="join-link-button" onSwitch={rememberLanguageChosen} />
        </div>
      </footer>
      {/* Phases and rounds are told by the toast above; this one tells the cards others add. */}
      <LiveAnnouncer state={state} actor={actor} phases={false} />
    </div>
  );
}

/**
 * Sends `joinWorkshop` when the workshop does not know this device as the profile says: on the
 * first visit, after "change", or when the facilitator removed the chosen table. Once per answer,
 * so a refusal does not loop.
 */
function useJoin(
  client: LiveClient | undefined,
  state: WorkshopState | undefined,
  actor: Actor | undefined,
  profile: ParticipantProfile,
) {
  const sentFor = useRef<string | undefined>(undefined);
  const { name, group } = profile;
  const tableExists = Boolean(profile.tableId && state?.tables.some((table) => table.id === profile.tableId));
  const tableId = tableExists ? profile.tableId : undefined;
  const known = actor ? state?.participants[actor.id] : undefined;
  const upToDate = known !== undefined && known.name === name && known.group === group && known.tableId === tableId;
  const ready = Boolean(client && state && actor?.role === "participant");

  useEffect(() => {
    if (!client || !ready || upToDate) return;
    const answer = JSON.stringify([name, group, tableId]);
    if (sentFor.current === answer) return;
    sentFor.current = answer;
    client.send({ type: "joinWorkshop", name, ...(group ? { group } : {}), ...(tableId ? { tableId } : {}) });
  }, [client, ready, upToDate, name, group, tableId]);
}
