import type Database from "better-sqlite3";
import { hashToken } from "../auth/tokenHash.js";
import { ballotTablesSql } from "../ballots/ballotSql.js";

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
  {
    version: 3,
    description:
      "the flags become tables: join codes, public workshops, hashed facilitator keys, report links, the demo",
    sql: `
      CREATE TABLE join_codes (
        code TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops (id)
      );
      CREATE INDEX join_codes_workshop ON join_codes (workshop_id);

      -- Listed to everyone, and any facilitator may copy it (the demo).
      CREATE TABLE public_workshops (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops (id)
      );

      -- Only a hash of the key, like session tokens: a copy of the database opens no console.
      CREATE TABLE facilitator_keys (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops (id),
        key_hash TEXT NOT NULL
      );

      -- A published report. Its facilitators are shown the link again, so the token is kept as it
      -- is; revoking deletes the row.
      CREATE TABLE report_links (
        token TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL UNIQUE REFERENCES workshops (id)
      );

      -- The workshop imported as the demo on the first start: one row at most.
      CREATE TABLE demo (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        workshop_id TEXT NOT NULL REFERENCES workshops (id)
      );

      -- Each flag whose workshop exists moves to its table; revoked ones (empty values) do not.
      INSERT INTO join_codes (code, workshop_id)
        SELECT substr(f.name, 10), f.value FROM flags AS f JOIN workshops AS w ON w.id = f.value
        WHERE substr(f.name, 1, 9) = 'joinCode:';
      INSERT INTO public_workshops (workshop_id)
        SELECT w.id FROM flags AS f JOIN workshops AS w ON w.id = substr(f.name, 8)
        WHERE substr(f.name, 1, 7) = 'public:' AND f.value <> '';
      INSERT INTO facilitator_keys (workshop_id, key_hash)
        SELECT w.id, concord_token_hash(f.value) FROM flags AS f JOIN workshops AS w ON w.id = substr(f.name, 16)
        WHERE substr(f.name, 1, 15) = 'facilitatorKey:' AND f.value <> '';
      INSERT INTO report_links (token, workshop_id)
        SELECT f.value, w.id FROM flags AS f JOIN workshops AS w ON w.id = substr(f.name, 14)
        WHERE substr(f.name, 1, 13) = 'reportLinkOf:' AND f.value <> '';
      INSERT INTO demo (singleton, workshop_id)
        SELECT 1, w.id FROM flags AS f JOIN workshops AS w ON w.id = f.value WHERE f.name = 'demoSeeded';

      DROP TABLE flags;
    `,
  },
  {
    version: 4,
    description: "prioritization ballots: ballots, invitees (hashed personal tokens) and votes",
    sql: ballotTablesSql("TEXT"),
  },
];

/** The highest version in `MIGRATIONS`: what a fully migrated database reports. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, migration) => Math.max(max, migration.version), 0);

/**
 * Applies the migrations the database has not seen yet, all in one transaction, and returns their versions.
 * The write lock is taken up front so two processes opening the same file cannot both apply a step.
 * `concord_token_hash(text)` is the SQL name of `hashToken`, for steps that hash stored secrets.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => string = () => new Date().toISOString(),
): number[] {
  assertOrdered(migrations);
  db.function("concord_token_hash", { deterministic: true }, (token) => hashToken(String(token)));
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
