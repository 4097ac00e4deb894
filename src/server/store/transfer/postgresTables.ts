import { Pool, type PoolClient } from "pg";
import { POSTGRES_MIGRATIONS } from "../postgresMigrations.js";
import { openPostgresPool } from "../postgresStore.js";
import {
  assertCurrentSchema,
  counted,
  type RowChunk,
  type RowCounts,
  STORE_TABLES,
  StoreNotEmptyError,
  type TableStore,
  type Value,
} from "./storeTables.js";

const LATEST = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;

/**
 * The PostgreSQL store at `connectionString` as a source or target of a move. Read: one
 * REPEATABLE READ transaction (one snapshot for every table, while the servers go on writing),
 * each table through a cursor so a big store is never held in memory. Written: migrated (the
 * tables created) if needed, then filled in one transaction.
 */
export async function openPostgresTables(connectionString: string, mode: "read" | "write"): Promise<TableStore> {
  const where = `The PostgreSQL store at ${redacted(connectionString)}`;
  const pool =
    mode === "write" ? await openPostgresPool({ connectionString, max: 1 }) : new Pool({ connectionString, max: 1 });
  pool.on("error", () => undefined);
  try {
    if (mode === "read") {
      // Two queries: a query naming a table that does not exist fails as a whole.
      const found = await pool.query<{ exists: boolean }>(
        "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
      );
      const version = found.rows[0]?.exists
        ? (await pool.query<{ version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations"))
            .rows[0]?.version
        : null;
      assertCurrentSchema(where, version, LATEST);
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    readAll: () => readAll(pool),
    writeAll: (chunks) => writeAll(pool, where, chunks),
    close: () => pool.end(),
  };
}

async function* readAll(pool: Pool): AsyncGenerator<RowChunk> {
  const client = await pool.connect();
  let finished = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const table of STORE_TABLES) {
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR SELECT ${table.columns.join(", ")} FROM ${table.name} ORDER BY ${table.key.join(", ")}`,
      );
      for (;;) {
        const { rows } = await client.query<Value[]>({
          text: `FETCH ${table.rowsPerChunk} FROM dump`,
          rowMode: "array",
        });
        if (rows.length === 0) break;
        yield { table, rows };
      }
      await client.query("CLOSE dump");
    }
    await client.query("COMMIT");
    finished = true;
  } finally {
    // A read stopped early (it failed, or its consumer did) leaves the transaction open.
    if (!finished) await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

async function writeAll(pool: Pool, where: string, chunks: AsyncIterable<RowChunk>): Promise<RowCounts> {
  const counts: RowCounts = new Map();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await assertEmpty(client, where);
    for await (const { table, rows } of counted(chunks, counts)) {
      if (rows.length === 0) continue;
      const width = table.columns.length;
      // One statement per chunk: at most 500 rows of 8 columns, far below PostgreSQL's 65,535 parameters.
      const tuples = rows.map(
        (_, row) => `(${table.columns.map((_, column) => `$${row * width + column + 1}`).join(", ")})`,
      );
      await client.query(
        `INSERT INTO ${table.name} (${table.columns.join(", ")}) VALUES ${tuples.join(", ")}`,
        rows.flat(),
      );
    }
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function assertEmpty(client: PoolClient, where: string): Promise<void> {
  // Locked until the commit, so a server starting meanwhile cannot seed its demo in between.
  await client.query(`LOCK TABLE ${STORE_TABLES.map((table) => table.name).join(", ")} IN SHARE ROW EXCLUSIVE MODE`);
  const probes = STORE_TABLES.map((table) => `EXISTS (SELECT 1 FROM ${table.name})`).join(" OR ");
  const { rows } = await client.query<{ holds: boolean }>(`SELECT ${probes} AS holds`);
  if (rows[0]?.holds) throw new StoreNotEmptyError(where);
}

/** The address without its password, for messages. */
function redacted(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "DATABASE_URL";
  }
}
