import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Actor, WorkshopState } from "../../core/index.js";

/** New cards are gathered this long, then told in one sentence ("5 new cards"). */
const GATHER_MS = 5000;
/** A sentence stays this long, then goes, so that the same one can be told again later. */
const SHOW_FOR_MS = 4000;

/** Cards on the board (not waiting for a round) that someone else wrote. */
function othersCards(state: WorkshopState, actor: Actor): string[] {
  return (
    [...state.cards.values()]
      .filter((card) => card.stage === undefined)
      // A facilitator types paper cards in themselves (no author): those are not news to them.
      .filter((card) => (actor.role === "facilitator" ? card.authorId !== undefined : card.authorId !== actor.id))
      .map((card) => card.id)
  );
}

/**
 * A polite, visually hidden live region for what changes while a screen reader user works on
 * something else: cards others add (gathered, so a burst or a revealed round is one sentence)
 * and, with `phases`, the phase. Nothing is said on the first render.
 */
export function LiveAnnouncer({ state, actor, phases }: { state: WorkshopState; actor: Actor; phases: boolean }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  const seen = useRef<Set<string> | undefined>(undefined);
  const waiting = useRef(0);
  const gathering = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const phase = useRef(state.phase);

  const cardIds = othersCards(state, actor);
  const cardKey = cardIds.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `cardKey` stands for `cardIds`.
  useEffect(() => {
    if (!seen.current) {
      seen.current = new Set(cardIds);
      return;
    }
    const known = seen.current;
    const fresh = cardIds.filter((id) => !known.has(id));
    for (const id of fresh) known.add(id);
    if (fresh.length === 0) return;
    waiting.current += fresh.length;
    gathering.current ??= setTimeout(() => {
      gathering.current = undefined;
      setMessage(t("announce.newCards", { count: waiting.current }));
      waiting.current = 0;
    }, GATHER_MS);
  }, [cardKey, t]);

  useEffect(() => {
    if (state.phase === phase.current) return;
    phase.current = state.phase;
    if (phases) setMessage(t("announce.phase", { phase: t(`phase.${state.phase}`) }));
  }, [state.phase, phases, t]);

  useEffect(() => {
    if (!message) return;
    const timeout = setTimeout(() => setMessage(""), SHOW_FOR_MS);
    return () => clearTimeout(timeout);
  }, [message]);

  useEffect(
    () => () => {
      clearTimeout(gathering.current);
      gathering.current = undefined;
    },
    [],
  );

  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="live-announcer">
      {message}
    </p>
  );
}
