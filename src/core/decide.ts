import { decideNoteFollowUp } from "./campaign.js";
import type { Command } from "./commands.js";
import {
  type CommandOf,
  decideAddCard,
  decideMergeCards,
  decideMoveCard,
  decideSubmitTableCards,
  gatherCards,
  ownCard,
} from "./decideCards.js";
import type { DomainEvent } from "./events.js";
import { decideSetInstruction } from "./instructions.js";
import { type AnyCommand, decideChangeJoinCode } from "./joinCodes.js";
import { LIMITS } from "./limits.js";
import { mergeTexts } from "./merge.js";
import { type Actor, entry, findTheme, locateCard, SYMBOL_COUNT, type WorkshopState } from "./model.js";
import { isAllowed } from "./permissions.js";
import { reduceAll } from "./reducer.js";
import { assertNever, fail, ok, type Result } from "./result.js";

/**
 * Turns a validated command into the events it causes, or says why it cannot be done.
 * Pure: the same state, command, actor and time always give the same answer. `now` (an ISO
 * timestamp) is needed only by commands that read the clock, such as starting a timer.
 */
export function decide(state: WorkshopState, command: AnyCommand, actor: Actor, now?: string): Result<DomainEvent[]> {
  if (command.type === "changeJoinCode") return decideChangeJoinCode(state, command);
  if (command.type === "noteFollowUp") return decideNoteFollowUp(state, command);
  if (!isAllowed(command.type, actor.role, state.phase)) {
    return fail("notAllowed", `A ${actor.role} may not ${command.type} in the ${state.phase} phase`, {
      role: actor.role,
      command: command.type,
      phase: state.phase,
    });
  }
  return decideCommand(state, command, actor, now);
}

/** Takes back the newest undo point by running its inverse commands against the board as it is now. */
function decideUndo(state: WorkshopState, actor: Actor, now?: string): Result<DomainEvent[]> {
  const point = state.undoStack[state.undoStack.length - 1];
  if (!point) return fail("nothingToUndo", "Nothing to undo");
  const events: DomainEvent[] = [];
  let current = state;
  for (const inverse of point.inverse) {
    const decided = decideCommand(current, inverse, actor, now);
    if (!decided.ok)
      return fail("undoStale", `The board has changed since; this step cannot be undone (${decided.error.message})`, {
        ...decided.error.params,
        cause: decided.error.reason ?? "serverFailed",
      });
    events.push(...decided.value);
    current = reduceAll(current, decided.value);
  }
  return ok([{ type: "undoApplied", events }]);
}

/** The command's events without the permission check: also the path undo takes. */
function decideCommand(state: WorkshopState, command: Command, actor: Actor, now?: string): Result<DomainEvent[]> {
  switch (command.type) {
    case "updateContext": {
      // Only what really changes: an unchanged save is no event and leaves nothing to undo.
      const changed = Object.entries(command.patch).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(state.context[key as keyof typeof command.patch]),
      );
      if (changed.length === 0) return ok([]);
      const patch = Object.fromEntries(changed) as typeof command.patch;
      const previous = Object.fromEntries(
        changed.map(([key]) => [key, state.context[key as keyof typeof command.patch]]),
      );
      return ok([{ type: "contextUpdated", patch, previous }]);
    }
    case "updateSettings": {
      const previous = Object.fromEntries(
        Object.keys(command.patch).map((key) => [key, state.settings[key as keyof typeof command.patch]]),
      );
      return ok([{ type: "settingsUpdated", patch: command.patch, previous }]);
    }
    case "setPhase":
      if (command.phase === state.phase)
        return fail("alreadyInPhase", `Already in the ${state.phase} phase`, { phase: state.phase });
      return ok([{ type: "phaseChanged", phase: command.phase, previous: state.phase }]);
    case "setInstruction":
      return ok(decideSetInstruction(state, command.phase, command.text));
    case "joinWorkshop": {
      if (command.tableId && !state.tables.some((table) => table.id === command.tableId)) {
        return fail("tableNotFound", `Table ${command.tableId} does not exist`, { tableId: command.tableId });
      }
      const previous = entry(state.participants, actor.id);
      const participant = {
        id: actor.id,
        name: command.name,
        ...(command.group ? { group: command.group } : {}),
        ...(command.tableId ? { tableId: command.tableId } : {}),
        // Changing one's name or table keeps the facilitator's invitation to co-write.
        ...(previous?.writer ? { writer: true } : {}),
      };
      return ok([{ type: "participantJoined", participant, ...(previous ? { previous } : {}) }]);
    }
    case "addCard":
      return decideAddCard(state, command, actor, now);
    case "editCard": {
      const card = ownCard(state, command.cardId, actor);
      if (!card.ok) return card;
      if (card.value.text === command.text) return ok([]);
      return ok([{ type: "cardEdited", cardId: command.cardId, text: command.text, previous: card.value.text }]);
    }
    case "removeCard": {
      const card = ownCard(state, command.cardId, actor);
      if (!card.ok) return card;
      return ok([{ type: "cardRemoved", card: card.value, place: locateCard(state, command.cardId) ?? null }]);
    }
    case "restoreCard": {
      if (state.cards.get(command.card.id))
        return fail("cardExists", `Card ${command.card.id} already exists`, { cardId: command.card.id });
      // A card that was waiting for its round goes back to waiting, off the board.
      if (command.card.stage) return ok([{ type: "cardAdded", card: command.card, place: null }]);
      const target = command.toThemeId === null ? state.unclustered : findTheme(state, command.toThemeId)?.cardIds;
      if (!target)
        return fail("themeNotFound", `Theme ${command.toThemeId} does not exist`, {
          themeId: String(command.toThemeId),
        });
      const place = { themeId: command.toThemeId, index: Math.min(command.toIndex, target.length) };
      return ok([{ type: "cardAdded", card: command.card, place }]);
    }
    case "mergeCards":
      return decideMergeCards(state, command);
    case "moveCard":
      return decideMoveCard(state, command, actor);
    case "createTheme": {
      if (findTheme(state, command.themeId))
        return fail("themeExists", `Theme ${command.themeId} already exists`, { themeId: command.themeId });
      if (state.themes.length >= LIMITS.themesPerWorkshop)
        return fail("tooManyThemes", "Too many themes", { max: LIMITS.themesPerWorkshop });
      const gathered = gatherCards(state, command.cardIds ?? []);
      if (!gathered.ok) return gathered;
      const theme = {
        id: command.themeId,
        name: command.name ?? "",
        keyPoints: [],
        headline: "",
        narrative: "",
        cardIds: gathered.value.map(({ cardId }) => cardId),
        symbol: freeSymbol(state),
      };
      const index = Math.min(command.index ?? state.themes.length, state.themes.length);
      return ok([
        { type: "themeCreated", theme, index, ...(gathered.value.length > 0 ? { gathered: gathered.value } : {}) },
      ]);
    }
    case "deleteTheme": {
      const index = state.themes.findIndex((theme) => theme.id === command.themeId);
      const theme = state.themes[index];
      if (!theme) return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      const votes = state.votes.filter((vote) => vote.themeId === theme.id);
      return ok([{ type: "themeDeleted", theme, index, votes }]);
    }
    case "moveTheme": {
      const from = state.themes.findIndex((theme) => theme.id === command.themeId);
      if (from < 0)
        return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      const to = Math.min(command.toIndex, state.themes.length - 1);
      if (to === from) return ok([]);
      return ok([{ type: "themeMoved", themeId: command.themeId, from, to }]);
    }
    case "mergeThemes": {
      if (command.sourceThemeId === command.targetThemeId)
        return fail("themeMergeSelf", "A theme cannot merge into itself");
      const sourceIndex = state.themes.findIndex((theme) => theme.id === command.sourceThemeId);
      const source = state.themes[sourceIndex];
      if (!source)
        return fail("themeNotFound", `Theme ${command.sourceThemeId} does not exist`, {
          themeId: command.sourceThemeId,
        });
      if (!findTheme(state, command.targetThemeId))
        return fail("themeNotFound", `Theme ${command.targetThemeId} does not exist`, {
          themeId: command.targetThemeId,
        });
      const votes = state.votes.filter((vote) => vote.themeId === source.id);
      return ok([{ type: "themesMerged", source, sourceIndex, targetThemeId: command.targetThemeId, votes }]);
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
    case "setHeadline": {
      if (!isWriter(state, actor)) return fail("notWriter", "The facilitator has not invited you to write");
      const theme = findTheme(state, command.themeId);
      if (!theme) return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      const headline = merged(command.base, command.headline, theme.headline);
      if (headline === undefined)
        return fail("headlineConflict", "Someone else changed this headline at the same place");
      if (headline === theme.headline) return ok([]);
      return ok([{ type: "headlineSet", themeId: theme.id, headline, previous: theme.headline }]);
    }
    case "setNarrative": {
      if (!isWriter(state, actor)) return fail("notWriter", "The facilitator has not invited you to write");
      const theme = findTheme(state, command.themeId);
      if (!theme) return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      const narrative = merged(command.base, command.narrative, theme.narrative);
      if (narrative === undefined)
        return fail("narrativeConflict", "Someone else changed this narrative at the same place");
      if (narrative === theme.narrative) return ok([]);
      return ok([{ type: "narrativeSet", themeId: theme.id, narrative, previous: theme.narrative }]);
    }
    case "setFootnote": {
      const previous = state.footnotes.find((footnote) => footnote.mark === command.mark);
      const footnote = { mark: command.mark, text: command.text };
      return ok([{ type: "footnoteSet", footnote, ...(previous ? { previous } : {}) }]);
    }
    case "removeFootnote": {
      const index = state.footnotes.findIndex((footnote) => footnote.mark === command.mark);
      const footnote = state.footnotes[index];
      if (!footnote) return fail("footnoteNotFound", `Footnote ${command.mark} does not exist`, { mark: command.mark });
      return ok([{ type: "footnoteRemoved", footnote, index }]);
    }
    case "castVote":
      if (state.voting.status !== "open") return fail("votingNotOpen", "Voting is not open");
      return decideCastVote(state, command, actor);
    case "recordVotes": {
      if (!findTheme(state, command.themeId))
        return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      const voterId = `proxy:${command.voterLabel}`;
      const previous =
        state.votes.find((vote) => vote.voterId === voterId && vote.themeId === command.themeId)?.count ?? 0;
      if (previous === command.count) return ok([]);
      return ok([
        { type: "voteCast", vote: { voterId, themeId: command.themeId, count: command.count, proxy: true }, previous },
      ]);
    }
    case "openVoting":
      return state.voting.status === "open" ? ok([]) : ok([{ type: "votingOpened" }]);
    case "closeVoting":
      return state.voting.status === "closed" ? ok([]) : ok([{ type: "votingClosed" }]);
    case "revealResults":
      return state.voting.revealed === command.revealed
        ? ok([])
        : ok([{ type: "resultsRevealed", revealed: command.revealed }]);
    case "proposeName": {
      if (!findTheme(state, command.themeId))
        return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      if (state.nameProposals.some((proposal) => proposal.id === command.proposalId)) return ok([]);
      const proposal = { id: command.proposalId, themeId: command.themeId, text: command.text, authorId: actor.id };
      return ok([{ type: "nameProposed", proposal }]);
    }
    case "withdrawNameProposal": {
      const proposal = state.nameProposals.find((candidate) => candidate.id === command.proposalId);
      if (!proposal) return fail("proposalNotFound", "No such proposal", { proposalId: command.proposalId });
      if (actor.role === "participant" && proposal.authorId !== actor.id)
        return fail("notYourProposal", "You can only withdraw your own proposals");
      return ok([{ type: "nameProposalWithdrawn", proposal }]);
    }
    case "spotlightTheme": {
      if (command.themeId !== null && !findTheme(state, command.themeId))
        return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
      const previous = state.spotlightThemeId ?? null;
      if (previous === command.themeId) return ok([]);
      return ok([{ type: "themeSpotlighted", themeId: command.themeId, previous }]);
    }
    case "setWriter": {
      const person = entry(state.participants, command.participantId);
      if (!person)
        return fail("participantNotFound", `Participant ${command.participantId} has not joined`, {
          participantId: command.participantId,
        });
      const previous = person.writer === true;
      if (previous === command.writer) return ok([]);
      return ok([{ type: "writerSet", participantId: person.id, writer: command.writer, previous }]);
    }
    case "undo":
      return decideUndo(state, actor, now);
    case "restoreTheme":
      return decideRestoreTheme(state, command);
    case "addTable":
      if (state.tables.some((table) => table.id === command.tableId))
        return fail("tableExists", "That table exists", { tableId: command.tableId });
      return ok([{ type: "tableAdded", table: { id: command.tableId, name: command.name } }]);
    case "removeTable": {
      const index = state.tables.findIndex((table) => table.id === command.tableId);
      const table = state.tables[index];
      if (!table) return fail("tableNotFound", `Table ${command.tableId} does not exist`, { tableId: command.tableId });
      return ok([{ type: "tableRemoved", table, index }]);
    }
    case "startRound": {
      if (state.rounds.some((round) => round.id === command.roundId))
        return fail("roundExists", "That round exists", { roundId: command.roundId });
      const round = {
        id: command.roundId,
        prompt: command.prompt,
        perTable: command.perTable,
        revealed: false,
        readyTableIds: [],
      };
      return ok([{ type: "roundStarted", round, previousActiveRoundId: state.activeRoundId }]);
    }
    case "revealRound": {
      const round = state.rounds.find((candidate) => candidate.id === command.roundId);
      if (!round) return fail("roundNotFound", `Round ${command.roundId} does not exist`, { roundId: command.roundId });
      if (round.revealed) return fail("roundAlreadyRevealed", "This round is already revealed", { roundId: round.id });
      const cardIds = [...state.cards.values()]
        .filter((card) => card.roundId === round.id && card.stage === "submitted")
        .map((card) => card.id);
      return ok([{ type: "roundRevealed", roundId: round.id, cardIds }]);
    }
    case "submitTableCards":
      return decideSubmitTableCards(state, command, actor);
    case "startTimer": {
      if (!now) return fail("timerNeedsTime", "Starting a timer needs the current time");
      const endsAt = new Date(Date.parse(now) + command.durationSeconds * 1000).toISOString();
      return ok([
        { type: "timerStarted", timer: { endsAt, durationSeconds: command.durationSeconds }, previous: state.timer },
      ]);
    }
    case "stopTimer":
      if (!state.timer) return ok([]);
      return ok([{ type: "timerStopped", previous: state.timer }]);
    default:
      return assertNever(command);
  }
}

/** The writer's text, merged with what others wrote since `base`; undefined on a real conflict. */
function merged(base: string | undefined, mine: string, current: string): string | undefined {
  return base === undefined ? mine : mergeTexts(base, mine, current);
}

/** The first symbol no column uses, so columns on the wall never share one while there are enough. */
function freeSymbol(state: WorkshopState): number {
  const used = new Set(state.themes.map((theme) => theme.symbol));
  for (let symbol = 0; symbol < SYMBOL_COUNT; symbol++) if (!used.has(symbol)) return symbol;
  return state.themes.length % SYMBOL_COUNT;
}

function decideRestoreTheme(state: WorkshopState, command: CommandOf<"restoreTheme">): Result<DomainEvent[]> {
  if (findTheme(state, command.theme.id))
    return fail("themeExists", `Theme ${command.theme.id} already exists`, { themeId: command.theme.id });
  if (new Set(command.theme.cardIds).size !== command.theme.cardIds.length)
    return fail("cardListedTwice", "A card is listed twice");
  for (const cardId of command.theme.cardIds) {
    if (!locateCard(state, cardId)) return fail("cardNotOnBoard", `Card ${cardId} is not on the board`, { cardId });
  }
  const votes = command.votes.filter((vote) => vote.themeId === command.theme.id);
  const index = Math.min(command.index, state.themes.length);
  return ok([{ type: "themeRestored", theme: command.theme, index, votes }]);
}

function decideCastVote(state: WorkshopState, command: CommandOf<"castVote">, actor: Actor): Result<DomainEvent[]> {
  // Dots are a person's: only someone who joined (whom the console counts among the people) casts
  // them, so a device cannot vote under ids it makes up without each showing in the room.
  if (!entry(state.participants, actor.id)) return fail("notJoined", "Join the workshop before voting");
  if (!findTheme(state, command.themeId))
    return fail("themeNotFound", `Theme ${command.themeId} does not exist`, { themeId: command.themeId });
  const { voteBudget, votesPerThemeCap } = state.settings;
  if (command.count > votesPerThemeCap)
    return fail("tooManyVotesOnTheme", `At most ${votesPerThemeCap} votes on one theme`, { max: votesPerThemeCap });
  const mine = state.votes.filter((vote) => vote.voterId === actor.id);
  const previous = mine.find((vote) => vote.themeId === command.themeId)?.count ?? 0;
  const elsewhere = mine.reduce((sum, vote) => sum + vote.count, 0) - previous;
  if (elsewhere + command.count > voteBudget)
    return fail("voteBudgetSpent", `Each person has ${voteBudget} votes`, { max: voteBudget });
  if (previous === command.count) return ok([]);
  return ok([
    { type: "voteCast", vote: { voterId: actor.id, themeId: command.themeId, count: command.count }, previous },
  ]);
}

/** The facilitator writes anywhere; a participant only once invited to co-write. */
function isWriter(state: WorkshopState, actor: Actor): boolean {
  return actor.role === "facilitator" || entry(state.participants, actor.id)?.writer === true;
}

function withTheme(
  state: WorkshopState,
  themeId: string,
  events: (theme: NonNullable<ReturnType<typeof findTheme>>) => DomainEvent[],
): Result<DomainEvent[]> {
  const theme = findTheme(state, themeId);
  if (!theme) return fail("themeNotFound", `Theme ${themeId} does not exist`, { themeId });
  return ok(events(theme));
}
