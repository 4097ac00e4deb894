/**
 * Every table of a store, as `concord backup`, `restore` and `copy` move them: the same names and
 * columns in SQLite and PostgreSQL (migrations.ts, postgresMigrations.ts), listed so that a table
 * comes after the tables it references. A new table or column must be added here too, with a new
 * backup format version (docs/architecture.md, "Backups and moves").
 */
export interface TableSpec {
  name: string;
  columns: readonly string[];
  /** The primary key: rows are read in its order, so a backup of the same data is the same file. */
  key: readonly string[];
  /** Columns that are 0/1 in SQLite and BOOLEAN in PostgreSQL (true/false in a backup). */
  booleans?: readonly string[];
  /** Rows handed on at a time; small for tables whose rows are large (a snapshot holds a whole board). */
  rowsPerChunk: number;
}

export const STORE_TABLES: readonly TableSpec[] = [
  { name: "workshops", columns: ["id", "title", "seq", "created_at", "updated_at"], key: ["id"], rowsPerChunk: 500 },
  {
    name: "events",
    columns: ["workshop_id", "seq", "at", "actor_role", "actor_id", "command_id", "type", "payload"],
    key: ["workshop_id", "seq"],
    rowsPerChunk: 500,
  },
  {
    name: "commands",
    columns: ["workshop_id", "actor_id", "command_id", "seq"],
    key: ["workshop_id", "actor_id", "command_id"],
    rowsPerChunk: 500,
  },
  { name: "snapshots", columns: ["workshop_id", "seq", "state", "saved_at"], key: ["workshop_id"], rowsPerChunk: 10 },
  {
    name: "accounts",
    columns: ["id", "email", "name", "password_hash", "created_at"],
    key: ["id"],
    rowsPerChunk: 500,
  },
  { name: "sessions", columns: ["token_hash", "account_id", "expires_at"], key: ["token_hash"], rowsPerChunk: 500 },
  {
    name: "workshop_access",
    columns: ["workshop_id", "account_id", "role", "archived"],
    key: ["workshop_id", "account_id"],
    booleans: ["archived"],
    rowsPerChunk: 500,
  },
  { name: "join_codes", columns: ["code", "workshop_id"], key: ["code"], rowsPerChunk: 500 },
  { name: "public_workshops", columns: ["workshop_id"], key: ["workshop_id"], rowsPerChunk: 500 },
  { name: "facilitator_keys", columns: ["workshop_id", "key_hash"], key: ["workshop_id"], rowsPerChunk: 500 },
  { name: "report_links", columns: ["token", "workshop_id"], key: ["token"], rowsPerChunk: 500 },
  { name: "demo", columns: ["singleton", "workshop_id"], key: ["singleton"], rowsPerChunk: 500 },
  {
    name: "ballots",
    columns: ["id", "workshop_id", "method", "settings", "options", "status", "closes_at", "share_token", "created_at"],
    key: ["id"],
    rowsPerChunk: 100,
  },
  {
    name: "ballot_invitees",
    columns: ["id", "ballot_id", "name", "email", "group_name", "revoked_at", "created_at", "token_hash"],
    key: ["id"],
    rowsPerChunk: 500,
  },
  {
    name: "ballot_votes",
    columns: ["ballot_id", "voter_key", "group_name", "vote", "first_at", "updated_at"],
    key: ["ballot_id", "voter_key"],
    rowsPerChunk: 500,
  },
];

/** A column's value as it travels: every column is TEXT, INTEGER or a boolean. */
export type Value = string | number | boolean;

/** Some rows of one table, each in the order of `table.columns`. */
export interface RowChunk {
  table: TableSpec;
  rows: Value[][];
}

/** Rows per table, in `STORE_TABLES` order: what a backup, restore or copy moved. */
export type RowCounts = Map<string, number>;

/** One side of a move: a store read in one consistent snapshot, or written in one transaction. */
export interface TableStore {
  /** Every row of every table from one snapshot (writers go on meanwhile), in `STORE_TABLES` order. */
  readAll(): AsyncGenerator<RowChunk>;
  /**
   * Writes the rows in one transaction, after checking that no table holds a row (it throws
   * `StoreNotEmptyError` then): on any failure, nothing is written.
   */
  writeAll(chunks: AsyncIterable<RowChunk>): Promise<RowCounts>;
  close(): Promise<void>;
}

/** A restore or copy into a store that already holds data: it would mix two stores' ids and logs. */
export class StoreNotEmptyError extends Error {
  constructor(where: string) {
    super(`${where} is not empty: restore and copy only write into an empty store`);
    this.name = "StoreNotEmptyError";
  }
}

/** Refuses to read a store whose schema is not this build's: its tables would not be these. */
export function assertCurrentSchema(where: string, version: number | null | undefined, latest: number): void {
  if (version === latest) return;
  const found = version ? `schema version ${version}` : "no Concord tables";
  throw new Error(
    `${where} has ${found}, this build reads version ${latest}: start this version's server on it once (it migrates the store), or use the concord that matches it`,
  );
}

/** Counts the rows of each chunk as they pass. */
export async function* counted(chunks: AsyncIterable<RowChunk>, counts: RowCounts): AsyncGenerator<RowChunk> {
  for await (const chunk of chunks) {
    counts.set(chunk.table.name, (counts.get(chunk.table.name) ?? 0) + chunk.rows.length);
    yield chunk;
  }
}
