import type Database from "better-sqlite3";

/** One schema step. Versions only ever grow; a shipped migration is never edited, only followed by a new one. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema, in order. Plain SQL (TEXT, INTEGER, standard constraints, no SQLite-only types) so that a
 * PostgreSQL store can mirror it. Timestamps are ISO-8601 TEXT, which sorts chronologically; JSON is TEXT
 * so it round-trips byte for byte.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "event log, command ids, snapshots, listing and flags",
    sql: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- The listing is read newest first.
      CREATE INDEX workshops_updated_at ON workshops (updated_at);

      CREATE TABLE events (
        workshop_id TEXT NOT NULL REFERENCES workshops (id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        command_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      );

      -- One row per accepted command, so a retried command is answered instead of applied twice.
      CREATE TABLE commands (
        workshop_id TEXT NOT NULL REFERENCES workshops (id),
        actor_id TEXT NOT NULL,
        command_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        PRIMARY KEY (workshop_id, actor_id, command_id)
      );

      CREATE TABLE snapshots (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops (id),
        seq INTEGER NOT NULL CHECK (seq >= 0),
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );

      CREATE TABLE flags (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: "facilitator accounts, sessions and workshop access",
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- Only a hash of the session token is kept: a copy of the database opens no sessions.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        expires_at TEXT NOT NULL
      );

      CREATE TABLE workshop_access (
        workshop_id TEXT NOT NULL REFERENCES workshops (id),
        account_id TEXT NOT NULL REFERENCES accounts (id),
        role TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (workshop_id, account_id)
      );
      CREATE INDEX workshop_access_account ON workshop_access (account_id);
    `,
  },
];

/** The highest version in `MIGRATIONS`: what a fully migrated database reports. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, migration) => Math.max(max, migration.version), 0);

/**
 * Applies the migrations the database has not seen yet, all in one transaction, and returns their versions.
 * The write lock is taken up front so two processes opening the same file cannot both apply a step.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => string = () => new Date().toISOString(),
): number[] {
  assertOrdered(migrations);
  const migrate = db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        applied_at TEXT NOT NULL
      )
    `);
    const current = db
      .prepare<[], { version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations")
      .get();
    const currentVersion = current?.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    // An older build must not write to a schema it does not understand.
    if (currentVersion > latest) {
      throw new Error(`Database schema is at version ${currentVersion}, newer than this build's ${latest}`);
    }
    const record = db.prepare<[number, string]>("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= currentVersion) continue;
      db.exec(migration.sql);
      record.run(migration.version, now());
      applied.push(migration.version);
    }
    return applied;
  });
  return migrate.immediate();
}

/** Catches a mis-numbered migration at startup rather than as a half-migrated database. */
function assertOrdered(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(`Migration versions must be increasing positive integers; got ${migration.version}`);
    }
    previous = migration.version;
  }
}
