import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { revivedState, type SerializedState } from "../../core/index.js";
import {
  type CommandRecord,
  type CommandRef,
  commandKey,
  type EventStore,
  type NewEvents,
  type Snapshot,
  type StoredEvent,
  storedEvents,
  type WorkshopSummary,
} from "./eventStore.js";
import { applyMigrations } from "./migrations.js";
import { EVENT_COLUMNS, type EventRow, toStoredEvent, toSummary, WORKSHOP_COLUMNS, type WorkshopRow } from "./rows.js";
import { openSqliteConnection } from "./sqliteConnection.js";
import { type AsyncWrites, SqliteWriterThread } from "./sqliteWriterThread.js";
import { cachedStatements, type SqliteWrites, sqliteWrites } from "./sqliteWrites.js";
import { type LinkRead, type LinkWrite, linkReadSql } from "./workshopLinks.js";

export interface SqliteStoreOptions {
  /**
   * "thread" runs the writes, and the fsync of each durable commit, on a worker thread with its
   * own connection (sqliteWriterThread.ts), so the server's thread goes on deciding and sending
   * while a group is made durable: the server's store does. "inline" (the default) writes on
   * the caller's thread: an in-memory database can only do that, and a short command-line run
   * need not start a thread (about 0.4 s, most of it loading TypeScript into it).
   */
  writes?: "inline" | "thread";
}

/** The event store in one SQLite file: the default for a single self-hosted server. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly writes: AsyncWrites;

  /** Opens (creating if needed) and migrates the database at `filename`, or ":memory:". */
  constructor(filename: string, { writes = "inline" }: SqliteStoreOptions = {}) {
    this.db = openSqliteConnection(filename);
    try {
      applyMigrations(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = prepareStatements(this.db);
    this.writes = writes === "thread" ? new SqliteWriterThread(filename) : inlineWrites(sqliteWrites(this.db));
  }

  async append(batch: NewEvents): Promise<StoredEvent[]> {
    await this.writes.appendMany([batch]);
    return storedEvents(batch);
  }

  async appendMany(batches: readonly NewEvents[]): Promise<StoredEvent[][]> {
    // One transaction, so one fsync for all of them: with synchronous=FULL the commit, not the
    // rows, is what costs.
    if (batches.length === 0) return [];
    await this.writes.appendMany(batches);
    return batches.map(storedEvents);
  }

  async readEvents(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    if (limit === undefined) return this.statements.readEvents.all(workshopId, afterSeq).map(toStoredEvent);
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer: ${limit}`);
    return this.statements.readEventsLimited.all(workshopId, afterSeq, limit).map(toStoredEvent);
  }

  async findCommands(commands: readonly CommandRef[]): Promise<Map<string, CommandRecord>> {
    const found = new Map<string, CommandRecord>();
    if (commands.length === 0) return found;
    const keys = JSON.stringify(commands.map(({ workshopId, actorId, commandId }) => [workshopId, actorId, commandId]));
    for (const row of this.statements.findCommands.all(keys)) found.set(commandKey(row), { seq: row.seq });
    return found;
  }

  async listCommandKeys(workshopId: string): Promise<string[]> {
    return this.statements.listCommands.all(workshopId).map(commandKey);
  }

  async loadSnapshot(workshopId: string): Promise<Snapshot | undefined> {
    const row = this.statements.loadSnapshot.get(workshopId);
    if (!row) return undefined;
    return { workshopId: row.workshop_id, seq: row.seq, state: revivedState(JSON.parse(row.state) as SerializedState) };
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    return this.writes.saveSnapshot({ ...snapshot, state: JSON.stringify(snapshot.state) });
  }

  async listWorkshops(): Promise<WorkshopSummary[]> {
    return this.statements.listWorkshops.all().map(toSummary);
  }

  async getWorkshop(workshopId: string): Promise<WorkshopSummary | undefined> {
    const row = this.statements.getWorkshop.get(workshopId);
    return row ? toSummary(row) : undefined;
  }

  async workshopHeads(workshopIds: readonly string[]): Promise<Map<string, number>> {
    const rows = this.statements.workshopHeads.all(JSON.stringify(workshopIds));
    return new Map(rows.map((row) => [row.id, row.seq]));
  }

  async readLink(read: LinkRead): Promise<string | undefined> {
    const { sql, params } = linkReadSql(read);
    return this.statements.link(sql).get(...params)?.value;
  }

  writeLink(write: LinkWrite): Promise<void> {
    return this.writes.writeLink(write);
  }

  async close(): Promise<void> {
    await this.writes.close();
    // Closing also checkpoints the WAL, so a cleanly stopped server leaves a single self-contained file.
    if (this.db.open) this.db.close();
  }
}

/** The writes on the caller's thread, answered as promises like the writer thread's. */
function inlineWrites(writes: SqliteWrites): AsyncWrites {
  return {
    appendMany: async (batches) => writes.appendMany(batches),
    saveSnapshot: async (snapshot) => writes.saveSnapshot(snapshot),
    writeLink: async (write) => writes.writeLink(write),
    close: async () => undefined,
  };
}

/** Opens `<dataDir>/concord.db`, creating the directory first: the server's default store. */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): SqliteEventStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteEventStore(join(dataDir, "concord.db"), options);
}

type Statements = ReturnType<typeof prepareStatements>;

/** Every read the store runs, compiled once per connection (the writes are in sqliteWrites.ts). */
function prepareStatements(db: Database.Database) {
  return {
    readEvents: db.prepare<[string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq`,
    ),
    readEventsLimited: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    // One lookup by primary key per (workshop, actor, command id) of the JSON array, in one statement. CROSS JOIN
    // keeps the array as the outer loop: a plain JOIN lets SQLite scan all of the workshop's commands instead.
    findCommands: db.prepare<[string], { workshopId: string; actorId: string; commandId: string; seq: number }>(
      `SELECT c.workshop_id AS workshopId, c.actor_id AS actorId, c.command_id AS commandId, c.seq
       FROM json_each(?) AS k CROSS JOIN commands AS c
       ON c.workshop_id = k.value ->> 0 AND c.actor_id = k.value ->> 1 AND c.command_id = k.value ->> 2`,
    ),
    listCommands: db.prepare<[string], CommandRef>(
      "SELECT workshop_id AS workshopId, actor_id AS actorId, command_id AS commandId FROM commands WHERE workshop_id = ?",
    ),
    loadSnapshot: db.prepare<[string], { workshop_id: string; seq: number; state: string }>(
      "SELECT workshop_id, seq, state FROM snapshots WHERE workshop_id = ?",
    ),
    // id breaks ties so the order is stable when two workshops change in the same millisecond.
    listWorkshops: db.prepare<[], WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops ORDER BY updated_at DESC, id`,
    ),
    getWorkshop: db.prepare<[string], WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = ?`),
    workshopHeads: db.prepare<[string], { id: string; seq: number }>(
      "SELECT id, seq FROM workshops WHERE id IN (SELECT value FROM json_each(?))",
    ),
    link: cachedStatements<string[], { value: string }>(db),
  };
}
