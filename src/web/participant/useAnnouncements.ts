import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkshopState } from "../../core/index.js";
import { isolate } from "../isolate.js";
import type { ConnectionStatus } from "../live/liveClient.js";

const SHOW_FOR_MS = 6000;

interface Seen {
  phase: WorkshopState["phase"];
  roundId: string | null;
  roundRevealed: boolean;
  status: ConnectionStatus;
}

/**
 * One short sentence when something the participant should notice changes: the phase, a new
 * round, a reveal, the connection lost or back. Only changes after the first render are told,
 * and the newest wins, so a burst of events makes one announcement, not a flood. The reconnect
 * back-off flips between "offline" and "connecting"; only leaving and regaining "live" count.
 */
export function useAnnouncements(state: WorkshopState | undefined, status: ConnectionStatus | undefined): string {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  const seen = useRef<Seen | undefined>(undefined);
  const lostConnection = useRef(false);

  const phase = state?.phase;
  const round = state?.rounds.find((candidate) => candidate.id === state.activeRoundId);
  const roundId = round?.id ?? null;
  const roundRevealed = round?.revealed ?? false;
  const roundNumber = state && round ? state.rounds.indexOf(round) + 1 : 0;
  const roundPrompt = round?.prompt ?? "";

  useEffect(() => {
    if (!phase || !status) return;
    const previous = seen.current;
    seen.current = { phase, roundId, roundRevealed, status };
    if (!previous) return;
    let next = "";
    if (previous.status === "live" && status !== "live" && !lostConnection.current) {
      lostConnection.current = true;
      next = t("participant.announce.offline");
    } else if (status === "live" && lostConnection.current) {
      lostConnection.current = false;
      next = t("participant.announce.online");
    }
    if (phase !== previous.phase) {
      next = t("participant.announce.phase", { phase: t(`phase.${phase}`) });
    } else if (roundId && roundId !== previous.roundId) {
      next = roundPrompt
        ? t("participant.announce.round", { number: roundNumber, prompt: isolate(roundPrompt) })
        : t("participant.announce.roundNoPrompt", { number: roundNumber });
    } else if (roundId && roundRevealed && !previous.roundRevealed) {
      next = t("participant.announce.revealed", { number: roundNumber });
    }
    if (next) setMessage(next);
  }, [phase, roundId, roundRevealed, roundNumber, roundPrompt, status, t]);

  useEffect(() => {
    if (!message) return;
    // Cleared so that the same sentence can be told again later, and the toast goes away.
    const timeout = setTimeout(() => setMessage(""), SHOW_FOR_MS);
    return () => clearTimeout(timeout);
  }, [message]);

  return message;
}
