import { Pool, type PoolClient } from "pg";
import { revivedState, type SerializedState } from "../../core/index.js";
import {
  type CommandRecord,
  type CommandRef,
  commandKey,
  type EventStore,
  type NewEvents,
  SequenceConflictError,
  type Snapshot,
  type StoredEvent,
  storedEvents,
  type WorkshopSummary,
} from "./eventStore.js";
import { applyPostgresMigrations, MIGRATION_LOCK } from "./postgresMigrations.js";
import { EVENT_COLUMNS, type EventRow, toStoredEvent, toSummary, WORKSHOP_COLUMNS, type WorkshopRow } from "./rows.js";
import { type LinkRead, type LinkWrite, linkReadSql, linkWriteSql } from "./workshopLinks.js";

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** A schema of its own, created if needed (tests give each store one); default: the server's search_path. */
  schema?: string;
  /** Most connections the pool opens; default 10. */
  max?: number;
}

/** Where a workshop's log stands inside one append transaction, and what its listing row will say. */
interface LogHead {
  seq: number;
  title: string;
  at: string;
  moved: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** PostgreSQL's TEXT cannot hold NUL; a listing title is the only free text stored outside JSON. */
const listingText = (text: string) => text.replaceAll("\u0000", "\uFFFD");

/**
 * Opens a pool on the database and brings its schema up to date: the one connection setup that
 * the event store and the account store share.
 */
export async function openPostgresPool(options: PostgresOptions): Promise<Pool> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Not a plain schema name: ${schema}`);
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server (a restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (schema) await createSchema(client, schema);
      await applyPostgresMigrations(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

/** CREATE SCHEMA IF NOT EXISTS is not safe against itself: pools that open together take turns. */
async function createSchema(client: PoolClient, schema: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * The event store on PostgreSQL, for several server processes sharing one database. Same
 * semantics as the SQLite store: the workshop's row is locked (`FOR UPDATE`) for the whole append
 * transaction, so the check of `expectedSeq` and the insert are atomic across processes too.
 */
export class PostgresEventStore implements EventStore {
  private closed = false;

  /** `ownsPool`: `close` ends the pool (false when the account store shares it). */
  constructor(
    private readonly pool: Pool,
    private readonly ownsPool = true,
  ) {}

  static async open(options: PostgresOptions): Promise<PostgresEventStore> {
    return new PostgresEventStore(await openPostgresPool(options));
  }

  async append(batch: NewEvents): Promise<StoredEvent[]> {
    return (await this.appendMany([batch]))[0] ?? [];
  }

  async appendMany(batches: readonly NewEvents[]): Promise<StoredEvent[][]> {
    if (batches.length === 0) return [];
    return this.transaction((client) => this.appendNow(client, batches));
  }

  async readEvents(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new RangeError(`limit must be a non-negative integer: ${limit}`);
    }
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE workshop_id = $1 AND seq > $2 ORDER BY seq`;
    const { rows } =
      limit === undefined
        ? await this.pool.query<EventRow>(sql, [workshopId, afterSeq])
        : await this.pool.query<EventRow>(`${sql} LIMIT $3`, [workshopId, afterSeq, limit]);
    return rows.map(toStoredEvent);
  }

  async findCommands(commands: readonly CommandRef[]): Promise<Map<string, CommandRecord>> {
    const found = new Map<string, CommandRecord>();
    if (commands.length === 0) return found;
    const { rows } = await this.pool.query<{ workshopId: string; actorId: string; commandId: string; seq: number }>(
      `SELECT c.workshop_id AS "workshopId", c.actor_id AS "actorId", c.command_id AS "commandId", c.seq
       FROM unnest($1::text[], $2::text[], $3::text[]) AS k(workshop_id, actor_id, command_id)
       JOIN commands AS c USING (workshop_id, actor_id, command_id)`,
      [
        commands.map((command) => command.workshopId),
        commands.map((command) => command.actorId),
        commands.map((command) => command.commandId),
      ],
    );
    for (const row of rows) found.set(commandKey(row), { seq: row.seq });
    return found;
  }

  async listCommandKeys(workshopId: string): Promise<string[]> {
    const { rows } = await this.pool.query<CommandRef>(
      `SELECT workshop_id AS "workshopId", actor_id AS "actorId", command_id AS "commandId"
       FROM commands WHERE workshop_id = $1`,
      [workshopId],
    );
    return rows.map(commandKey);
  }

  async loadSnapshot(workshopId: string): Promise<Snapshot | undefined> {
    const { rows } = await this.pool.query<{ workshop_id: string; seq: number; state: string }>(
      "SELECT workshop_id, seq, state FROM snapshots WHERE workshop_id = $1",
      [workshopId],
    );
    const row = rows[0];
    return (
      row && {
        workshopId: row.workshop_id,
        seq: row.seq,
        state: revivedState(JSON.parse(row.state) as SerializedState),
      }
    );
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    // The WHERE keeps a slow writer's older snapshot (another process's, too) from replacing a newer one.
    await this.pool.query(
      `INSERT INTO snapshots (workshop_id, seq, state, saved_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, saved_at = excluded.saved_at
       WHERE excluded.seq >= snapshots.seq`,
      [snapshot.workshopId, snapshot.seq, JSON.stringify(snapshot.state), new Date().toISOString()],
    );
  }

  async listWorkshops(): Promise<WorkshopSummary[]> {
    const { rows } = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops ORDER BY updated_at DESC, id`,
    );
    return rows.map(toSummary);
  }

  async getWorkshop(workshopId: string): Promise<WorkshopSummary | undefined> {
    const { rows } = await this.pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = $1`, [
      workshopId,
    ]);
    return rows[0] && toSummary(rows[0]);
  }

  async workshopHeads(workshopIds: readonly string[]): Promise<Map<string, number>> {
    if (workshopIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; seq: number }>(
      "SELECT id, seq FROM workshops WHERE id = ANY($1::text[])",
      [workshopIds],
    );
    return new Map(rows.map((row) => [row.id, row.seq]));
  }

  async readLink(read: LinkRead): Promise<string | undefined> {
    const { sql, params } = linkReadSql(read);
    const { rows } = await this.pool.query<{ value: string }>(numbered(sql), params);
    return rows[0]?.value;
  }

  async writeLink(write: LinkWrite): Promise<void> {
    const { sql, params } = linkWriteSql(write);
    await this.pool.query(numbered(sql), params);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * The whole group in one transaction: lock every workshop it touches (in id order, so two
   * processes' groups cannot deadlock), check and number each batch in memory, then write every
   * event, command id and listing row in one statement each.
   */
  private async appendNow(client: PoolClient, batches: readonly NewEvents[]): Promise<StoredEvent[][]> {
    const ids = [...new Set(batches.map((batch) => batch.workshopId))].sort();
    const locked = await client.query<{ id: string; seq: number }>(
      "SELECT id, seq FROM workshops WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE",
      [ids],
    );
    const heads = new Map<string, LogHead>();
    for (const row of locked.rows) heads.set(row.id, { seq: row.seq, title: "", at: "", moved: false });

    const created: { id: string; title: string; at: string }[] = [];
    const events = new EventColumns();
    const commands = {
      workshopId: [] as string[],
      actorId: [] as string[],
      commandId: [] as string[],
      seq: [] as number[],
    };
    const stored = batches.map((batch): StoredEvent[] => {
      const { workshopId, expectedSeq, at, actor, commandId, title } = batch;
      let head = heads.get(workshopId);
      if (!head) {
        if (expectedSeq === 0) created.push({ id: workshopId, title: listingText(title), at });
        head = { seq: 0, title, at, moved: false };
        heads.set(workshopId, head);
      }
      if (head.seq !== expectedSeq) throw new SequenceConflictError(workshopId, expectedSeq);
      const appended = storedEvents(batch);
      for (const stored of appended) events.push(stored);
      const finalSeq = expectedSeq + appended.length;
      commands.workshopId.push(workshopId);
      commands.actorId.push(actor.id);
      commands.commandId.push(commandId);
      commands.seq.push(finalSeq);
      if (appended.length > 0) Object.assign(head, { seq: finalSeq, title, at, moved: true });
      return appended;
    });

    if (created.length > 0) {
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO workshops (id, title, seq, created_at, updated_at)
         SELECT id, title, 0, at, at FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, title, at)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [created.map((row) => row.id), created.map((row) => row.title), created.map((row) => row.at)],
      );
      // Another process created the same workshop in between: its log, not ours, is at seq 0 now.
      if (inserted.rows.length < created.length) {
        const lost = created.find((row) => !inserted.rows.some((insertedRow) => insertedRow.id === row.id));
        throw new SequenceConflictError(lost?.id ?? "", 0);
      }
    }
    if (events.length > 0) {
      await client.query(
        `INSERT INTO events (workshop_id, seq, at, actor_role, actor_id, command_id, type, payload)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
        events.columns(),
      );
    }
    // A repeated (workshop, actor, command id) violates the primary key and rolls everything back:
    // callers check findCommands first.
    await client.query(
      `INSERT INTO commands (workshop_id, actor_id, command_id, seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
      [commands.workshopId, commands.actorId, commands.commandId, commands.seq],
    );
    const moved = [...heads].filter(([, head]) => head.moved);
    if (moved.length > 0) {
      await client.query(
        `UPDATE workshops AS w SET seq = u.seq, title = u.title, updated_at = u.at
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS u(id, seq, title, at) WHERE w.id = u.id`,
        [
          moved.map(([id]) => id),
          moved.map(([, head]) => head.seq),
          moved.map(([, head]) => listingText(head.title)),
          moved.map(([, head]) => head.at),
        ],
      );
    }
    return stored;
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      client.release();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool rather than reused.
      const broken = await client.query("ROLLBACK").then(
        () => undefined,
        (rollbackError: Error) => rollbackError,
      );
      client.release(broken);
      throw error;
    }
  }
}

/** SQLite's `?` placeholders as PostgreSQL's `$1`, `$2`, …: the link statements hold no other `?`. */
function numbered(sql: string): string {
  let index = 0;
  return sql.replaceAll("?", () => `$${++index}`);
}

/** The events of one group as column arrays, for one `INSERT … SELECT FROM unnest(…)`. */
class EventColumns {
  private readonly workshopId: string[] = [];
  private readonly seq: number[] = [];
  private readonly at: string[] = [];
  private readonly actorRole: string[] = [];
  private readonly actorId: string[] = [];
  private readonly commandId: string[] = [];
  private readonly type: string[] = [];
  private readonly payload: string[] = [];

  get length(): number {
    return this.seq.length;
  }

  push(stored: StoredEvent): void {
    this.workshopId.push(stored.workshopId);
    this.seq.push(stored.seq);
    this.at.push(stored.at);
    this.actorRole.push(stored.actor.role);
    this.actorId.push(stored.actor.id);
    this.commandId.push(stored.commandId);
    this.type.push(stored.event.type);
    this.payload.push(JSON.stringify(stored.event));
  }

  columns(): unknown[] {
    return [this.workshopId, this.seq, this.at, this.actorRole, this.actorId, this.commandId, this.type, this.payload];
  }
}
