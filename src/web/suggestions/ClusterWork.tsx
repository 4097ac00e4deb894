import { useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { Actor, Command, WorkshopState } from "../../core/index.js";
import { BoardView } from "../board/BoardView.js";
import { snippet } from "../board/CardDialog.js";
import { useSymbolName } from "../board/ColumnSymbol.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import { newId } from "../newId.js";
import { requestProblem } from "../problems.js";
import { fetchClusters, fetchDuplicates, fetchPlacements } from "./api.js";
import { SuggestPanel } from "./SuggestPanel.js";
import {
  acceptCommands,
  boardSignature,
  type ClusterProposal,
  cardsSignature,
  columnsWithCards,
  duplicateFlags,
  fitHints,
  mergeCommand,
} from "./suggestions.js";
import { useCardExtra } from "./useCardExtra.js";
import { refreshDelay, useDismissedPairs, useRefreshedSuggestion } from "./useSuggestion.js";
import "./suggestions.css";

type Proposal =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "shown"; proposal: ClusterProposal; accepted: ReadonlySet<number> };

/**
 * The console's board in the brainstorm and cluster phases, with the theme suggestions around it:
 * "Suggest columns" and its proposal beside the board (cluster phase), "Fits" hints on the pile's
 * cards, and a flag on each card that repeats an earlier one. Every suggestion is a preview; the
 * board changes only through the facilitator's clicks, with the same undoable commands as by hand.
 */
export function ClusterWork(props: {
  state: WorkshopState;
  actor: Actor;
  send: (command: Command) => void;
  /** Where the proposal goes (the console's side column); beside the board here without it. */
  side?: HTMLElement | null | undefined;
  /** The board ends at the window's bottom (the console clustering on the whole width). */
  fitToWindow?: boolean;
}) {
  const { state, actor, send, side, fitToWindow = false } = props;
  const { t } = useTranslation();
  const symbolName = useSymbolName();
  const { symbol } = useColumnLabel(state);
  const [proposal, setProposal] = useState<Proposal>({ status: "idle" });
  const [notice, setNotice] = useState("");
  const suggestButton = useRef<HTMLButtonElement>(null);
  const [dismissed, dismissPair] = useDismissedPairs(state.id);
  const clustering = state.phase === "cluster";

  const cardsKey = useMemo(() => cardsSignature(state), [state]);
  const boardKey = useMemo(() => boardSignature(state), [state]);
  const delay = refreshDelay(state.cards.size);
  const placements = useRefreshedSuggestion(
    state.id,
    boardKey,
    fetchPlacements,
    clustering && columnsWithCards(state).size > 1 && state.unclustered.length > 0,
    delay,
  );
  const duplicates = useRefreshedSuggestion(state.id, cardsKey, fetchDuplicates, true, delay);
  const hints = useMemo(() => fitHints(state, placements), [state, placements]);
  const flags = useMemo(() => duplicateFlags(state, duplicates, dismissed), [state, duplicates, dismissed]);

  // A card that arrives repeating another is announced once, politely (not those found on opening).
  const announced = useRef<ReadonlySet<string> | undefined>(undefined);
  const answered = duplicates !== undefined;
  useEffect(() => {
    if (!answered) return;
    const before = announced.current;
    announced.current = new Set(flags.keys());
    if (!before) return;
    const arrived = [...flags.keys()].filter((cardId) => !before.has(cardId));
    const first = arrived[0];
    if (first !== undefined)
      setNotice(t("suggestions.duplicateArrived", { text: snippet(state.cards.get(first)?.text ?? "", 60) }));
  }, [answered, flags, state.cards, t]);

  const suggest = () => {
    setProposal({ status: "loading" });
    fetchClusters(state.id).then(
      (answer) => {
        setProposal({ status: "shown", proposal: answer, accepted: new Set() });
        setNotice(t("suggestions.proposed", { count: answer.themes.length }));
      },
      (failure: unknown) => setProposal({ status: "failed", message: requestProblem(t, failure) }),
    );
  };
  const accept = (indices: readonly number[]) => {
    if (proposal.status !== "shown") return;
    let moved = 0;
    let added = 0;
    for (const index of indices) {
      if (proposal.accepted.has(index)) continue;
      const column = proposal.proposal.themes[index];
      if (!column) continue;
      const commands = acceptCommands(state, column, newId());
      for (const command of commands) {
        send(command);
        added += 1;
        moved += command.type === "createTheme" ? (command.cardIds?.length ?? 0) : 0;
      }
    }
    setProposal({ ...proposal, accepted: new Set([...proposal.accepted, ...indices]) });
    setNotice(t("suggestions.acceptedNotice", { count: added, cards: t("board.cardCount", { count: moved }) }));
  };

  const cardExtra = useCardExtra({
    state,
    hints,
    flags,
    symbol,
    symbolName,
    onMerge: (cardId, earlierId) => {
      send(mergeCommand(cardId, earlierId));
      setNotice(t("suggestions.merged"));
    },
    onDismiss: dismissPair,
  });

  // On the board's own toolbar row: the board keeps the height.
  const suggestBar = clustering && (
    <div className="suggest-bar">
      <button
        ref={suggestButton}
        type="button"
        onClick={suggest}
        disabled={proposal.status === "loading"}
        aria-describedby="suggest-hint"
        data-testid="suggest-columns"
      >
        {proposal.status === "loading" ? t("suggestions.suggesting") : t("suggestions.suggest")}
      </button>
      <span id="suggest-hint" className="muted suggest-hint">
        {t("suggestions.hint")}
      </span>
      {proposal.status === "failed" && (
        <p role="alert" className="error">
          {t("suggestions.failed", { reason: proposal.message })}
        </p>
      )}
    </div>
  );
  const shown = proposal.status === "shown" ? proposal : undefined;
  const panel = shown && (
    <SuggestPanel
      state={state}
      proposal={shown.proposal}
      accepted={shown.accepted}
      onAccept={(index) => accept([index])}
      onAcceptAll={() => accept(shown.proposal.themes.map((_, index) => index))}
      onDismiss={() => {
        setProposal({ status: "idle" });
        suggestButton.current?.focus();
      }}
    />
  );
  return (
    <div className={`suggest-layout${panel && !side ? " suggest-layout-open" : ""}`}>
      <div className="suggest-main">
        <BoardView
          state={state}
          actor={actor}
          send={send}
          variant="console"
          cardExtra={cardExtra}
          fitToWindow={fitToWindow}
          toolbarExtra={suggestBar}
        />
      </div>
      {panel && (side ? createPortal(panel, side) : panel)}
      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
