import type { BallotSettings, BallotStatus, BallotVote, TallyMethod, TallyOption } from "../../core/index.js";

/** A ballot as stored: the options are the workshop's themes when it was opened. */
export interface BallotRecord {
  id: string;
  workshopId: string;
  method: TallyMethod;
  settings: BallotSettings;
  options: TallyOption[];
  /** As set by hand; a passed `closesAt` closes it too (`effectiveStatus`). */
  status: BallotStatus;
  closesAt: string | null;
  /** The shareable link's token: kept as it is, its facilitators are shown the link again. */
  shareToken: string;
  createdAt: string;
}

/** One person invited to vote through a personal link. */
export interface InviteeRecord {
  id: string;
  ballotId: string;
  name: string;
  email: string;
  group: string;
  revokedAt: string | null;
  createdAt: string;
}

/** A vote: one per personal link (`invitee:<id>`) or per device on the shareable link (`device:<hash>`). */
export interface VoteRecord {
  ballotId: string;
  voterKey: string;
  group: string;
  vote: BallotVote;
  /** When this voter first voted: turnout over time counts it then, whatever edits follow. */
  firstAt: string;
  updatedAt: string;
}

/**
 * Ballots, invitees and votes, beside the event log rather than in it: people from outside the
 * workshop vote here over days, and their tokens are secrets. Every implementation must pass
 * `ballotStore.contract.ts`.
 */
export interface BallotStore {
  createBallot(ballot: BallotRecord): Promise<void>;
  getBallot(ballotId: string): Promise<BallotRecord | undefined>;
  ballotOfShareToken(shareToken: string): Promise<BallotRecord | undefined>;
  /** The workshop's ballots, oldest first. */
  listBallots(workshopId: string): Promise<BallotRecord[]>;
  updateBallot(ballotId: string, change: { status: BallotStatus; closesAt: string | null }): Promise<void>;
  /** Adds them all or none; `tokenHash` is the SHA-256 of the personal link's token (auth/tokenHash.ts). */
  addInvitees(invitees: readonly (InviteeRecord & { tokenHash: string })[]): Promise<void>;
  listInvitees(ballotId: string): Promise<InviteeRecord[]>;
  inviteeOfTokenHash(tokenHash: string): Promise<InviteeRecord | undefined>;
  /** Marks the invitee's link revoked (the first time only); false when the ballot has no such invitee. */
  revokeInvitee(ballotId: string, inviteeId: string, at: string): Promise<boolean>;
  /** Stores the voter's vote, replacing their earlier one but keeping when they first voted. */
  putVote(vote: VoteRecord): Promise<VoteRecord>;
  getVote(ballotId: string, voterKey: string): Promise<VoteRecord | undefined>;
  listVotes(ballotId: string): Promise<VoteRecord[]>;
  close(): Promise<void>;
}
