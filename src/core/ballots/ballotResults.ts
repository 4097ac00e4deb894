import { breakdownVotes } from "../groupBreakdown.js";
import type { Vote } from "../model.js";
import { BALLOTS_FORMAT, type BallotsDocument } from "../tally/schema.js";
import { tallyBallots } from "../tally/tally.js";
import type { BallotCount, BallotResults, BallotTurnout, BallotVote, TurnoutCounts } from "./api.js";
import type { VoteRules } from "./checkVote.js";

/** One stored vote as the count needs it. */
export interface CastVote {
  /** Stable per personal link or device. */
  voter: string;
  group: string;
  vote: BallotVote;
  /** When this voter first voted (ISO-8601). */
  firstAt: string;
}

/**
 * The results of a ballot: the tally's count of every vote, then by stakeholder group under the
 * room's vote-privacy rule (`breakdownVotes`: no group of fewer than `minVoters` voters shown on its
 * own; the small ones are counted together as "other", itself held to the threshold).
 */
export function ballotResults(
  rules: CountRules,
  votes: readonly CastVote[],
  invitees: Pick<TurnoutCounts, "invited" | "invitedVoted" | "shared">,
  minVoters: number,
): BallotResults {
  return { ...countByGroup(rules, votes, minVoters), turnout: turnout(votes, invitees) };
}

/**
 * The results of a `ballots/v1` file, counted and held to the privacy rule as a ballot's are: what
 * `concord report --ballots` puts in the report. A file says who voted, not who was invited or
 * when, so its turnout is its ballots alone.
 */
export function documentResults(doc: BallotsDocument, minVoters: number): BallotResults {
  const votes = doc.ballots.map(({ voter, group, ...vote }) => ({ voter, group, vote }));
  return {
    ...countByGroup(doc, votes, minVoters),
    turnout: { invited: 0, invitedVoted: 0, shared: 0, voted: votes.length, overTime: [] },
  };
}

/** What counting needs of a ballot: its method and options (the settings only check votes). */
type CountRules = Pick<VoteRules, "method" | "options">;

/** A vote as counting needs it: who (for the groups) and what, not when. */
type CountedVote = Omit<CastVote, "firstAt">;

function countByGroup(
  rules: CountRules,
  votes: readonly CountedVote[],
  minVoters: number,
): Omit<BallotResults, "turnout"> {
  const overall = count(rules, votes, "");
  // One "vote" per voter is all the privacy rule needs to decide which groups may be shown.
  const marks: Vote[] = votes.map((cast) => ({ voterId: cast.voter, themeId: "", count: 1 }));
  const groupOf = new Map(votes.map((cast) => [cast.voter, cast.group]));
  const breakdown = breakdownVotes(marks, (voter) => groupOf.get(voter) ?? "", minVoters);
  const inGroup = (keys: Set<string>) => votes.filter((cast) => keys.has(cast.group));
  const byGroup = breakdown.groups.map((group) => count(rules, inGroup(new Set([group.key])), group.key));
  const shown = new Set(breakdown.groups.map((group) => group.key));
  const rest = votes.filter((cast) => !shown.has(cast.group));
  return {
    method: rules.method,
    overall,
    byGroup,
    ...(breakdown.other ? { other: { ...count(rules, rest, ""), groups: breakdown.other.groups } } : {}),
    minVoters,
  };
}

/** The `ballots/v1` document of these votes: what `concord tally` would read. */
export function ballotsDocument(rules: CountRules, votes: readonly CountedVote[]): BallotsDocument {
  const ballots = votes.map((cast) => ({ voter: cast.voter, group: cast.group, ...cast.vote }));
  return { format: BALLOTS_FORMAT, method: rules.method, options: [...rules.options], ballots } as BallotsDocument;
}

function count(rules: CountRules, votes: readonly CountedVote[], group: string): BallotCount {
  const { results, winner, rounds } = tallyBallots(ballotsDocument(rules, votes));
  return {
    group,
    ballots: votes.length,
    results,
    ...(winner === undefined ? {} : { winner }),
    ...(rounds === undefined ? {} : { rounds }),
  };
}

function turnout(
  votes: readonly CastVote[],
  invitees: Pick<TurnoutCounts, "invited" | "invitedVoted" | "shared">,
): BallotTurnout {
  const byHour = new Map<string, number>();
  for (const cast of votes) {
    const hour = `${cast.firstAt.slice(0, 13)}:00:00.000Z`;
    byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
  }
  let voters = 0;
  const overTime = [...byHour]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([at, added]) => {
      voters += added;
      return { at, voters };
    });
  return { ...invitees, voted: votes.length, overTime };
}
