import type { Theme, WorkshopState } from "../../core/index.js";

/** The method's advice for a column's name: a short phrase of three to seven words. */
export const NAME_WORDS = { min: 3, max: 7 } as const;

/**
 * Counts the words of a name as a reader would: runs of letters or digits, with hyphens and
 * apostrophes inside a word ("evidence-based", "CDP's") keeping it one word; punctuation alone
 * ("&", "—") is not a word.
 */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Whether a name has the advised length; outside it the editor warns but never blocks. */
export function nameAdvice(text: string): "empty" | "short" | "good" | "long" {
  const words = countWords(text);
  if (words === 0) return "empty";
  if (words < NAME_WORDS.min) return "short";
  return words > NAME_WORDS.max ? "long" : "good";
}

/** The columns in the order the room names them: the largest first, equal ones in board order. */
export function namingOrder(state: WorkshopState): Theme[] {
  // Array.prototype.sort is stable, so equal sizes keep board order.
  return [...state.themes].sort((a, b) => b.cardIds.length - a.cardIds.length);
}

/**
 * The column the room is naming: the one the facilitator put on screen, or else the largest one
 * not yet named (the first in naming order when all are named). Undefined on an empty board.
 */
export function columnOnScreen(state: WorkshopState): Theme | undefined {
  const order = namingOrder(state);
  const spotlit = order.find((theme) => theme.id === state.spotlightThemeId);
  return spotlit ?? order.find((theme) => theme.name.trim() === "") ?? order[0];
}

/** The column after `themeId` in naming order, preferring one still unnamed; undefined at the end. */
export function nextColumn(state: WorkshopState, themeId: string): Theme | undefined {
  const order = namingOrder(state);
  const after = order.slice(order.findIndex((theme) => theme.id === themeId) + 1);
  return after.find((theme) => theme.name.trim() === "") ?? after[0];
}
