import type { Command } from "./commands.js";
import type { DomainEvent } from "./events.js";
import { LIMITS } from "./limits.js";
import { type Actor, type Card, findTheme, locateCard, type WorkshopState } from "./model.js";
import { isAllowed } from "./permissions.js";
import { assertNever, fail, ok, type Result } from "./result.js";

/**
 * Turns a validated command into the events it causes, or says why it cannot be done.
 * Pure: the same state, command and actor always give the same answer.
 */
export function decide(state: WorkshopState, command: Command, actor: Actor): Result<DomainEvent[]> {
  if (!isAllowed(command.type, actor.role, state.phase)) {
    return fail("forbidden", `A ${actor.role} may not ${command.type} in the ${state.phase} phase`);
  }
  switch (command.type) {
    case "updateContext": {
      const previous = Object.fromEntries(
        Object.keys(command.patch).map((key) => [key, state.context[key as keyof typeof command.patch]]),
      );
      return ok([{ type: "contextUpdated", patch: command.patch, previous }]);
    }
    case "updateSettings": {
      const previous = Object.fromEntries(
        Object.keys(command.patch).map((key) => [key, state.settings[key as keyof typeof command.patch]]),
      );
      return ok([{ type: "settingsUpdated", patch: command.patch, previous }]);
    }
    case "setPhase":
      if (command.phase === state.phase) return fail("conflict", `Already in the ${state.phase} phase`);
      return ok([{ type: "phaseChanged", phase: command.phase, previous: state.phase }]);
    case "joinWorkshop": {
      const previous = state.participants[actor.id];
      const participant = {
        id: actor.id,
        name: command.name,
        ...(command.group ? { group: command.group } : {}),
      };
      return ok([{ type: "participantJoined", participant, ...(previous ? { previous } : {}) }]);
    }
    case "addCard":
      return decideAddCard(state, command, actor);
    case "editCard": {
      const card = ownCard(state, command.cardId, actor);
      if (!card.ok) return card;
      if (card.value.text === command.text) return ok([]);
      return ok([{ type: "cardEdited", cardId: command.cardId, text: command.text, previous: card.value.text }]);
    }
    case "removeCard": {
      const card = ownCard(state, command.cardId, actor);
      if (!card.ok) return card;
      const place = locateCard(state, command.cardId);
      if (!place) return fail("not_found", `Card ${command.cardId} is not on the board`);
      return ok([{ type: "cardRemoved", card: card.value, place }]);
    }
    case "moveCard":
      return decideMoveCard(state, command, actor);
    case "createTheme": {
      if (findTheme(state, command.themeId)) return fail("conflict", `Theme ${command.themeId} already exists`);
      if (state.themes.length >= LIMITS.themesPerWorkshop) return fail("invalid", "Too many themes");
      const theme = {
        id: command.themeId,
        name: command.name ?? "",
        keyPoints: [],
        headline: "",
        narrative: "",
        cardIds: [],
      };
      const index = Math.min(command.index ?? state.themes.length, state.themes.length);
      return ok([{ type: "themeCreated", theme, index }]);
    }
    case "deleteTheme": {
      const index = state.themes.findIndex((theme) => theme.id === command.themeId);
      const theme = state.themes[index];
      if (!theme) return fail("not_found", `Theme ${command.themeId} does not exist`);
      return ok([{ type: "themeDeleted", theme, index }]);
    }
    case "moveTheme": {
      const from = state.themes.findIndex((theme) => theme.id === command.themeId);
      if (from < 0) return fail("not_found", `Theme ${command.themeId} does not exist`);
      const to = Math.min(command.toIndex, state.themes.length - 1);
      if (to === from) return ok([]);
      return ok([{ type: "themeMoved", themeId: command.themeId, from, to }]);
    }
    case "mergeThemes": {
      if (command.sourceThemeId === command.targetThemeId) return fail("invalid", "A theme cannot merge into itself");
      const sourceIndex = state.themes.findIndex((theme) => theme.id === command.sourceThemeId);
      const source = state.themes[sourceIndex];
      if (!source) return fail("not_found", `Theme ${command.sourceThemeId} does not exist`);
      if (!findTheme(state, command.targetThemeId))
        return fail("not_found", `Theme ${command.targetThemeId} does not exist`);
      return ok([{ type: "themesMerged", source, sourceIndex, targetThemeId: command.targetThemeId }]);
    }
    case "nameTheme":
      return withTheme(state, command.themeId, (theme) =>
        theme.name === command.name.trim()
          ? []
          : [{ type: "themeNamed", themeId: theme.id, name: command.name.trim(), previous: theme.name }],
      );
    case "setKeyPoints":
      return withTheme(state, command.themeId, (theme) => [
        { type: "keyPointsSet", themeId: theme.id, keyPoints: command.keyPoints, previous: theme.keyPoints },
      ]);
    case "setHeadline":
      return withTheme(state, command.themeId, (theme) =>
        theme.headline === command.headline
          ? []
          : [{ type: "headlineSet", themeId: theme.id, headline: command.headline, previous: theme.headline }],
      );
    case "setNarrative":
      return withTheme(state, command.themeId, (theme) =>
        theme.narrative === command.narrative
          ? []
          : [{ type: "narrativeSet", themeId: theme.id, narrative: command.narrative, previous: theme.narrative }],
      );
    case "setFootnote": {
      const previous = state.footnotes.find((footnote) => footnote.mark === command.mark);
      const footnote = { mark: command.mark, text: command.text };
      return ok([{ type: "footnoteSet", footnote, ...(previous ? { previous } : {}) }]);
    }
    case "removeFootnote": {
      const index = state.footnotes.findIndex((footnote) => footnote.mark === command.mark);
      const footnote = state.footnotes[index];
      if (!footnote) return fail("not_found", `Footnote ${command.mark} does not exist`);
      return ok([{ type: "footnoteRemoved", footnote, index }]);
    }
    case "castVote":
      return decideCastVote(state, command, actor);
    default:
      return assertNever(command);
  }
}

type CommandOf<T extends Command["type"]> = Extract<Command, { type: T }>;

function decideAddCard(state: WorkshopState, command: CommandOf<"addCard">, actor: Actor): Result<DomainEvent[]> {
  if (state.cards[command.cardId]) return fail("conflict", `Card ${command.cardId} already exists`);
  if (Object.keys(state.cards).length >= LIMITS.cardsPerWorkshop)
    return fail("invalid", "This workshop holds the most cards it can");
  if (actor.role === "participant" && command.text.length > state.settings.cardMaxLength) {
    return fail("invalid", `A card holds at most ${state.settings.cardMaxLength} characters`);
  }
  if (actor.role === "participant" && command.themeId)
    return fail("forbidden", "Participants add cards to the unclustered pile");
  const theme = command.themeId ? findTheme(state, command.themeId) : undefined;
  if (command.themeId && !theme) return fail("not_found", `Theme ${command.themeId} does not exist`);
  const author = actor.role === "participant" ? state.participants[actor.id] : undefined;
  const card: Card = { id: command.cardId, text: command.text };
  if (actor.role === "participant") card.authorId = actor.id;
  if (author?.name && !state.settings.anonymousCards) card.author = author.name;
  if (author?.group) card.group = author.group;
  const place = theme
    ? { themeId: theme.id, index: theme.cardIds.length }
    : { themeId: null, index: state.unclustered.length };
  return ok([{ type: "cardAdded", card, place }]);
}

function decideMoveCard(state: WorkshopState, command: CommandOf<"moveCard">, actor: Actor): Result<DomainEvent[]> {
  if (actor.role === "participant" && !state.settings.participantsMayMoveCards) {
    return fail("forbidden", "The facilitator has not let participants move cards");
  }
  const from = locateCard(state, command.cardId);
  if (!from) return fail("not_found", `Card ${command.cardId} is not on the board`);
  const target = command.toThemeId === null ? state.unclustered : findTheme(state, command.toThemeId)?.cardIds;
  if (!target) return fail("not_found", `Theme ${command.toThemeId} does not exist`);
  // Indices from other clients go stale under concurrent moves, so clamp rather than refuse.
  const lengthWithoutCard = from.themeId === command.toThemeId ? target.length - 1 : target.length;
  const to = { themeId: command.toThemeId, index: Math.min(command.toIndex, lengthWithoutCard) };
  if (to.themeId === from.themeId && to.index === from.index) return ok([]);
  return ok([{ type: "cardMoved", cardId: command.cardId, from, to }]);
}

function decideCastVote(state: WorkshopState, command: CommandOf<"castVote">, actor: Actor): Result<DomainEvent[]> {
  if (!findTheme(state, command.themeId)) return fail("not_found", `Theme ${command.themeId} does not exist`);
  const { voteBudget, votesPerThemeCap } = state.settings;
  if (command.count > votesPerThemeCap) return fail("invalid", `At most ${votesPerThemeCap} votes on one theme`);
  const mine = state.votes.filter((vote) => vote.voterId === actor.id);
  const previous = mine.find((vote) => vote.themeId === command.themeId)?.count ?? 0;
  const elsewhere = mine.reduce((sum, vote) => sum + vote.count, 0) - previous;
  if (elsewhere + command.count > voteBudget) return fail("invalid", `Each person has ${voteBudget} votes`);
  if (previous === command.count) return ok([]);
  return ok([
    { type: "voteCast", vote: { voterId: actor.id, themeId: command.themeId, count: command.count }, previous },
  ]);
}

/** Participants may only touch their own cards; the facilitator may touch any. */
function ownCard(state: WorkshopState, cardId: string, actor: Actor): Result<Card> {
  const card = state.cards[cardId];
  if (!card) return fail("not_found", `Card ${cardId} does not exist`);
  if (actor.role === "participant" && card.authorId !== actor.id)
    return fail("forbidden", "You can only change your own cards");
  return ok(card);
}

function withTheme(
  state: WorkshopState,
  themeId: string,
  events: (theme: NonNullable<ReturnType<typeof findTheme>>) => DomainEvent[],
): Result<DomainEvent[]> {
  const theme = findTheme(state, themeId);
  if (!theme) return fail("not_found", `Theme ${themeId} does not exist`);
  return ok(events(theme));
}
