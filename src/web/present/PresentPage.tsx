import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Card, PHASES, privacySettings, type Round, type WorkshopState } from "../../core/index.js";
import { Board } from "../board/Board.js";
import { CardAuthor, CardText } from "../board/BoardCard.js";
import { useFitToBox } from "../board/useFitToBox.js";
import { Countdown } from "../components/Countdown.js";
import { RoomGuide } from "../instructions/RoomGuide.js";
import { isolate } from "../isolate.js";
import { useJoinLink } from "../joinLink.js";
import type { LiveSnapshot } from "../live/liveClient.js";
import { useLiveWorkshop } from "../live/useLiveWorkshop.js";
import { useWorkshopLanguage } from "../live/useWorkshopLanguage.js";
import { hasLaterStage, PresentLaterPhase } from "./PresentLaterPhase.js";

/** How many of the newest cards the open brainstorm shows at once. */
const LATEST_CARDS = 24;

/**
 * The projector: the big screen at the front of the room, read from the back. It only shows;
 * every change comes from the facilitator's console and the participants' phones.
 */
export function PresentPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { live } = useLiveWorkshop(workshopId);
  const state = live?.replica?.state;
  const title = state?.context.title;
  // The projector speaks the language the facilitator chose for the workshop.
  useWorkshopLanguage(state?.context.language);

  useEffect(() => {
    document.title = title ? t("present.documentTitle", { title: isolate(title) }) : t("app.name");
  }, [title, t]);

  if (live?.fatal) {
    return (
      <main className="present present-message">
        <h1>{t("present.cannotOpen")}</h1>
        <p role="alert">{t(`fatal.${live.fatal}`)}</p>
      </main>
    );
  }
  if (!live || !state || !live.actor) {
    return (
      <main className="present present-message">
        <p>{t("common.loading")}</p>
      </main>
    );
  }
  return <Projector state={state} live={live} />;
}

function Projector({ state, live }: { state: WorkshopState; live: LiveSnapshot }) {
  const { t } = useTranslation();
  const { link: joinUrl } = useJoinLink(state.joinCode);
  const { phase } = state;
  const showBoard = PHASES.indexOf(phase) >= PHASES.indexOf("cluster");
  const stage = useRef<HTMLDivElement>(null);
  useFitToBox(stage, state);

  return (
    <main className={`present present-phase-${phase}`}>
      <header className="present-bar">
        <div className="present-title">
          <span className="present-brand">{t("app.name")}</span>
          <bdi className="present-workshop">{state.context.title}</bdi>
        </div>
        <PhaseTrack phase={phase} />
        <p className="present-people" aria-live="off">
          <PeopleIcon />
          {t("present.connected", { count: live.presence?.connected ?? 0 })}
        </p>
        {state.timer && (
          <div className="present-timer">
            <Countdown timer={state.timer} clockOffsetMs={live.clockOffsetMs} large />
          </div>
        )}
        {live.status !== "live" && (
          <p className="present-offline" role="status">
            {t("present.reconnecting")}
          </p>
        )}
      </header>

      <div className={`present-body${showBoard ? " present-body-board" : ""}`}>
        {(state.context.focusQuestion || phase !== "context") && (
          <section className="present-focus" aria-label={t("workshop.focusQuestion")}>
            {state.context.focusQuestion && (
              <>
                <p className="present-eyebrow">{t("workshop.focusQuestion")}</p>
                <h1 dir="auto">{state.context.focusQuestion}</h1>
              </>
            )}
            {phase !== "context" && <RoomGuide state={state} variant="projector" />}
          </section>
        )}
        <div ref={stage} className="present-stage">
          {hasLaterStage(phase) ? (
            <PresentLaterPhase state={state} />
          ) : showBoard ? (
            <Board state={state} actor={live.actor ?? NOBODY} send={ignore} variant="projector" />
          ) : phase === "brainstorm" ? (
            <Brainstorm state={state} />
          ) : (
            <Welcome state={state} />
          )}
        </div>
        <JoinPanel url={joinUrl} code={state.joinCode} compact={showBoard} />
      </div>
    </main>
  );
}

const ignore = () => {};
const NOBODY = { role: "participant", id: "" } as const;

/** The seven phases as a track, the current one lit: the room sees where it is in the method. */
function PhaseTrack({ phase }: { phase: WorkshopState["phase"] }) {
  const { t } = useTranslation();
  const current = PHASES.indexOf(phase);
  return (
    <div className="present-phase">
      <p className="present-phase-name">
        <span className="visually-hidden">{t("present.phase")} </span>
        {t(`phase.${phase}`)}
      </p>
      <ol className="present-track" aria-hidden="true">
        {PHASES.map((step, index) => (
          <li
            key={step}
            className={index < current ? "present-track-done" : index === current ? "present-track-now" : undefined}
          />
        ))}
      </ol>
    </div>
  );
}

/** Before the brainstorm: the aims of the session, if the facilitator wrote them. */
function Welcome({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const { rationalAim, experientialAim, organization, event } = state.context;
  return (
    <section className="present-welcome">
      <p className="present-welcome-line">
        {organization && <bdi>{organization}</bdi>}
        {organization && event && " · "}
        {event && <bdi>{event}</bdi>}
      </p>
      {(rationalAim || experientialAim) && (
        <dl className="present-aims">
          {rationalAim && (
            <div>
              <dt>{t("present.rationalAim")}</dt>
              <dd dir="auto">{rationalAim}</dd>
            </div>
          )}
          {experientialAim && (
            <div>
              <dt>{t("present.experientialAim")}</dt>
              <dd dir="auto">{experientialAim}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

/** Cards on the board (not waiting for a round), in the order they reached it. */
function boardCards(state: WorkshopState): Card[] {
  const ids = [...state.unclustered, ...state.themes.flatMap((theme) => theme.cardIds)];
  return ids.flatMap((id) => {
    const card = state.cards.get(id);
    return card && card.stage === undefined ? [card] : [];
  });
}

/** The brainstorm: the round's prompt and its cards once revealed, or the newest cards. */
function Brainstorm({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const cards = boardCards(state);
  if (state.settings.brainstormMode === "open") {
    const latest = [...state.unclustered]
      .reverse()
      .flatMap((id) => {
        const card = state.cards.get(id);
        return card && card.stage === undefined ? [card] : [];
      })
      .slice(0, LATEST_CARDS);
    return (
      <section className="present-cards-section" aria-label={t("present.latest")}>
        <p className="present-section-title">
          {t("present.latest")} <span className="present-count">{t("present.onWall", { count: cards.length })}</span>
        </p>
        <CardWall cards={latest} state={state} freshIds={new Set(latest.slice(0, 3).map((card) => card.id))} />
      </section>
    );
  }
  const roundIndex = state.rounds.findIndex((round) => round.id === state.activeRoundId);
  const round = state.rounds[roundIndex];
  const lastRevealed = [...state.rounds].reverse().find((candidate) => candidate.revealed);
  const fresh = new Set(cards.filter((card) => card.roundId === lastRevealed?.id).map((card) => card.id));
  return (
    <section className="present-cards-section">
      {round ? (
        <RoundBanner state={state} round={round} number={roundIndex + 1} />
      ) : (
        <p className="present-prompt">{t("present.noRound")}</p>
      )}
      <p className="present-section-title">
        {t("present.revealed")} <span className="present-count">{t("present.onWall", { count: cards.length })}</span>
      </p>
      <CardWall cards={cards} state={state} freshIds={fresh} />
    </section>
  );
}

function RoundBanner({ state, round, number }: { state: WorkshopState; round: Round; number: number }) {
  const { t } = useTranslation();
  const sent = [...state.cards.values()].filter(
    (card) => card.roundId === round.id && card.stage === "submitted",
  ).length;
  return (
    <div className="present-round">
      <p className="present-round-number">{t("present.round", { number })}</p>
      <p className="present-prompt" dir="auto">
        {round.prompt || t("present.noPrompt")}
      </p>
      {!round.revealed && (
        <p className="present-round-progress">
          {state.settings.useTables && state.tables.length > 0
            ? t("present.tablesReady", { ready: round.readyTableIds.length, count: state.tables.length })
            : t("present.cardsSent", { count: sent })}
        </p>
      )}
    </div>
  );
}

function CardWall({ cards, state, freshIds }: { cards: readonly Card[]; state: WorkshopState; freshIds: Set<string> }) {
  const { t } = useTranslation();
  if (cards.length === 0) return <p className="present-empty">{t("present.noCards")}</p>;
  const { showAuthors } = privacySettings(state.settings);
  return (
    <ul className="present-wall">
      {cards.map((card) => (
        <li key={card.id} className={`board-card present-wall-card${freshIds.has(card.id) ? " present-fresh" : ""}`}>
          <CardText text={card.text} footnotes={state.footnotes} />
          {showAuthors && card.author && <CardAuthor name={card.author} />}
        </li>
      ))}
    </ul>
  );
}

/** The code and QR code to join; large before the board takes the screen, a corner card after. */
function JoinPanel({ url, code, compact }: { url: string; code: string; compact: boolean }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    let current = true;
    QRCode.toString(url, {
      type: "svg",
      margin: 1,
      errorCorrectionLevel: "M",
      color: { dark: "#1d2330", light: "#ffffff" },
    })
      .then((svg) => {
        // An <img> of a data: URL: the SVG is ours, but it is never put into the page as markup.
        if (current) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (current) setQr(undefined);
      });
    return () => {
      current = false;
    };
  }, [url]);
  // What people type: the join link's own address, without the scheme and the code.
  const { host } = new URL(url);
  return (
    <aside className={`present-join${compact ? " present-join-compact" : ""}`} aria-label={t("present.joinTitle")}>
      {qr && <img className="present-qr" src={qr} alt={t("present.qrAlt", { url })} />}
      <div className="present-join-text">
        <p className="present-join-title">{t("present.joinTitle")}</p>
        <p className="present-join-url">
          {t("present.goTo")} <strong>{host}/join</strong>
        </p>
        <p className="present-join-code-label">{t("present.code")}</p>
        <p className="present-join-code" data-testid="present-join-code">
          {code}
        </p>
      </div>
    </aside>
  );
}

function PeopleIcon() {
  return (
    <svg
      aria-hidden="true"
      className="present-people-icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="currentColor"
    >
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2 20c0-3.9 3.1-6.5 7-6.5s7 2.6 7 6.5z" />
      <circle cx="17" cy="9" r="2.8" />
      <path d="M15.5 14.1c.5-.1 1-.1 1.5-.1 3 0 5 2.1 5 5.2V20h-4.6c0-2.4-.7-4.4-1.9-5.9z" />
    </svg>
  );
}
