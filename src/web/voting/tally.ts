import { entry, type Vote, type WorkshopState } from "../../core/index.js";

/** Dots on one theme: cast on devices, and recorded by the facilitator from a show of hands. */
export interface TallyRow {
  themeId: string;
  name: string;
  direct: number;
  proxy: number;
  total: number;
}

/**
 * One chart's worth of results: everyone, one participant group, one table, or one show of hands.
 * `label` is the group's or table's name; null for "no group" / "no table" (the view names it).
 */
export interface Tally {
  key: string;
  kind: "overall" | "group" | "table" | "showOfHands";
  label: string | null;
  /** In board order. */
  rows: TallyRow[];
  dots: number;
  voters: number;
}

export interface Results {
  overall: Tally;
  byGroup: Tally[];
  byTable: Tally[];
}

/** The label the facilitator gave a show of hands, from its voter id `proxy:<label>`. */
export function showOfHandsLabel(vote: Vote): string {
  return vote.voterId.startsWith("proxy:") ? vote.voterId.slice("proxy:".length) : vote.voterId;
}

/**
 * Tallies the dots overall, by participant group and by table (only when the workshop seats
 * people at tables: `settings.useTables` and at least one table). A voter's group and table come
 * from `state.participants`; votes recorded from a show of hands have no person behind them, so
 * in the group and table breakdowns each show of hands is its own bar group, marked as such.
 * Dots on themes that no longer exist are left out.
 */
export function tallyVotes(state: WorkshopState): Results {
  const themeIds = new Set(state.themes.map((theme) => theme.id));
  const votes = state.votes.filter((vote) => themeIds.has(vote.themeId) && vote.count > 0);
  const tally = (key: string, kind: Tally["kind"], label: string | null, subset: readonly Vote[]): Tally => {
    const rows = state.themes.map((theme) => {
      const mine = subset.filter((vote) => vote.themeId === theme.id);
      const proxy = sum(mine.filter((vote) => vote.proxy));
      const direct = sum(mine.filter((vote) => !vote.proxy));
      return { themeId: theme.id, name: theme.name, direct, proxy, total: direct + proxy };
    });
    return { key, kind, label, rows, dots: sum(subset), voters: new Set(subset.map((vote) => vote.voterId)).size };
  };

  const direct = votes.filter((vote) => !vote.proxy);
  const hands = [...new Set(votes.filter((vote) => vote.proxy).map(showOfHandsLabel))].map((label) =>
    tally(
      `hands:${label}`,
      "showOfHands",
      label,
      votes.filter((vote) => vote.proxy && showOfHandsLabel(vote) === label),
    ),
  );
  const person = (vote: Vote) => entry(state.participants, vote.voterId);

  // Groups in the order the context lists them, others after them alphabetically, "no group" last.
  const groupNames = unique(direct.map((vote) => person(vote)?.group?.trim() || ""));
  const listed = state.context.participantGroups;
  const rank = (group: string) =>
    group === "" ? Number.MAX_SAFE_INTEGER : listed.indexOf(group) >= 0 ? listed.indexOf(group) : listed.length;
  groupNames.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const byGroup = groupNames.map((group) =>
    tally(
      `group:${group}`,
      "group",
      group || null,
      direct.filter((vote) => (person(vote)?.group?.trim() || "") === group),
    ),
  );

  // Tables in the order the facilitator set them up; people at no (or a removed) table last.
  const tableOf = (vote: Vote) => {
    const tableId = person(vote)?.tableId;
    return state.tables.some((table) => table.id === tableId) ? (tableId ?? "") : "";
  };
  const usedTables = new Set(direct.map(tableOf));
  const byTable = [
    ...state.tables
      .filter((table) => usedTables.has(table.id))
      .map((table) => ({ id: table.id, name: table.name as string | null })),
    ...(usedTables.has("") ? [{ id: "", name: null }] : []),
  ].map((table) =>
    tally(
      `table:${table.id}`,
      "table",
      table.name,
      direct.filter((vote) => tableOf(vote) === table.id),
    ),
  );

  return {
    overall: tally("overall", "overall", null, votes),
    byGroup: [...byGroup, ...hands],
    // Without tables in this workshop, every voter would sit at "no table": no breakdown then.
    byTable: state.settings.useTables && state.tables.length > 0 ? [...byTable, ...hands] : [],
  };
}

/** The rows from most dots to fewest; equal ones keep board order. */
export function ranked(rows: readonly TallyRow[]): TallyRow[] {
  return [...rows].sort((a, b) => b.total - a.total);
}

/** What one voter has left to spend: the budget minus the dots placed. */
export function dotsLeft(state: WorkshopState, voterId: string): number {
  const themeIds = new Set(state.themes.map((theme) => theme.id));
  const spent = sum(state.votes.filter((vote) => vote.voterId === voterId && themeIds.has(vote.themeId)));
  return Math.max(0, state.settings.voteBudget - spent);
}

function sum(votes: readonly Vote[]): number {
  return votes.reduce((total, vote) => total + vote.count, 0);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
