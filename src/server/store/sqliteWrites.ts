import type Database from "better-sqlite3";
import { type NewEvents, SequenceConflictError } from "./eventStore.js";
import { type LinkWrite, linkWriteSql } from "./workshopLinks.js";

/** Where a workshop's log stands inside one append transaction, and what its listing row will say. */
interface LogHead {
  seq: number;
  title: string;
  at: string;
  /** True once a batch added events: the listing row is updated at the end. */
  moved: boolean;
}

/** workshop_id, seq, at, actor_role, actor_id, command_id, type, payload. */
type EventInsert = [string, number, string, string, string, string, string, string];

/**
 * A snapshot with its state already serialised: the state's persistent card map would not survive
 * the copy to the writer thread, and serialising on the server's thread is what saving costs anyway.
 */
export interface SnapshotJson {
  workshopId: string;
  seq: number;
  state: string;
}

/** Every write the event store makes, as one connection runs them: on the server's thread or on the writer thread. */
export interface SqliteWrites {
  /** One transaction for all the batches; throws SequenceConflictError, or the constraint error of a repeated command id. */
  appendMany(batches: readonly NewEvents[]): void;
  saveSnapshot(snapshot: SnapshotJson): void;
  writeLink(write: LinkWrite): void;
}

/** Statements compiled on first use and kept, for SQL texts chosen at run time (workshopLinks.ts). */
export function cachedStatements<P extends unknown[], R>(
  db: Database.Database,
): (sql: string) => Database.Statement<P, R> {
  const statements = new Map<string, Database.Statement<P, R>>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<P, R>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

/** Prepares the write statements on `db` (already migrated) and returns the writes. */
export function sqliteWrites(db: Database.Database): SqliteWrites {
  const statements = prepareWriteStatements(db);

  /** One batch; only ever runs inside the transaction below. */
  function appendNow(batch: NewEvents, heads: Map<string, LogHead>): void {
    const { workshopId, expectedSeq, at, actor, commandId, events, title } = batch;
    let head = heads.get(workshopId);
    if (!head) {
      const current = statements.workshopSeq.get(workshopId);
      if (!current && expectedSeq === 0) statements.insertWorkshop.run({ id: workshopId, title, at });
      head = { seq: current?.seq ?? 0, title, at, moved: false };
      heads.set(workshopId, head);
    }
    if (head.seq !== expectedSeq) throw new SequenceConflictError(workshopId, expectedSeq);

    events.forEach((event, index) => {
      const seq = expectedSeq + index + 1;
      statements.insertEvent.run(
        workshopId,
        seq,
        at,
        actor.role,
        actor.id,
        commandId,
        event.type,
        JSON.stringify(event),
      );
    });
    const finalSeq = expectedSeq + events.length;
    // A duplicate (workshop, actor, command id) violates the primary key and rolls the whole batch back:
    // callers must check findCommands first.
    statements.insertCommand.run(workshopId, actor.id, commandId, finalSeq);
    // A command that changed nothing leaves the listing alone: the log did not move.
    if (events.length > 0) Object.assign(head, { seq: finalSeq, title, at, moved: true });
  }

  const append = db.transaction((batches: readonly NewEvents[]) => {
    const heads = new Map<string, LogHead>();
    for (const batch of batches) appendNow(batch, heads);
    // The listing row of each workshop is written once per transaction, not once per batch.
    for (const [id, { seq, title, at, moved }] of heads) {
      if (moved) statements.updateWorkshop.run({ id, seq, title, at });
    }
  });

  return {
    // IMMEDIATE takes the write lock before reading the seq, so a second connection to the same file cannot
    // read the same seq in between and the check-then-insert stays atomic across processes too.
    appendMany: (batches) => append.immediate(batches),
    saveSnapshot(snapshot) {
      const row = {
        workshopId: snapshot.workshopId,
        seq: snapshot.seq,
        state: snapshot.state,
        savedAt: new Date().toISOString(),
      };
      // A snapshot only shortens the next load (the log is the truth), so it skips its own fsync:
      // the next FULL commit syncs the WAL it sits in, and a power cut before that costs a shortcut,
      // never an event.
      db.pragma("synchronous = NORMAL");
      try {
        statements.saveSnapshot.run(row);
      } finally {
        db.pragma("synchronous = FULL");
      }
    },
    writeLink(write) {
      const { sql, params } = linkWriteSql(write);
      statements.link(sql).run(...params);
    },
  };
}

function prepareWriteStatements(db: Database.Database) {
  return {
    workshopSeq: db.prepare<[string], { seq: number }>("SELECT seq FROM workshops WHERE id = ?"),
    insertWorkshop: db.prepare<{ id: string; title: string; at: string }>(
      "INSERT INTO workshops (id, title, seq, created_at, updated_at) VALUES (@id, @title, 0, @at, @at)",
    ),
    updateWorkshop: db.prepare<{ id: string; title: string; seq: number; at: string }>(
      "UPDATE workshops SET seq = @seq, title = @title, updated_at = @at WHERE id = @id",
    ),
    // Positional: binding by name costs a property lookup per column, per row.
    insertEvent: db.prepare<EventInsert>(
      `INSERT INTO events (workshop_id, seq, at, actor_role, actor_id, command_id, type, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertCommand: db.prepare<[string, string, string, number]>(
      "INSERT INTO commands (workshop_id, actor_id, command_id, seq) VALUES (?, ?, ?, ?)",
    ),
    // The WHERE on the update keeps a slow writer's older snapshot from replacing a newer one.
    saveSnapshot: db.prepare<{ workshopId: string; seq: number; state: string; savedAt: string }>(
      `INSERT INTO snapshots (workshop_id, seq, state, saved_at) VALUES (@workshopId, @seq, @state, @savedAt)
       ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, saved_at = excluded.saved_at
       WHERE excluded.seq >= snapshots.seq`,
    ),
    link: cachedStatements<string[], unknown>(db),
  };
}
