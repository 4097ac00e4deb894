import type { Language, Vote } from "../core/index.js";
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
 * results have no groups. Votes on themes that no longer exist are left out.
 */
export function buildPrioritization(
  votes: Vote[],
  themes: VotedTheme[],
  groupOf: (voterId: string) => string | undefined,
  groupOrder: string[],
  language: Language,
): Prioritization | undefined {
  const known = new Set(themes.map((theme) => theme.id));
  const counted = votes.filter((vote) => known.has(vote.themeId) && vote.count > 0);
  if (counted.length === 0) return undefined;

  const overall = tally(translate(language, "allParticipants"), counted, themes);
  const byGroupVotes = new Map<string, Vote[]>();
  let anyGroup = false;
  for (const vote of counted) {
    const group = groupOf(vote.voterId)?.trim();
    if (group) anyGroup = true;
    const key = group || translate(language, "noGroup");
    byGroupVotes.set(key, [...(byGroupVotes.get(key) ?? []), vote]);
  }
  if (!anyGroup) return { overall, byGroup: [] };
  const order = (group: string) => {
    const index = groupOrder.indexOf(group);
    return index >= 0 ? index : groupOrder.length;
  };
  // The workshop's own list of groups sets the order; groups it does not name follow alphabetically.
  const groups = [...byGroupVotes.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b, language));
  const noGroup = translate(language, "noGroup");
  const sorted = [...groups.filter((group) => group !== noGroup), ...groups.filter((group) => group === noGroup)];
  return { overall, byGroup: sorted.map((group) => tally(group, byGroupVotes.get(group) ?? [], themes)) };
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
