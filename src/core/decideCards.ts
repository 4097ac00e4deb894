import type { Command } from "./commands.js";
import type { DomainEvent } from "./events.js";
import { LIMITS } from "./limits.js";
import { type Actor, type Card, type CardPlace, entry, findTheme, locateCard, type WorkshopState } from "./model.js";
import { nextCardPace } from "./quotas.js";
import { fail, ok, type Result } from "./result.js";

/** The deciders of the commands that add, merge, move and submit cards (see decide.ts). */

export type CommandOf<T extends Command["type"]> = Extract<Command, { type: T }>;

export function decideAddCard(
  state: WorkshopState,
  command: CommandOf<"addCard">,
  actor: Actor,
  now: string | undefined,
): Result<DomainEvent[]> {
  if (state.cards.get(command.cardId))
    return fail("cardExists", `Card ${command.cardId} already exists`, { cardId: command.cardId });
  if (state.cards.size >= LIMITS.cardsPerWorkshop)
    return fail("workshopFull", "This workshop holds the most cards it can", { max: LIMITS.cardsPerWorkshop });
  if (actor.role === "participant" && command.text.length > state.settings.cardMaxLength) {
    return fail("cardTooLong", `A card holds at most ${state.settings.cardMaxLength} characters`, {
      max: state.settings.cardMaxLength,
    });
  }
  if (actor.role === "participant" && command.themeId)
    return fail("participantCardToPile", "Participants add cards to the unclustered pile");
  const paced = actor.role === "participant" ? nextCardPace(state, actor, now) : ok(undefined);
  if (!paced.ok) return paced;
  const pace = paced.value ? { pace: paced.value } : {};
  const theme = command.themeId ? findTheme(state, command.themeId) : undefined;
  if (command.themeId && !theme)
    return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
  const author = actor.role === "participant" ? entry(state.participants, actor.id) : undefined;
  const card: Card = { id: command.cardId, text: command.text };
  if (actor.role === "participant") card.authorId = actor.id;
  if (author?.name && !state.settings.anonymousCards) card.author = author.name;
  if (author?.group) card.group = author.group;
  // In rounds mode a participant's card waits off the board: for its table to pick it, then
  // for the facilitator to reveal the round. The facilitator's own cards (paper cards typed in)
  // go straight to the board.
  if (actor.role === "participant" && state.settings.brainstormMode === "rounds") {
    const round = state.rounds.find((candidate) => candidate.id === state.activeRoundId);
    if (!round || round.revealed) return fail("waitForRound", "Wait for the facilitator to start a round");
    card.roundId = round.id;
    const tableId = state.settings.useTables ? author?.tableId : undefined;
    if (tableId && round.readyTableIds.includes(tableId))
      return fail("tableSentCards", "Your table has sent its cards for this round");
    if (tableId) card.tableId = tableId;
    card.stage = tableId ? "candidate" : "submitted";
    return ok([{ type: "cardAdded", card, place: null, ...pace }]);
  }
  const place = theme
    ? { themeId: theme.id, index: theme.cardIds.length }
    : { themeId: null, index: state.unclustered.length };
  return ok([{ type: "cardAdded", card, place, ...pace }]);
}

export function decideSubmitTableCards(
  state: WorkshopState,
  command: CommandOf<"submitTableCards">,
  actor: Actor,
): Result<DomainEvent[]> {
  if (actor.role === "participant" && entry(state.participants, actor.id)?.tableId !== command.tableId) {
    return fail("notAtTable", "Only people at this table can submit its cards", { tableId: command.tableId });
  }
  const round = state.rounds.find((candidate) => candidate.id === state.activeRoundId);
  if (!round) return fail("noRoundOpen", "No round is open");
  if (round.readyTableIds.includes(command.tableId))
    return fail("tableAlreadySubmitted", "This table has already sent its cards", { tableId: command.tableId });
  const candidates = [...state.cards.values()].filter(
    (card) => card.stage === "candidate" && card.tableId === command.tableId && card.roundId === round.id,
  );
  const chosen = new Set(command.cardIds);
  if (chosen.size !== command.cardIds.length) return fail("cardChosenTwice", "A card is chosen twice");
  for (const cardId of chosen) {
    if (!candidates.some((card) => card.id === cardId))
      return fail("notTableCard", `Card ${cardId} is not one of this table's cards`, { cardId });
  }
  if (round.perTable !== null && chosen.size > round.perTable) {
    return fail("tooManyTableCards", `This round asks each table for ${round.perTable} cards at most`, {
      max: round.perTable,
    });
  }
  const discarded = candidates.filter((card) => !chosen.has(card.id));
  return ok([
    { type: "tableCardsSubmitted", tableId: command.tableId, roundId: round.id, cardIds: command.cardIds, discarded },
  ]);
}

export function decideMergeCards(state: WorkshopState, command: CommandOf<"mergeCards">): Result<DomainEvent[]> {
  if (command.sourceCardId === command.targetCardId) return fail("cardMergeSelf", "A card cannot merge into itself");
  const source = state.cards.get(command.sourceCardId);
  const target = state.cards.get(command.targetCardId);
  const sourcePlace = locateCard(state, command.sourceCardId);
  if (!source || !sourcePlace)
    return fail("cardNotOnBoard", `Card ${command.sourceCardId} is not on the board`, { cardId: command.sourceCardId });
  if (!target || !locateCard(state, command.targetCardId))
    return fail("cardNotOnBoard", `Card ${command.targetCardId} is not on the board`, { cardId: command.targetCardId });
  // Both texts are kept, one per line: merging says "these are one idea", not "drop one".
  const text = `${target.text}\n${source.text}`;
  if (text.length > LIMITS.cardText)
    return fail("mergedCardTooLong", "The merged card would be too long", { max: LIMITS.cardText });
  return ok([{ type: "cardsMerged", source, sourcePlace, targetCardId: target.id, text, previous: target.text }]);
}

/**
 * Where each card stands as the ones before it leave: moved back in reverse order to these
 * places, they rebuild the board exactly (what undo of a new column with cards does).
 */
export function gatherCards(
  state: WorkshopState,
  cardIds: readonly string[],
): Result<{ cardId: string; from: CardPlace }[]> {
  if (new Set(cardIds).size !== cardIds.length) return fail("cardListedTwice", "A card is listed twice");
  const lanes = new Map<string | null, string[]>();
  const gathered: { cardId: string; from: CardPlace }[] = [];
  for (const cardId of cardIds) {
    const place = locateCard(state, cardId);
    if (!place) return fail("cardNotOnBoard", `Card ${cardId} is not on the board`, { cardId });
    const lane = lanes.get(place.themeId) ?? [
      ...(place.themeId === null ? state.unclustered : (findTheme(state, place.themeId)?.cardIds ?? [])),
    ];
    lanes.set(place.themeId, lane);
    const index = lane.indexOf(cardId);
    lane.splice(index, 1);
    gathered.push({ cardId, from: { themeId: place.themeId, index } });
  }
  return ok(gathered);
}

export function decideMoveCard(
  state: WorkshopState,
  command: CommandOf<"moveCard">,
  actor: Actor,
): Result<DomainEvent[]> {
  if (actor.role === "participant" && !state.settings.participantsMayMoveCards) {
    return fail("cardsNotMovable", "The facilitator has not let participants move cards");
  }
  const from = locateCard(state, command.cardId);
  if (!from) return fail("cardNotOnBoard", `Card ${command.cardId} is not on the board`, { cardId: command.cardId });
  const target = command.toThemeId === null ? state.unclustered : findTheme(state, command.toThemeId)?.cardIds;
  if (!target)
    return fail("themeNotFound", `Theme ${command.toThemeId} does not exist`, { themeId: String(command.toThemeId) });
  // Indices from other clients go stale under concurrent moves, so clamp rather than refuse.
  const lengthWithoutCard = from.themeId === command.toThemeId ? target.length - 1 : target.length;
  const to = { themeId: command.toThemeId, index: Math.min(command.toIndex, lengthWithoutCard) };
  if (to.themeId === from.themeId && to.index === from.index) return ok([]);
  return ok([{ type: "cardMoved", cardId: command.cardId, from, to }]);
}

/** Participants may only touch their own cards; the facilitator may touch any. */
export function ownCard(state: WorkshopState, cardId: string, actor: Actor): Result<Card> {
  const card = state.cards.get(cardId);
  if (!card) return fail("cardNotFound", `Card ${cardId} does not exist`, { cardId });
  if (actor.role === "participant" && card.authorId !== actor.id)
    return fail("notYourCard", "You can only change your own cards");
  return ok(card);
}
