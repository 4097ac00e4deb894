import type Database from "better-sqlite3";
import { SqliteDatabase } from "./sqliteDriver.js";

/**
 * Opens a connection to the store's file with the settings every connection must share: the
 * server's own, and the writer thread's (see sqliteWriterThread.ts).
 */
export function openSqliteConnection(filename: string): Database.Database {
  const db = new SqliteDatabase(filename);
  try {
    db.pragma("journal_mode = WAL");
    // FULL: an acknowledged command must survive a power cut, not just a process crash.
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    // Two connections write to one file (the writer thread, the accounts): wait for the lock, don't fail.
    db.pragma("busy_timeout = 5000");
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
