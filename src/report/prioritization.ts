import { breakdownVotes, countDots, type Language, type Vote } from "../core/index.js";
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

/** One table, counted by the core's one count of dots: each voter's dots are one ballot. */
function tally(label: string, votes: Vote[], themes: VotedTheme[]): PriorityTable {
  const ballots = new Map<string, Map<string, number>>();
  for (const vote of votes) {
    const dots = ballots.get(vote.voterId) ?? new Map<string, number>();
    dots.set(vote.themeId, (dots.get(vote.themeId) ?? 0) + vote.count);
    ballots.set(vote.voterId, dots);
  }
  const total = votes.reduce((sum, vote) => sum + vote.count, 0);
  const dotsBallots = [...ballots.values()].map((dots) => ({ dots: Object.fromEntries(dots) }));
  const rows: PriorityRow[] = countDots(themes, dotsBallots).results.map((result) => ({
    themeId: result.id,
    name: result.name,
    votes: result.score ?? 0,
    share: total > 0 ? (result.score ?? 0) / total : 0,
    rank: result.rank,
  }));
  return { label, votes: total, voters: ballots.size, rows };
}
