import type { Command } from "./commands.js";
import type { DomainEvent } from "./events.js";

/** How many steps the board's undo remembers. */
export const UNDO_DEPTH = 100;

/**
 * The commands that take back one command's events, in the order to run them. Events carry
 * what they replaced, so the inverse needs nothing but the events themselves.
 */
export function inverseCommands(events: readonly DomainEvent[]): Command[] {
  return [...events].reverse().flatMap(inverseOf);
}

/** The commands that take back one event (the reducer asks this for every event it folds). */
export function inverseOf(event: DomainEvent): Command[] {
  switch (event.type) {
    case "cardAdded":
      return [{ type: "removeCard", cardId: event.card.id }];
    case "cardRemoved": {
      const card = event.card;
      return [
        {
          type: "restoreCard",
          card,
          toThemeId: event.place?.themeId ?? null,
          toIndex: event.place?.index ?? Number.MAX_SAFE_INTEGER,
        },
      ];
    }
    case "cardEdited":
      return [{ type: "editCard", cardId: event.cardId, text: event.previous }];
    case "cardMoved":
      return [{ type: "moveCard", cardId: event.cardId, toThemeId: event.from.themeId, toIndex: event.from.index }];
    case "cardsMerged":
      return [
        { type: "editCard", cardId: event.targetCardId, text: event.previous },
        ...inverseOf({ type: "cardRemoved", card: event.source, place: event.sourcePlace }),
      ];
    case "themeCreated":
      // The gathered cards go back where they stood, last first, before the empty column goes.
      return [
        ...[...(event.gathered ?? [])]
          .reverse()
          .map(
            ({ cardId, from }): Command => ({ type: "moveCard", cardId, toThemeId: from.themeId, toIndex: from.index }),
          ),
        { type: "deleteTheme", themeId: event.theme.id },
      ];
    case "themeDeleted":
      return [{ type: "restoreTheme", theme: event.theme, index: event.index, votes: event.votes }];
    case "themesMerged":
      return [{ type: "restoreTheme", theme: event.source, index: event.sourceIndex, votes: event.votes }];
    case "themeRestored":
      return [{ type: "deleteTheme", themeId: event.theme.id }];
    case "themeMoved":
      return [{ type: "moveTheme", themeId: event.themeId, toIndex: event.from }];
    case "themeNamed":
      return [{ type: "nameTheme", themeId: event.themeId, name: event.previous }];
    case "keyPointsSet":
      return [{ type: "setKeyPoints", themeId: event.themeId, keyPoints: event.previous }];
    case "headlineSet":
      return [{ type: "setHeadline", themeId: event.themeId, headline: event.previous }];
    case "narrativeSet":
      return [{ type: "setNarrative", themeId: event.themeId, narrative: event.previous }];
    case "footnoteSet":
      return event.previous
        ? [{ type: "setFootnote", mark: event.previous.mark, text: event.previous.text }]
        : [{ type: "removeFootnote", mark: event.footnote.mark }];
    case "footnoteRemoved":
      return [{ type: "setFootnote", mark: event.footnote.mark, text: event.footnote.text }];
    case "contextUpdated":
      return [{ type: "updateContext", patch: event.previous }];
    case "instructionSet":
      return [{ type: "setInstruction", phase: event.phase, text: event.previous }];
    case "undoApplied":
      // Undo is not itself undone (there is no redo): a new change is the way forward.
      return [];
    default:
      // Events of commands that are not undoable (phases, joins, votes, rounds…) have no inverse.
      return [];
  }
}
