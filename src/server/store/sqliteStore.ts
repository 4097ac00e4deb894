import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { DomainEvent, Role, WorkshopState } from "../../core/index.js";
import {
  type CommandRecord,
  type EventStore,
  type NewEvents,
  SequenceConflictError,
  type Snapshot,
  type StoredEvent,
  type WorkshopSummary,
} from "./eventStore.js";
import { applyMigrations } from "./migrations.js";

interface WorkshopRow {
  id: string;
  title: string;
  seq: number;
  created_at: string;
  updated_at: string;
}

interface EventRow {
  workshop_id: string;
  seq: number;
  at: string;
  actor_role: string;
  actor_id: string;
  command_id: string;
  payload: string;
}

interface EventInsert {
  workshopId: string;
  seq: number;
  at: string;
  actorRole: string;
  actorId: string;
  commandId: string;
  type: string;
  payload: string;
}

/** Where a workshop's log stands inside one append transaction, and what its listing row will say. */
interface LogHead {
  seq: number;
  title: string;
  at: string;
  /** True once a batch added events: the listing row is updated at the end. */
  moved: boolean;
}

const EVENT_COLUMNS = "workshop_id, seq, at, actor_role, actor_id, command_id, payload";
const WORKSHOP_COLUMNS = "id, title, seq, created_at, updated_at";

/** The event store in one SQLite file: the default for a single self-hosted server. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly appendTransaction: (batches: readonly NewEvents[]) => StoredEvent[][];

  /** Opens (creating if needed) and migrates the database at `filename`, or ":memory:". */
  constructor(filename: string) {
    this.db = new Database(filename);
    try {
      this.db.pragma("journal_mode = WAL");
      // FULL: an acknowledged command must survive a power cut, not just a process crash.
      this.db.pragma("synchronous = FULL");
      this.db.pragma("foreign_keys = ON");
      this.db.pragma("busy_timeout = 5000");
      applyMigrations(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = prepareStatements(this.db);
    // IMMEDIATE takes the write lock before reading the seq, so a second connection to the same file cannot
    // read the same seq in between and the check-then-insert stays atomic across processes too.
    const transaction = this.db.transaction((batches: readonly NewEvents[]) => {
      const heads = new Map<string, LogHead>();
      const stored = batches.map((batch) => this.appendNow(batch, heads));
      // The listing row of each workshop is written once per transaction, not once per batch.
      for (const [id, { seq, title, at, moved }] of heads) {
        if (moved) this.statements.updateWorkshop.run({ id, seq, title, at });
      }
      return stored;
    });
    this.appendTransaction = (batches) => transaction.immediate(batches);
  }

  async append(batch: NewEvents): Promise<StoredEvent[]> {
    return this.appendTransaction([batch])[0] ?? [];
  }

  async appendMany(batches: readonly NewEvents[]): Promise<StoredEvent[][]> {
    // One transaction, so one fsync for all of them: with synchronous=FULL the commit, not the
    // rows, is what costs.
    return batches.length === 0 ? [] : this.appendTransaction(batches);
  }

  async readEvents(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    if (limit === undefined) return this.statements.readEvents.all(workshopId, afterSeq).map(toStoredEvent);
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer: ${limit}`);
    return this.statements.readEventsLimited.all(workshopId, afterSeq, limit).map(toStoredEvent);
  }

  async findCommand(workshopId: string, actorId: string, commandId: string): Promise<CommandRecord | undefined> {
    const row = this.statements.findCommand.get(workshopId, actorId, commandId);
    return row ? { seq: row.seq } : undefined;
  }

  async loadSnapshot(workshopId: string): Promise<Snapshot | undefined> {
    const row = this.statements.loadSnapshot.get(workshopId);
    if (!row) return undefined;
    return { workshopId: row.workshop_id, seq: row.seq, state: JSON.parse(row.state) as WorkshopState };
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    const row = {
      workshopId: snapshot.workshopId,
      seq: snapshot.seq,
      state: JSON.stringify(snapshot.state),
      savedAt: new Date().toISOString(),
    };
    // A snapshot only shortens the next load (the log is the truth), so it skips its own fsync:
    // the next FULL commit syncs the WAL it sits in, and a power cut before that costs a shortcut,
    // never an event.
    this.db.pragma("synchronous = NORMAL");
    try {
      this.statements.saveSnapshot.run(row);
    } finally {
      this.db.pragma("synchronous = FULL");
    }
  }

  async listWorkshops(): Promise<WorkshopSummary[]> {
    return this.statements.listWorkshops.all().map(toSummary);
  }

  async getWorkshop(workshopId: string): Promise<WorkshopSummary | undefined> {
    const row = this.statements.getWorkshop.get(workshopId);
    return row ? toSummary(row) : undefined;
  }

  async getFlag(name: string): Promise<string | undefined> {
    return this.statements.getFlag.get(name)?.value;
  }

  async setFlag(name: string, value: string): Promise<void> {
    this.statements.setFlag.run(name, value);
  }

  async close(): Promise<void> {
    // Closing also checkpoints the WAL, so a cleanly stopped server leaves a single self-contained file.
    if (this.db.open) this.db.close();
  }

  /**
   * One batch; only ever runs inside `appendTransaction`. `heads` holds where each workshop's log
   * stands in this transaction, so a workshop's seq is read once however many of its batches follow.
   */
  private appendNow(batch: NewEvents, heads: Map<string, LogHead>): StoredEvent[] {
    const { workshopId, expectedSeq, at, actor, commandId, events, title } = batch;
    let head = heads.get(workshopId);
    if (!head) {
      const current = this.statements.workshopSeq.get(workshopId);
      if (!current && expectedSeq === 0) this.statements.insertWorkshop.run({ id: workshopId, title, at });
      head = { seq: current?.seq ?? 0, title, at, moved: false };
      heads.set(workshopId, head);
    }
    if (head.seq !== expectedSeq) throw new SequenceConflictError(workshopId, expectedSeq);

    const stored = events.map((event, index): StoredEvent => {
      const seq = expectedSeq + index + 1;
      this.statements.insertEvent.run({
        workshopId,
        seq,
        at,
        actorRole: actor.role,
        actorId: actor.id,
        commandId,
        type: event.type,
        payload: JSON.stringify(event),
      });
      return { workshopId, seq, at, actor: { role: actor.role, id: actor.id }, commandId, event };
    });

    const finalSeq = expectedSeq + events.length;
    // A duplicate (workshop, actor, command id) violates the primary key and rolls the whole batch back:
    // callers must check findCommand first.
    this.statements.insertCommand.run(workshopId, actor.id, commandId, finalSeq);
    // A command that changed nothing leaves the listing alone: the log did not move.
    if (events.length > 0) Object.assign(head, { seq: finalSeq, title, at, moved: true });
    return stored;
  }
}

/** Opens `<dataDir>/concord.db`, creating the directory first: the server's default store. */
export function openSqliteStore(dataDir: string): SqliteEventStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteEventStore(join(dataDir, "concord.db"));
}

type Statements = ReturnType<typeof prepareStatements>;

/** Every statement the store runs, compiled once per connection. */
function prepareStatements(db: Database.Database) {
  return {
    workshopSeq: db.prepare<[string], { seq: number }>("SELECT seq FROM workshops WHERE id = ?"),
    insertWorkshop: db.prepare<{ id: string; title: string; at: string }>(
      "INSERT INTO workshops (id, title, seq, created_at, updated_at) VALUES (@id, @title, 0, @at, @at)",
    ),
    updateWorkshop: db.prepare<{ id: string; title: string; seq: number; at: string }>(
      "UPDATE workshops SET seq = @seq, title = @title, updated_at = @at WHERE id = @id",
    ),
    insertEvent: db.prepare<EventInsert>(
      `INSERT INTO events (workshop_id, seq, at, actor_role, actor_id, command_id, type, payload)
       VALUES (@workshopId, @seq, @at, @actorRole, @actorId, @commandId, @type, @payload)`,
    ),
    insertCommand: db.prepare<[string, string, string, number]>(
      "INSERT INTO commands (workshop_id, actor_id, command_id, seq) VALUES (?, ?, ?, ?)",
    ),
    readEvents: db.prepare<[string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq`,
    ),
    readEventsLimited: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    findCommand: db.prepare<[string, string, string], { seq: number }>(
      "SELECT seq FROM commands WHERE workshop_id = ? AND actor_id = ? AND command_id = ?",
    ),
    loadSnapshot: db.prepare<[string], { workshop_id: string; seq: number; state: string }>(
      "SELECT workshop_id, seq, state FROM snapshots WHERE workshop_id = ?",
    ),
    // The WHERE on the update keeps a slow writer's older snapshot from replacing a newer one.
    saveSnapshot: db.prepare<{ workshopId: string; seq: number; state: string; savedAt: string }>(
      `INSERT INTO snapshots (workshop_id, seq, state, saved_at) VALUES (@workshopId, @seq, @state, @savedAt)
       ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, saved_at = excluded.saved_at
       WHERE excluded.seq >= snapshots.seq`,
    ),
    // id breaks ties so the order is stable when two workshops change in the same millisecond.
    listWorkshops: db.prepare<[], WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops ORDER BY updated_at DESC, id`,
    ),
    getWorkshop: db.prepare<[string], WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = ?`),
    getFlag: db.prepare<[string], { value: string }>("SELECT value FROM flags WHERE name = ?"),
    setFlag: db.prepare<[string, string]>(
      "INSERT INTO flags (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    ),
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    workshopId: row.workshop_id,
    seq: row.seq,
    at: row.at,
    actor: { role: row.actor_role as Role, id: row.actor_id },
    commandId: row.command_id,
    event: JSON.parse(row.payload) as DomainEvent,
  };
}

function toSummary(row: WorkshopRow): WorkshopSummary {
  return { id: row.id, title: row.title, seq: row.seq, createdAt: row.created_at, updatedAt: row.updated_at };
}
