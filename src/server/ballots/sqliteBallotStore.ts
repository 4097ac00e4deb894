import type Database from "better-sqlite3";
import { applyMigrations } from "../store/migrations.js";
import { openSqliteConnection } from "../store/sqliteConnection.js";
import {
  BALLOT_SQL,
  type BallotRow,
  ballotParams,
  type InviteeRow,
  inviteeParams,
  toBallot,
  toInvitee,
  toVote,
  type VoteRow,
  voteParams,
} from "./ballotSql.js";
import type { BallotRecord, BallotStore, InviteeRecord, VoteRecord } from "./ballotStore.js";

/**
 * Ballots in the same SQLite file as the event log, on a connection of their own (as accounts
 * are): a vote is one small write, which need not queue behind the room's group commits.
 */
export class SqliteBallotStore implements BallotStore {
  private readonly db: Database.Database;

  constructor(filename: string) {
    this.db = openSqliteConnection(filename);
    applyMigrations(this.db);
  }

  private get<R>(sql: string, params: unknown[]): R | undefined {
    return this.db.prepare<unknown[], R>(sql).get(...params);
  }

  private all<R>(sql: string, params: unknown[]): R[] {
    return this.db.prepare<unknown[], R>(sql).all(...params);
  }

  async createBallot(ballot: BallotRecord): Promise<void> {
    this.db.prepare(BALLOT_SQL.insertBallot).run(...ballotParams(ballot));
  }

  async getBallot(ballotId: string): Promise<BallotRecord | undefined> {
    const row = this.get<BallotRow>(BALLOT_SQL.getBallot, [ballotId]);
    return row && toBallot(row);
  }

  async ballotOfShareToken(shareToken: string): Promise<BallotRecord | undefined> {
    const row = this.get<BallotRow>(BALLOT_SQL.ballotOfShareToken, [shareToken]);
    return row && toBallot(row);
  }

  async listBallots(workshopId: string): Promise<BallotRecord[]> {
    return this.all<BallotRow>(BALLOT_SQL.listBallots, [workshopId]).map(toBallot);
  }

  async updateBallot(ballotId: string, change: Pick<BallotRecord, "status" | "closesAt">): Promise<void> {
    this.db.prepare(BALLOT_SQL.updateBallot).run(change.status, change.closesAt ?? "", ballotId);
  }

  async addInvitees(invitees: readonly (InviteeRecord & { tokenHash: string })[]): Promise<void> {
    const insert = this.db.prepare(BALLOT_SQL.insertInvitee);
    this.db.transaction(() => {
      for (const invitee of invitees) insert.run(...inviteeParams(invitee));
    })();
  }

  async listInvitees(ballotId: string): Promise<InviteeRecord[]> {
    return this.all<InviteeRow>(BALLOT_SQL.listInvitees, [ballotId]).map(toInvitee);
  }

  async inviteeOfTokenHash(tokenHash: string): Promise<InviteeRecord | undefined> {
    const row = this.get<InviteeRow>(BALLOT_SQL.inviteeOfTokenHash, [tokenHash]);
    return row && toInvitee(row);
  }

  async revokeInvitee(ballotId: string, inviteeId: string, at: string): Promise<boolean> {
    this.db.prepare(BALLOT_SQL.revokeInvitee).run(at, ballotId, inviteeId);
    return this.get(BALLOT_SQL.inviteeExists, [ballotId, inviteeId]) !== undefined;
  }

  async putVote(vote: VoteRecord): Promise<VoteRecord> {
    this.db.prepare(BALLOT_SQL.putVote).run(...voteParams(vote));
    return (await this.getVote(vote.ballotId, vote.voterKey)) ?? vote;
  }

  async getVote(ballotId: string, voterKey: string): Promise<VoteRecord | undefined> {
    const row = this.get<VoteRow>(BALLOT_SQL.getVote, [ballotId, voterKey]);
    return row && toVote(row);
  }

  async listVotes(ballotId: string): Promise<VoteRecord[]> {
    return this.all<VoteRow>(BALLOT_SQL.listVotes, [ballotId]).map(toVote);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
