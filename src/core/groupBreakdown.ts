import type { Vote } from "./model.js";

/**
 * Vote privacy in results by group or by table, said once for the console, the projector, the
 * phones and every report format: a group with fewer voters than the workshop's threshold is
 * never shown on its own. Its dots still count in the total, and in one "other" row.
 */

/** Voters one shown group must have, unless the facilitator sets another number. */
export const DEFAULT_MIN_VOTERS_PER_GROUP = 3;

/** The votes of one group of voters; `key` "" is the voters with no group (or no table). */
export interface VoterGroup {
  key: string;
  votes: Vote[];
  voters: number;
}

/** What a breakdown may show: the groups big enough, and the rest together. */
export interface ShownBreakdown {
  /** In the order the groups came in. */
  groups: VoterGroup[];
  /** The voters of the groups not shown, absent when every group is shown. */
  other?: { votes: Vote[]; voters: number; groups: number };
}

/**
 * Splits the votes by `groupOf` (a voter's group key, "" for none: "No group" is a group like the
 * others) and keeps apart every group of fewer than `minVoters` voters.
 *
 * The "other" row is itself held to the threshold: it is always the total minus the groups shown,
 * so one small group alone in it would be shown by subtraction. While it has fewer than
 * `minVoters` voters, the smallest shown group (the last of equal ones) joins it. When no group
 * is left to show, the breakdown is empty: an "other" row that is the whole room says nothing.
 */
export function breakdownVotes(
  votes: readonly Vote[],
  groupOf: (voterId: string) => string,
  minVoters: number,
): ShownBreakdown {
  const byKey = new Map<string, Vote[]>();
  for (const vote of votes) {
    const key = groupOf(vote.voterId);
    byKey.set(key, [...(byKey.get(key) ?? []), vote]);
  }
  const all = [...byKey].map(([key, groupVotes]) => ({ key, votes: groupVotes, voters: voterCount(groupVotes) }));
  const shown = all.filter((group) => group.voters >= minVoters);
  const hidden = all.filter((group) => group.voters < minVoters);
  const hiddenVoters = () => hidden.reduce((total, group) => total + group.voters, 0);
  while (hidden.length > 0 && hiddenVoters() < minVoters && shown.length > 0) {
    const smallest = shown.reduce((least, group) => (group.voters <= least.voters ? group : least));
    shown.splice(shown.indexOf(smallest), 1);
    hidden.push(smallest);
  }
  if (shown.length === 0) return { groups: [] };
  if (hidden.length === 0) return { groups: shown };
  return {
    groups: shown,
    other: { votes: hidden.flatMap((group) => group.votes), voters: hiddenVoters(), groups: hidden.length },
  };
}

function voterCount(votes: readonly Vote[]): number {
  return new Set(votes.map((vote) => vote.voterId)).size;
}
