import type { TurnoutCounts } from "../../core/index.js";
import type { InviteeRecord, VoteRecord } from "./ballotStore.js";
import { inviteeVoter, isDeviceVoter } from "./voterKeys.js";

/** Who may vote and who did, as the summary and the results say it. */
export type Turnout = Pick<TurnoutCounts, "invited" | "invitedVoted" | "shared">;

/**
 * The votes that count and the turnout they make. A revoked link's vote is kept but no longer
 * counted: a link is revoked because it leaked or went to the wrong person, and whoever held it may
 * have voted with it.
 */
export function countedVotes(
  invitees: readonly InviteeRecord[],
  all: readonly VoteRecord[],
): { turnout: Turnout; votes: VoteRecord[] } {
  const revoked = new Set(invitees.filter((invitee) => invitee.revokedAt).map((invitee) => inviteeVoter(invitee.id)));
  const votes = all.filter((vote) => !revoked.has(vote.voterKey));
  return { turnout: turnoutCounts(invitees, votes), votes };
}

/** Invitees whose link works, how many of them voted, and the shareable link's votes, apart. */
function turnoutCounts(invitees: readonly InviteeRecord[], votes: readonly { voterKey: string }[]): Turnout {
  const voters = new Set(votes.map((vote) => vote.voterKey));
  const invited = invitees.filter((invitee) => !invitee.revokedAt);
  return {
    invited: invited.length,
    invitedVoted: invited.filter((invitee) => voters.has(inviteeVoter(invitee.id))).length,
    shared: votes.filter((vote) => isDeviceVoter(vote.voterKey)).length,
  };
}
