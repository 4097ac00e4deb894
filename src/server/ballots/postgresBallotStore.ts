import type { Pool, QueryResultRow } from "pg";
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

/** `?` placeholders as PostgreSQL's `$1, $2…`. */
const numbered = (sql: string) => {
  let index = 0;
  return sql.replaceAll("?", () => `$${++index}`);
};

/** Ballots in the shared PostgreSQL database, on the event store's pool (several processes serve the same ballots). */
export class PostgresBallotStore implements BallotStore {
  constructor(private readonly pool: Pool) {}

  private async rows<R extends QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
    return (await this.pool.query<R>(numbered(sql), params)).rows;
  }

  async createBallot(ballot: BallotRecord): Promise<void> {
    await this.rows(BALLOT_SQL.insertBallot, ballotParams(ballot));
  }

  async getBallot(ballotId: string): Promise<BallotRecord | undefined> {
    const [row] = await this.rows<BallotRow>(BALLOT_SQL.getBallot, [ballotId]);
    return row && toBallot(row);
  }

  async ballotOfShareToken(shareToken: string): Promise<BallotRecord | undefined> {
    const [row] = await this.rows<BallotRow>(BALLOT_SQL.ballotOfShareToken, [shareToken]);
    return row && toBallot(row);
  }

  async listBallots(workshopId: string): Promise<BallotRecord[]> {
    return (await this.rows<BallotRow>(BALLOT_SQL.listBallots, [workshopId])).map(toBallot);
  }

  async updateBallot(ballotId: string, change: Pick<BallotRecord, "status" | "closesAt">): Promise<void> {
    await this.rows(BALLOT_SQL.updateBallot, [change.status, change.closesAt ?? "", ballotId]);
  }

  async addInvitees(invitees: readonly (InviteeRecord & { tokenHash: string })[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      for (const invitee of invitees) await client.query(numbered(BALLOT_SQL.insertInvitee), inviteeParams(invitee));
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listInvitees(ballotId: string): Promise<InviteeRecord[]> {
    return (await this.rows<InviteeRow>(BALLOT_SQL.listInvitees, [ballotId])).map(toInvitee);
  }

  async inviteeOfTokenHash(tokenHash: string): Promise<InviteeRecord | undefined> {
    const [row] = await this.rows<InviteeRow>(BALLOT_SQL.inviteeOfTokenHash, [tokenHash]);
    return row && toInvitee(row);
  }

  async revokeInvitee(ballotId: string, inviteeId: string, at: string): Promise<boolean> {
    await this.rows(BALLOT_SQL.revokeInvitee, [at, ballotId, inviteeId]);
    return (await this.rows(BALLOT_SQL.inviteeExists, [ballotId, inviteeId])).length > 0;
  }

  async putVote(vote: VoteRecord): Promise<VoteRecord> {
    await this.rows(BALLOT_SQL.putVote, voteParams(vote));
    return (await this.getVote(vote.ballotId, vote.voterKey)) ?? vote;
  }

  async getVote(ballotId: string, voterKey: string): Promise<VoteRecord | undefined> {
    const [row] = await this.rows<VoteRow>(BALLOT_SQL.getVote, [ballotId, voterKey]);
    return row && toVote(row);
  }

  async listVotes(ballotId: string): Promise<VoteRecord[]> {
    return (await this.rows<VoteRow>(BALLOT_SQL.listVotes, [ballotId])).map(toVote);
  }

  /** The pool is the event store's: closing it is the shared backend's job. */
  async close(): Promise<void> {}
}
