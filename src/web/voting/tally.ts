import {
  breakdownVotes,
  entry,
  privacySettings,
  type ShownBreakdown,
  type Vote,
  type WorkshopState,
} from "../../core/index.js";

/** Dots on one theme: cast on devices, and recorded by the facilitator from a show of hands. */
export interface TallyRow {
  themeId: string;
  name: string;
  direct: number;
  proxy: number;
  total: number;
}

/**
 * One chart's worth of results: everyone, one participant group, one table, one show of hands, or
 * the groups (tables) too small to show apart. `label` is the group's or table's name; null for
 * "no group" / "no table" and for the other row (the view names them).
 */
export interface Tally {
  key: string;
  kind: "overall" | "group" | "table" | "showOfHands" | "otherGroups" | "otherTables";
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
 * A group or table of fewer voters than the workshop's threshold is not shown: its dots are in
 * the other row (`breakdownVotes`). Dots on themes that no longer exist are left out.
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

  const { minVotersPerGroup } = privacySettings(state.settings);
  const shownAs = (kind: "group" | "table", breakdown: ShownBreakdown, labelOf: (key: string) => string | null) => [
    ...breakdown.groups.map((group) => tally(`${kind}:${group.key}`, kind, labelOf(group.key), group.votes)),
    ...(breakdown.other
      ? [tally(`${kind}:other`, kind === "group" ? "otherGroups" : "otherTables", null, breakdown.other.votes)]
      : []),
  ];

  // Groups in the order the context lists them, others after them alphabetically, "no group" last.
  const groupOf = (voterId: string) => entry(state.participants, voterId)?.group?.trim() || "";
  const listed = state.context.participantGroups;
  const rank = (group: string) =>
    group === "" ? Number.MAX_SAFE_INTEGER : listed.indexOf(group) >= 0 ? listed.indexOf(group) : listed.length;
  const groups = breakdownVotes(direct, groupOf, minVotersPerGroup);
  groups.groups.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  const byGroup = shownAs("group", groups, (group) => group || null);

  // Tables in the order the facilitator set them up; people at no (or a removed) table last.
  const tableOf = (voterId: string) => {
    const tableId = entry(state.participants, voterId)?.tableId;
    return state.tables.some((table) => table.id === tableId) ? (tableId ?? "") : "";
  };
  const tables = breakdownVotes(direct, tableOf, minVotersPerGroup);
  const tableRank = (tableId: string) =>
    tableId === "" ? Number.MAX_SAFE_INTEGER : state.tables.findIndex((table) => table.id === tableId);
  tables.groups.sort((a, b) => tableRank(a.key) - tableRank(b.key));
  const byTable = shownAs(
    "table",
    tables,
    (tableId) => state.tables.find((table) => table.id === tableId)?.name ?? null,
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
