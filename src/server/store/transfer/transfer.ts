import { z } from "zod";
import { readBackupFile, writeBackupFile } from "./backupFile.js";
import { openPostgresTables } from "./postgresTables.js";
import { openSqliteTables } from "./sqliteTables.js";
import type { RowCounts, TableStore } from "./storeTables.js";

/**
 * Backups and moves: one code path for both stores. Each reads a whole store from one snapshot
 * (the server may go on running) and writes into an empty store in one transaction.
 */

/** Where a store is: `sqlite:DIR` (DIR/concord.db) or a `postgres://` URL. */
export type StoreLocation = { kind: "sqlite"; dataDir: string } | { kind: "postgres"; url: string };

export const storeUrlSchema = z.string().transform((text, context): StoreLocation => {
  if (text.startsWith("sqlite:") && text.length > "sqlite:".length) {
    return { kind: "sqlite", dataDir: text.slice("sqlite:".length) };
  }
  if (/^postgres(ql)?:\/\//.test(text) && URL.canParse(text)) return { kind: "postgres", url: text };
  context.addIssue({ code: "custom", message: `not a store URL (sqlite:DIR or postgres://…): ${text}` });
  return z.NEVER;
});

async function openTables(location: StoreLocation, mode: "read" | "write"): Promise<TableStore> {
  return location.kind === "sqlite" ? openSqliteTables(location.dataDir, mode) : openPostgresTables(location.url, mode);
}

/** Opens, runs `work`, and closes whatever happens. */
async function withTables<T>(tables: Promise<TableStore>, work: (tables: TableStore) => Promise<T>): Promise<T> {
  const opened = await tables;
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** Writes a consistent backup of the whole store to `file` (format: backupFile.ts). */
export function backupStore(from: StoreLocation, file: string, now = new Date()): Promise<RowCounts> {
  return withTables(openTables(from, "read"), (source) => writeBackupFile(source.readAll(), file, now.toISOString()));
}

/** Fills an empty store (created if needed) from a backup file; refuses a store that holds data. */
export function restoreStore(file: string, to: StoreLocation): Promise<RowCounts> {
  return withTables(openTables(to, "write"), (target) => target.writeAll(readBackupFile(file)));
}

/** Copies a whole store into an empty one (its tables created if needed), without a file between. */
export function copyStore(from: StoreLocation, to: StoreLocation): Promise<RowCounts> {
  return withTables(openTables(from, "read"), (source) =>
    withTables(openTables(to, "write"), (target) => target.writeAll(source.readAll())),
  );
}
