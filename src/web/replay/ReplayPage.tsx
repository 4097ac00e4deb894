import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type EventEnvelope, entry, eventPageSchema, type WorkshopState } from "../../core/index.js";
import { answerOf, facilitatorFetch } from "../api.js";
import { BoardView } from "../board/BoardView.js";
import { PhaseStepper } from "../components/PhaseStepper.js";
import { formatClock } from "../format.js";
import { useEventLabel } from "../history/eventLabels.js";
import { useLiveWorkshop } from "../live/useLiveWorkshop.js";
import { ThemeStatements } from "../resolve/ThemeStatements.js";
import { ResultsChart } from "../voting/ResultsChart.js";
import { loadAllEvents, Timeline } from "./timeline.js";
import "./replay.css";

type Mode = "event" | "time";
const SPEEDS = [1, 4, 16, 64] as const;

async function fetchEvents(workshopId: string, since: number, limit: number): Promise<EventEnvelope[]> {
  const response = await facilitatorFetch(workshopId, `/events?since=${since}&limit=${limit}`);
  if (!response.ok) throw new Error(`${response.status}`);
  return (await answerOf(eventPageSchema, response)).events;
}

/**
 * The session replayed for its facilitator (/w/:id/replay): every event of the log folded with the
 * same reducer the room used, scrubbed by event or by time from the first card to the final board,
 * with the phase and the board at each point — to show a client how the consensus formed.
 */
export function ReplayPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  // The live connection proves the facilitator role (the same check as the console's).
  const { live } = useLiveWorkshop(workshopId);
  const [timeline, setTimeline] = useState<Timeline>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    loadAllEvents((since, limit) => fetchEvents(workshopId, since, limit)).then(
      (envelopes) => current && setTimeline(new Timeline(workshopId, envelopes)),
      () => current && setProblem(t("replay.loadFailed")),
    );
    return () => {
      current = false;
    };
  }, [workshopId, t]);

  if (live?.fatal) {
    return (
      <main className="page">
        <h1>{t("workshop.cannotOpen")}</h1>
        <p role="alert">{t(`fatal.${live.fatal}`)}</p>
      </main>
    );
  }
  if (problem) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {problem}
        </p>
      </main>
    );
  }
  if (!timeline || !live?.actor) return <main className="page">{t("common.loading")}</main>;
  return <Replay workshopId={workshopId} timeline={timeline} />;
}

function Replay({ workshopId, timeline }: { workshopId: string; timeline: Timeline }) {
  const { t, i18n } = useTranslation();
  const eventLabel = useEventLabel();
  const first = useMemo(() => Math.min(timeline.firstCardPosition(), timeline.length), [timeline]);
  const [position, setPosition] = useState(() => {
    const asked = Number(new URLSearchParams(window.location.search).get("seq"));
    return Number.isInteger(asked) && asked > 0 ? timeline.positionOfSeq(asked) : timeline.length;
  });
  const [mode, setMode] = useState<Mode>("event");
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(4);
  /** In time mode, the moment shown, which runs on between events; undefined: the event's own time. */
  const [clockMs, setClockMs] = useState<number>();
  const now = useRef({ position, clockMs });
  now.current = { position, clockMs };
  const state = timeline.stateAt(position);
  const seq = timeline.seqAt(position);
  const envelope = position > 0 ? timeline.envelopes[position - 1] : undefined;
  const start = timeline.timeAt(Math.max(first, 1)) ?? 0;
  const end = timeline.timeAt(timeline.length) ?? start;
  const at = clockMs ?? timeline.timeAt(position) ?? start;
  const goTo = (next: number) => {
    setClockMs(undefined);
    setPosition(Math.min(timeline.length, Math.max(first, next)));
  };

  // The address names the moment, so a facilitator can send a client straight to it.
  useEffect(() => {
    history.replaceState(null, "", `${window.location.pathname}?seq=${seq}`);
  }, [seq]);

  // Playing by event shows `speed` events a second; by time, `speed` minutes of the session a second.
  useEffect(() => {
    if (!playing) return;
    const tick = 250;
    const timer = setInterval(() => {
      const { position: current, clockMs: shown } = now.current;
      if (mode === "event") {
        const next = Math.min(timeline.length, current + Math.max(1, Math.round((speed * tick) / 1000)));
        setPosition(next);
        if (next >= timeline.length) setPlaying(false);
        return;
      }
      const moment = (shown ?? timeline.timeAt(current) ?? start) + (speed * 60_000 * tick) / 1000;
      setClockMs(Math.min(moment, end));
      setPosition(Math.max(first, timeline.positionAtTime(moment)));
      if (moment >= end) setPlaying(false);
    }, tick);
    return () => clearInterval(timer);
  }, [playing, mode, speed, timeline, start, end, first]);

  const clock = (ms: number) => formatClock(ms, i18n.language);
  const elapsed = (ms: number) => {
    const seconds = Math.max(0, Math.round((ms - start) / 1000));
    const minutes = Math.floor(seconds / 60);
    return `+${minutes}:${String(seconds % 60).padStart(2, "0")}`;
  };

  return (
    <main className="replay">
      <header className="replay-header">
        <div className="grow">
          <p className="muted">
            <a href={`/w/${encodeURIComponent(workshopId)}`}>{t("replay.backToConsole")}</a>
          </p>
          <h1>
            {t("replay.heading")} · <bdi>{state.context.title}</bdi>
          </h1>
        </div>
      </header>
      <section className="panel replay-controls" aria-label={t("replay.controls")}>
        <div className="row replay-buttons">
          <button
            type="button"
            onClick={() => {
              if (!playing && position >= timeline.length) goTo(first);
              setPlaying(!playing);
            }}
            data-testid="replay-play"
          >
            {playing ? t("replay.pause") : t("replay.play")}
          </button>
          <button
            type="button"
            className="naming-secondary"
            aria-label={t("replay.stepBack")}
            disabled={position <= first}
            onClick={() => goTo(position - 1)}
          >
            ◀
          </button>
          <button
            type="button"
            className="naming-secondary"
            aria-label={t("replay.stepForward")}
            disabled={position >= timeline.length}
            onClick={() => goTo(position + 1)}
          >
            ▶
          </button>
          <fieldset className="replay-mode">
            <legend className="visually-hidden">{t("replay.scrubBy")}</legend>
            {(["event", "time"] as const).map((value) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name="replay-mode"
                  checked={mode === value}
                  onChange={() => {
                    setClockMs(undefined);
                    setMode(value);
                  }}
                />
                {t(`replay.by_${value}`)}
              </label>
            ))}
          </fieldset>
          <label className="replay-speed">
            {t("replay.speed")}
            <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])}>
              {SPEEDS.map((value) => (
                <option key={value} value={value}>
                  {mode === "event"
                    ? t("replay.eventsPerSecond", { count: value })
                    : t("replay.minutesPerSecond", { count: value })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {mode === "event" ? (
          <input
            type="range"
            className="replay-slider"
            min={first}
            max={timeline.length}
            step={1}
            value={position}
            aria-label={t("replay.slider")}
            aria-valuetext={t("replay.position", { position, total: timeline.length, seq })}
            data-testid="replay-slider"
            onChange={(event) => {
              setPlaying(false);
              goTo(Number(event.target.value));
            }}
          />
        ) : (
          <input
            type="range"
            className="replay-slider"
            // Whole seconds since the first card: the last step reaches past the last event.
            min={0}
            max={Math.max(1, Math.ceil((end - start) / 1000))}
            step={1}
            value={Math.round((at - start) / 1000)}
            aria-label={t("replay.timeSlider")}
            aria-valuetext={clock(at)}
            data-testid="replay-time-slider"
            onChange={(event) => {
              setPlaying(false);
              const moment = Math.min(end, start + Number(event.target.value) * 1000);
              setClockMs(moment);
              setPosition(Math.max(first, timeline.positionAtTime(moment)));
            }}
          />
        )}
        <p className="replay-where" data-testid="replay-position" data-seq={seq} data-position={position}>
          <strong>{t("replay.position", { position, total: timeline.length, seq })}</strong>
          {envelope && (
            <>
              {" "}
              · {clock(Date.parse(envelope.at))} ({elapsed(Date.parse(envelope.at))}) ·{" "}
              <span data-testid="replay-what">
                {eventLabel(envelope.event.type)} — <bdi>{who(state, envelope, t)}</bdi>
              </span>
            </>
          )}
        </p>
      </section>
      <div className="replay-phase" data-testid="replay-phase" data-phase={state.phase}>
        <PhaseStepper phase={state.phase} canSteer={false} onChange={() => {}} />
      </div>
      {state.context.focusQuestion && (
        <p className="focus" dir="auto">
          {state.context.focusQuestion}
        </p>
      )}
      <BoardView state={state} />
      {state.themes.some((theme) => theme.headline || theme.narrative) && (
        <ThemeStatements state={state} variant="console" />
      )}
      {state.votes.length > 0 && (
        <>
          {!state.voting.revealed && <p className="muted">{t("replay.notYetRevealed")}</p>}
          <ResultsChart state={state} variant="console" />
        </>
      )}
    </main>
  );
}

/** Who did it: the participant's name at that point, or "the facilitator". */
function who(state: WorkshopState, envelope: EventEnvelope, t: (key: string) => string): string {
  if (envelope.actor.role === "facilitator") return t("replay.facilitator");
  return entry(state.participants, envelope.actor.id)?.name || t("replay.participant");
}
