import type { ClientBase } from "pg";
import { ballotTablesSql } from "../ballots/ballotSql.js";
import type { Migration } from "./migrations.js";

/**
 * The PostgreSQL schema, in order: the same tables as the SQLite one (migrations.ts), numbered on
 * their own. Versions only ever grow; a shipped step is never edited, only followed by a new one.
 * Ids and ISO-8601 timestamps are `TEXT COLLATE "C"`, so they sort byte by byte as in SQLite (the
 * listing is newest first, ties by id); JSON stays TEXT so it round-trips byte for byte.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "event log, command ids, snapshots, listing and flags",
    sql: `
      CREATE TABLE workshops (
        id TEXT COLLATE "C" PRIMARY KEY,
        title TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        created_at TEXT COLLATE "C" NOT NULL,
        updated_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX workshops_updated_at ON workshops (updated_at);

      CREATE TABLE events (
        workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshops (id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        command_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      );

      CREATE TABLE commands (
        workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshops (id),
        actor_id TEXT NOT NULL,
        command_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        PRIMARY KEY (workshop_id, actor_id, command_id)
      );

      CREATE TABLE snapshots (
        workshop_id TEXT COLLATE "C" PRIMARY KEY REFERENCES workshops (id),
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

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        expires_at TEXT COLLATE "C" NOT NULL
      );

      CREATE TABLE workshop_access (
        workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshops (id),
        account_id TEXT NOT NULL REFERENCES accounts (id),
        role TEXT NOT NULL,
        archived BOOLEAN NOT NULL DEFAULT FALSE,
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
        workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshops (id)
      );
      CREATE INDEX join_codes_workshop ON join_codes (workshop_id);

      -- Listed to everyone, and any facilitator may copy it (the demo).
      CREATE TABLE public_workshops (
        workshop_id TEXT COLLATE "C" PRIMARY KEY REFERENCES workshops (id)
      );

      -- Only a hash of the key, like session tokens: base64url of SHA-256, as hashToken makes it.
      CREATE TABLE facilitator_keys (
        workshop_id TEXT COLLATE "C" PRIMARY KEY REFERENCES workshops (id),
        key_hash TEXT NOT NULL
      );

      -- A published report. Its facilitators are shown the link again, so the token is kept as it
      -- is; revoking deletes the row.
      CREATE TABLE report_links (
        token TEXT PRIMARY KEY,
        workshop_id TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES workshops (id)
      );

      -- The workshop imported as the demo on the first start: one row at most.
      CREATE TABLE demo (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshops (id)
      );

      -- Each flag whose workshop exists moves to its table; revoked ones (empty values) do not.
      INSERT INTO join_codes (code, workshop_id)
        SELECT substr(f.name, 10), f.value FROM flags AS f JOIN workshops AS w ON w.id = f.value COLLATE "C"
        WHERE substr(f.name, 1, 9) = 'joinCode:';
      INSERT INTO public_workshops (workshop_id)
        SELECT w.id FROM flags AS f JOIN workshops AS w ON w.id = substr(f.name, 8) COLLATE "C"
        WHERE substr(f.name, 1, 7) = 'public:' AND f.value <> '';
      INSERT INTO facilitator_keys (workshop_id, key_hash)
        SELECT w.id, translate(rtrim(encode(sha256(convert_to(f.value, 'UTF8')), 'base64'), '='), '+/', '-_')
        FROM flags AS f JOIN workshops AS w ON w.id = substr(f.name, 16) COLLATE "C"
        WHERE substr(f.name, 1, 15) = 'facilitatorKey:' AND f.value <> '';
      INSERT INTO report_links (token, workshop_id)
        SELECT f.value, w.id FROM flags AS f JOIN workshops AS w ON w.id = substr(f.name, 14) COLLATE "C"
        WHERE substr(f.name, 1, 13) = 'reportLinkOf:' AND f.value <> '';
      INSERT INTO demo (singleton, workshop_id)
        SELECT 1, w.id FROM flags AS f JOIN workshops AS w ON w.id = f.value COLLATE "C" WHERE f.name = 'demoSeeded';

      DROP TABLE flags;
    `,
  },
  {
    version: 4,
    description: "prioritization ballots: ballots, invitees (hashed personal tokens) and votes",
    sql: ballotTablesSql('TEXT COLLATE "C"'),
  },
];

/** Any constant: the key of the advisory lock that lets one process at a time migrate. */
export const MIGRATION_LOCK = 4_172_031;

/**
 * Applies the steps the database has not seen yet, in one transaction, and returns their versions.
 * A transaction-scoped advisory lock makes processes that start together migrate one after another.
 */
export async function applyPostgresMigrations(
  client: ClientBase,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
  now: () => string = () => new Date().toISOString(),
): Promise<number[]> {
  let previous = 0;
  for (const { version } of migrations) {
    if (!Number.isInteger(version) || version <= previous) {
      throw new Error(`Migration versions must be increasing positive integers; got ${version}`);
    }
    previous = version;
  }
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
    );
    const { rows } = await client.query<{ version: number | null }>(
      "SELECT MAX(version) AS version FROM schema_migrations",
    );
    const current = rows[0]?.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest)
      throw new Error(`Database schema is at version ${current}, newer than this build's ${latest}`);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
        migration.version,
        now(),
      ]);
      applied.push(migration.version);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
