import type { BallotRecord, InviteeRecord, VoteRecord } from "./ballotStore.js";

// One SQL text per statement for both stores (`?` placeholders; the PostgreSQL store numbers
// them). A missing time is "" in the tables, so that every column stays TEXT NOT NULL and moves
// through backups as it is (store/transfer/storeTables.ts has no nulls).

const BALLOT_COLUMNS = "id, workshop_id, method, settings, options, status, closes_at, share_token, created_at";
const INVITEE_COLUMNS = "id, ballot_id, name, email, group_name, revoked_at, created_at";
const VOTE_COLUMNS = "ballot_id, voter_key, group_name, vote, first_at, updated_at";

export const BALLOT_SQL = {
  insertBallot: `INSERT INTO ballots (${BALLOT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  getBallot: `SELECT ${BALLOT_COLUMNS} FROM ballots WHERE id = ?`,
  ballotOfShareToken: `SELECT ${BALLOT_COLUMNS} FROM ballots WHERE share_token = ?`,
  listBallots: `SELECT ${BALLOT_COLUMNS} FROM ballots WHERE workshop_id = ? ORDER BY created_at, id`,
  updateBallot: "UPDATE ballots SET status = ?, closes_at = ? WHERE id = ?",
  insertInvitee: `INSERT INTO ballot_invitees (${INVITEE_COLUMNS}, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  listInvitees: `SELECT ${INVITEE_COLUMNS} FROM ballot_invitees WHERE ballot_id = ? ORDER BY created_at, id`,
  inviteeOfTokenHash: `SELECT ${INVITEE_COLUMNS} FROM ballot_invitees WHERE token_hash = ?`,
  revokeInvitee: "UPDATE ballot_invitees SET revoked_at = ? WHERE ballot_id = ? AND id = ? AND revoked_at = ''",
  inviteeExists: "SELECT id FROM ballot_invitees WHERE ballot_id = ? AND id = ?",
  // The first vote's time stays; the rest is the voter's latest choice.
  putVote: `INSERT INTO ballot_votes (${VOTE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (ballot_id, voter_key) DO UPDATE
            SET group_name = excluded.group_name, vote = excluded.vote, updated_at = excluded.updated_at`,
  getVote: `SELECT ${VOTE_COLUMNS} FROM ballot_votes WHERE ballot_id = ? AND voter_key = ?`,
  listVotes: `SELECT ${VOTE_COLUMNS} FROM ballot_votes WHERE ballot_id = ? ORDER BY first_at, voter_key`,
} as const;

export interface BallotRow {
  id: string;
  workshop_id: string;
  method: string;
  settings: string;
  options: string;
  status: string;
  closes_at: string;
  share_token: string;
  created_at: string;
}

export interface InviteeRow {
  id: string;
  ballot_id: string;
  name: string;
  email: string;
  group_name: string;
  revoked_at: string;
  created_at: string;
}

export interface VoteRow {
  ballot_id: string;
  voter_key: string;
  group_name: string;
  vote: string;
  first_at: string;
  updated_at: string;
}

export const ballotParams = (b: BallotRecord) => [
  b.id,
  b.workshopId,
  b.method,
  JSON.stringify(b.settings),
  JSON.stringify(b.options),
  b.status,
  b.closesAt ?? "",
  b.shareToken,
  b.createdAt,
];

export const inviteeParams = (i: InviteeRecord & { tokenHash: string }) => [
  i.id,
  i.ballotId,
  i.name,
  i.email,
  i.group,
  i.revokedAt ?? "",
  i.createdAt,
  i.tokenHash,
];

export const voteParams = (v: VoteRecord) => [
  v.ballotId,
  v.voterKey,
  v.group,
  JSON.stringify(v.vote),
  v.firstAt,
  v.updatedAt,
];

export const toBallot = (row: BallotRow): BallotRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  method: row.method as BallotRecord["method"],
  settings: JSON.parse(row.settings),
  options: JSON.parse(row.options),
  status: row.status as BallotRecord["status"],
  closesAt: row.closes_at || null,
  shareToken: row.share_token,
  createdAt: row.created_at,
});

export const toInvitee = (row: InviteeRow): InviteeRecord => ({
  id: row.id,
  ballotId: row.ballot_id,
  name: row.name,
  email: row.email,
  group: row.group_name,
  revokedAt: row.revoked_at || null,
  createdAt: row.created_at,
});

export const toVote = (row: VoteRow): VoteRecord => ({
  ballotId: row.ballot_id,
  voterKey: row.voter_key,
  group: row.group_name,
  vote: JSON.parse(row.vote),
  firstAt: row.first_at,
  updatedAt: row.updated_at,
});

/**
 * The schema step both stores take (schema v4 in each). `key` is the type of ids and times:
 * PostgreSQL's is `TEXT COLLATE "C"`, so they compare and sort byte by byte as in SQLite and match
 * the workshops' ids they reference.
 */
export const ballotTablesSql = (key: string) => `
  -- A prioritization ballot on a workshop's themes (options: its themes when it was opened).
  CREATE TABLE ballots (
    id ${key} PRIMARY KEY,
    workshop_id ${key} NOT NULL REFERENCES workshops (id),
    method TEXT NOT NULL,
    settings TEXT NOT NULL,
    options TEXT NOT NULL,
    status TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    share_token TEXT NOT NULL UNIQUE,
    created_at ${key} NOT NULL
  );
  CREATE INDEX ballots_workshop ON ballots (workshop_id);

  -- Only a hash of each personal link's token, like facilitator keys: a copy of the database votes for no one.
  CREATE TABLE ballot_invitees (
    id ${key} PRIMARY KEY,
    ballot_id ${key} NOT NULL REFERENCES ballots (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    group_name TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    created_at ${key} NOT NULL,
    token_hash TEXT NOT NULL UNIQUE
  );
  CREATE INDEX ballot_invitees_ballot ON ballot_invitees (ballot_id);

  -- One row per personal link or shareable-link device: a second vote replaces the first.
  CREATE TABLE ballot_votes (
    ballot_id ${key} NOT NULL REFERENCES ballots (id),
    voter_key ${key} NOT NULL,
    group_name TEXT NOT NULL,
    vote TEXT NOT NULL,
    first_at ${key} NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (ballot_id, voter_key)
  );
`;
