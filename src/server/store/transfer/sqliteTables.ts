import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { applyMigrations, LATEST_SCHEMA_VERSION } from "../migrations.js";
import { openSqliteConnection } from "../sqliteConnection.js";
import {
  assertCurrentSchema,
  counted,
  type RowChunk,
  type RowCounts,
  STORE_TABLES,
  StoreNotEmptyError,
  type TableSpec,
  type TableStore,
  type Value,
} from "./storeTables.js";

/**
 * The SQLite store under `dataDir` as a source or target of a move. Read: its own connection in
 * one read transaction, which WAL keeps on one snapshot while the server goes on writing. Written:
 * created and migrated if needed, then filled in one write transaction.
 */
export function openSqliteTables(dataDir: string, mode: "read" | "write"): TableStore {
  const filename = join(dataDir, "concord.db");
  const where = `The SQLite store in ${dataDir}`;
  if (mode === "read" && !existsSync(filename)) throw new Error(`${where} does not exist (no ${filename})`);
  if (mode === "write") mkdirSync(dataDir, { recursive: true });
  const db = openSqliteConnection(filename);
  try {
    if (mode === "write") applyMigrations(db);
    else assertCurrentSchema(where, schemaVersion(db), LATEST_SCHEMA_VERSION);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    readAll: () => readAll(db),
    writeAll: (chunks) => writeAll(db, where, chunks),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

function schemaVersion(db: Database.Database): number | null {
  const migrations = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!migrations.get()) return null;
  return (
    db.prepare<[], { version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations").get()
      ?.version ?? null
  );
}

async function* readAll(db: Database.Database): AsyncGenerator<RowChunk> {
  // Deferred: the snapshot is taken by the first read and holds for every table after it.
  db.exec("BEGIN");
  try {
    for (const table of STORE_TABLES) {
      const select = db.prepare(
        `SELECT ${table.columns.join(", ")} FROM ${table.name} ORDER BY ${table.key.join(", ")}`,
      );
      const booleans = booleanIndexes(table);
      let rows: Value[][] = [];
      for (const row of select.raw(true).iterate() as IterableIterator<Value[]>) {
        for (const index of booleans) row[index] = row[index] === 1;
        rows.push(row);
        if (rows.length === table.rowsPerChunk) {
          yield { table, rows };
          rows = [];
        }
      }
      if (rows.length > 0) yield { table, rows };
    }
  } finally {
    db.exec("COMMIT");
  }
}

async function writeAll(db: Database.Database, where: string, chunks: AsyncIterable<RowChunk>): Promise<RowCounts> {
  const counts: RowCounts = new Map();
  // IMMEDIATE: the write lock from the emptiness check to the commit, so nothing slips in between.
  db.exec("BEGIN IMMEDIATE");
  try {
    const holdsRows = STORE_TABLES.some((table) => db.prepare(`SELECT 1 FROM ${table.name} LIMIT 1`).get());
    if (holdsRows) throw new StoreNotEmptyError(where);
    const inserts = new Map(
      STORE_TABLES.map((table) => [
        table.name,
        db.prepare(
          `INSERT INTO ${table.name} (${table.columns.join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`,
        ),
      ]),
    );
    for await (const { table, rows } of counted(chunks, counts)) {
      const insert = inserts.get(table.name);
      if (!insert) throw new Error(`No table ${table.name}`);
      const booleans = booleanIndexes(table);
      for (const row of rows) {
        // better-sqlite3 binds no booleans: SQLite keeps them as 0 and 1.
        for (const index of booleans) row[index] = row[index] ? 1 : 0;
        insert.run(row);
      }
    }
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return counts;
}

function booleanIndexes(table: TableSpec): number[] {
  return (table.booleans ?? []).map((column) => table.columns.indexOf(column));
}
