import { useTranslation } from "react-i18next";
import { type Actor, type Command, isAllowed, type WorkshopState } from "../../core/index.js";
import type { Refusal } from "../live/refusals.js";
import { newId } from "../newId.js";
import { IdeaComposer } from "./IdeaComposer.js";
import { MyCards } from "./MyCards.js";
import { boardHasCards, ParticipantBoard } from "./ParticipantBoard.js";
import { RoundBanner } from "./RoundBanner.js";
import { TableCandidates } from "./TableCandidates.js";
import type { SentCard } from "./useSentCards.js";

/**
 * The brainstorm on a phone. Open mode: write, and each card goes up on the wall. Rounds mode:
 * write for the active round; cards wait for the reveal. Table mode (rounds, tables, and a seat
 * at one): write privately, then the table ticks the cards it sends together.
 */
export function BrainstormPanel(props: {
  state: WorkshopState;
  actor: Actor;
  send: (command: Command) => void;
  waiting: SentCard[];
  onCardSent: (card: SentCard) => void;
  lastError: Refusal | undefined;
}) {
  const { t } = useTranslation();
  const { state, actor, send } = props;
  const rounds = state.settings.brainstormMode === "rounds";
  const round = rounds ? state.rounds.find((candidate) => candidate.id === state.activeRoundId) : undefined;
  const roundNumber = round ? state.rounds.indexOf(round) + 1 : 0;
  const tableId = rounds && state.settings.useTables ? state.participants[actor.id]?.tableId : undefined;
  const table = tableId ? state.tables.find((candidate) => candidate.id === tableId) : undefined;
  const roundOpen = !rounds || (round !== undefined && !round.revealed);
  const tableReady = Boolean(round && table && round.readyTableIds.includes(table.id));
  // A card written after the round's reveal, or after the table has sent, would never reach the
  // wall, so the composer steps aside until the next round.
  const canWrite = roundOpen && !tableReady && isAllowed("addCard", actor.role, state.phase);

  const cards = [...state.cards.values()];
  const mine = cards.filter((card) => card.authorId === actor.id).reverse();
  const candidates =
    round && table
      ? cards.filter((card) => card.stage === "candidate" && card.tableId === table.id && card.roundId === round.id)
      : [];
  const current = rounds ? mine.filter((card) => round !== undefined && card.roundId === round.id) : mine;
  const earlier = rounds ? mine.filter((card) => round === undefined || card.roundId !== round.id) : [];
  const sentThisRound = round ? current.length + props.waiting.length : 0;

  const handleSubmit = (text: string) => {
    // The id is chosen once, here: the command keeps it in the outbox, so a resend after a
    // dropped connection names the same card and the server adds it once.
    const cardId = newId();
    send({ type: "addCard", cardId, text });
    props.onCardSent({ id: cardId, text });
  };

  return (
    <>
      {rounds && (
        <RoundBanner round={round} number={roundNumber} tableMode={Boolean(table)} sentThisRound={sentThisRound} />
      )}
      {canWrite && (
        <IdeaComposer
          maxLength={state.settings.cardMaxLength}
          label={table ? t("participant.composer.labelTable") : t("participant.composer.label")}
          hint={
            table
              ? t("participant.composer.hintTable")
              : rounds
                ? t("participant.composer.hintRounds")
                : t("participant.composer.hintOpen")
          }
          onSubmit={handleSubmit}
        />
      )}
      {/* After the reveal the cards are on the wall: "they go up when revealed" would contradict it. */}
      {tableReady && roundOpen && (
        <section className="participant-notice is-success" aria-label={t("participant.table.sentTitle")}>
          <p className="participant-notice-title">{t("participant.table.sentTitle")}</p>
          <p>{t("participant.table.sentHint")}</p>
        </section>
      )}
      <MyCards
        cards={current}
        earlier={earlier}
        waiting={props.waiting}
        editable={isAllowed("editCard", actor.role, state.phase)}
        maxLength={state.settings.cardMaxLength}
        send={send}
      />
      {table && round && roundOpen && !tableReady && (
        <TableCandidates
          key={round.id}
          tableId={table.id}
          tableName={table.name}
          round={round}
          candidates={candidates}
          myId={actor.id}
          send={send}
          lastError={props.lastError}
        />
      )}
      {boardHasCards(state) && (
        <section className="participant-section" aria-labelledby="participant-wall-title">
          <h2 id="participant-wall-title" className="participant-section-title">
            {t("participant.wall.title")}
          </h2>
          <ParticipantBoard state={state} actor={actor} send={send} />
        </section>
      )}
    </>
  );
}
