import {
  type Command,
  type DuplicateSuggestions,
  isOnBoard,
  type PlacementSuggestions,
  type SuggestionAnswer,
  type ThemeSuggestion,
  type WorkshopState,
} from "../../core/index.js";

/**
 * Theme suggestions as the console uses them: pure functions over the server's answers and the
 * live state. Suggestions are only ever shown; the board changes when the facilitator clicks,
 * through the same commands as a change by hand.
 */

/** The answers of `GET /api/workshops/:id/suggestions/*`, from the REST contract (src/core/api/suggestions.ts). */
export type {
  DuplicateSuggestions as Duplicates,
  NameSuggestions,
  PlacementSuggestions as Placements,
  ThemeSuggestion as ProposedColumn,
} from "../../core/index.js";

/** The proposed columns, with which model made them when the server asks an API (`SUGGESTIONS_URL`). */
export type ClusterProposal = SuggestionAnswer<"clusters">;

/** The ids of a proposed column's cards that are still on the board, in the proposal's order. */
export function cardsStillOnBoard(state: WorkshopState, cardIds: readonly string[]): string[] {
  return cardIds.filter(stillOnBoard(state));
}

/**
 * Tells whether a card is on the board (in a column or on the pile, not waiting for its round).
 * The places are gathered once: a board of thousands is asked about many of its cards at a time.
 */
function stillOnBoard(state: WorkshopState): (cardId: string) => boolean {
  const placed = new Set([...state.unclustered, ...state.themes.flatMap((theme) => theme.cardIds)]);
  return (cardId) => {
    const card = state.cards.get(cardId);
    return card !== undefined && isOnBoard(card) && placed.has(cardId);
  };
}

/**
 * The command that accepts a proposed column: a new column (unnamed: the room names its columns
 * in the name phase, where the suggested name comes back as a prefill) gathering its cards still
 * on the board, in order — one board change, so one undo takes it back. Nothing when none is left.
 */
export function acceptCommands(state: WorkshopState, column: ThemeSuggestion, themeId: string): Command[] {
  const cardIds = cardsStillOnBoard(state, column.cardIds);
  if (cardIds.length === 0) return [];
  return [{ type: "createTheme", themeId, cardIds }];
}

/**
 * The best-fitting column for each card still on the pile, among the columns that hold cards,
 * when the suggestion is confident of it: a hint that is wrong half the time is worse than none.
 * None until two columns hold cards: an empty column has nothing to fit, and a ranking of one
 * column would hint it on every card.
 */
export function fitHints(state: WorkshopState, placements: PlacementSuggestions | undefined): Map<string, string> {
  const hints = new Map<string, string>();
  const columns = columnsWithCards(state);
  if (!placements || columns.size < 2) return hints;
  const pile = new Set(state.unclustered);
  for (const { cardId, themeIds, confident } of placements.placements) {
    if (!confident) continue;
    const best = themeIds.find((themeId) => columns.has(themeId));
    if (pile.has(cardId) && best !== undefined) hints.set(cardId, best);
  }
  return hints;
}

/** The columns holding at least one card on the board (not one waiting for its round). */
export function columnsWithCards(state: WorkshopState): Set<string> {
  return new Set(
    state.themes
      .filter((theme) => theme.cardIds.some((cardId) => state.cards.get(cardId)?.stage === undefined))
      .map((theme) => theme.id),
  );
}

/** The key of a pair of cards, whichever order they come in. */
export function pairKey(a: string, b: string): string {
  return a < b ? JSON.stringify([a, b]) : JSON.stringify([b, a]);
}

/**
 * The flag each card that arrived after its near-duplicate carries: the earlier card it repeats.
 * Pairs the facilitator called "not a duplicate" and cards no longer on the board are left out;
 * a card repeating several others is flagged against the first of them.
 */
export function duplicateFlags(
  state: WorkshopState,
  duplicates: DuplicateSuggestions | undefined,
  dismissed: ReadonlySet<string>,
): Map<string, string> {
  const flags = new Map<string, string>();
  if (!duplicates) return flags;
  const onBoard = stillOnBoard(state);
  for (const [earlier, later] of duplicates.duplicates) {
    if (flags.has(later) || dismissed.has(pairKey(earlier, later))) continue;
    if (onBoard(earlier) && onBoard(later)) flags.set(later, earlier);
  }
  return flags;
}

/** Merges a flagged card into the one it repeats: that card keeps both texts, one per line. */
export function mergeCommand(laterCardId: string, earlierCardId: string): Command {
  return { type: "mergeCards", sourceCardId: laterCardId, targetCardId: earlierCardId };
}

/** A short hash of strings (FNV-1a), to tell cheaply whether what a suggestion read has changed. */
function hashOf(parts: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * Changes when a card is added, edited, removed, merged or let onto the board: what duplicates are
 * computed from. Read from the cards alone, so that it is computed once per cards map: states
 * share the map until a card changes, and a move changes none.
 */
export function cardsSignature(state: WorkshopState): string {
  const known = signatures.get(state.cards);
  if (known !== undefined) return known;
  const onBoard = [...state.cards.values()].filter(isOnBoard).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const signature = `${onBoard.length}:${hashOf(onBoard.flatMap((card) => [card.id, card.text]))}`;
  signatures.set(state.cards, signature);
  return signature;
}

const signatures = new WeakMap<WorkshopState["cards"], string>();

/** Changes when the pile, a column's cards or a column's name change: what placements and names read. */
export function boardSignature(state: WorkshopState): string {
  const parts = [
    ...state.unclustered,
    ...state.themes.flatMap((theme) => ["\u0000column", theme.id, theme.name, ...theme.cardIds]),
  ];
  return `${cardsSignature(state)}/${hashOf(parts)}`;
}

/** The key points a suggestion adds to a column's draft: those not already there, up to `limit`. */
export function withSuggestedPoints(draft: readonly string[], suggested: readonly string[], limit: number): string[] {
  const present = new Set(draft.map((point) => point.trim().toLowerCase()));
  const added = suggested.filter((point) => point.trim() && !present.has(point.trim().toLowerCase()));
  return [...draft, ...added].slice(0, Math.max(limit, draft.length));
}
