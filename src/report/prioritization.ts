import { breakdownVotes, type Language, type Vote } from "../core/index.js";
import { translate } from "./i18n.js";
import type { Prioritization, PriorityRow, PriorityTable } from "./model.js";

/** A theme as prioritization needs it, in board order. */
export interface VotedTheme {
  id: string;
  name: string;
}

/**
 * Tallies dot votes overall and by participant group. `groupOf` gives a voter's group when it
 * is known (participants of a live workshop); a document's votes carry voter ids only, so its
 * results have no groups. A group of fewer than `minVoters` voters is not shown apart: its votes
 * are in "Other groups" (the core's `breakdownVotes`, the rule every screen follows too). Votes
 * on themes that no longer exist are left out.
 */
export function buildPrioritization(
  votes: Vote[],
  themes: VotedTheme[],
  groupOf: (voterId: string) => string | undefined,
  groupOrder: string[],
  language: Language,
  minVoters: number,
): Prioritization | undefined {
  const known = new Set(themes.map((theme) => theme.id));
  const counted = votes.filter((vote) => known.has(vote.themeId) && vote.count > 0);
  if (counted.length === 0) return undefined;

  const overall = tally(translate(language, "allParticipants"), counted, themes);
  if (!counted.some((vote) => groupOf(vote.voterId)?.trim())) return { overall, byGroup: [] };
  const breakdown = breakdownVotes(counted, (voterId) => groupOf(voterId)?.trim() || "", minVoters);
  const order = (group: string) => {
    if (group === "") return Number.MAX_SAFE_INTEGER;
    const index = groupOrder.indexOf(group);
    return index >= 0 ? index : groupOrder.length;
  };
  // The workshop's own list of groups sets the order; groups it does not name follow alphabetically, no group last.
  const groups = breakdown.groups.sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key, language));
  const byGroup = groups.map((group) => tally(group.key || translate(language, "noGroup"), group.votes, themes));
  if (!breakdown.other) return { overall, byGroup };
  return {
    overall,
    byGroup: [...byGroup, tally(translate(language, "otherGroups"), breakdown.other.votes, themes)],
    smallGroupsNote: translate(language, "smallGroupsNote", { count: minVoters }),
  };
}

function tally(label: string, votes: Vote[], themes: VotedTheme[]): PriorityTable {
  const perTheme = new Map<string, number>();
  for (const vote of votes) perTheme.set(vote.themeId, (perTheme.get(vote.themeId) ?? 0) + vote.count);
  const total = votes.reduce((sum, vote) => sum + vote.count, 0);
  const rows: PriorityRow[] = themes
    .map((theme) => ({ themeId: theme.id, name: theme.name, votes: perTheme.get(theme.id) ?? 0, share: 0, rank: 0 }))
    // Array.prototype.sort is stable, so equal counts keep board order.
    .sort((a, b) => b.votes - a.votes);
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.share = total > 0 ? row.votes / total : 0;
    row.rank = previous && previous.votes === row.votes ? previous.rank : index + 1;
  });
  return { label, votes: total, voters: new Set(votes.map((vote) => vote.voterId)).size, rows };
}
