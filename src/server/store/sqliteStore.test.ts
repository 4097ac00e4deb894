import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { DomainEvent } from "../../core/index.js";
import { describeEventStoreContract } from "./eventStore.contract.js";
import { findCommand, type NewEvents, SequenceConflictError } from "./eventStore.js";
import { expectFlagsMigrated, LAST_FLAGS_SCHEMA, LEGACY_FLAGS, LEGACY_WORKSHOPS } from "./flagsMigration.contract.js";
import { applyMigrations, LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "./migrations.js";
import { SqliteDatabase } from "./sqliteDriver.js";
import { openSqliteStore, SqliteEventStore } from "./sqliteStore.js";

const tempDirs: string[] = [];
const stores: SqliteEventStore[] = [];

/** A fresh directory per test, removed afterwards, so tests never share a database file. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "concord-store-"));
  tempDirs.push(dir);
  return dir;
}

/** Opens a store that the file-level afterEach closes even if the test fails midway. */
function track(store: SqliteEventStore): SqliteEventStore {
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract("SQLite file", async () => openSqliteStore(tempDir()));
describeEventStoreContract("SQLite file, writes on the writer thread", async () =>
  openSqliteStore(tempDir(), { writes: "thread" }),
);
describeEventStoreContract("SQLite in memory", async () => new SqliteEventStore(":memory:"));

const event: DomainEvent = {
  type: "cardAdded",
  card: { id: "c1", text: "Quiet room" },
  place: { themeId: null, index: 0 },
};

const firstBatch: NewEvents = {
  workshopId: "w1",
  expectedSeq: 0,
  at: "2025-03-01T10:00:00.000Z",
  actor: { role: "facilitator", id: "fac-1" },
  commandId: "cmd-1",
  events: [event],
  title: "Retreat",
};

describe("SqliteEventStore on disk", () => {
  it("keeps events, commands, listing and the demo across close and reopen", async () => {
    const dir = tempDir();
    const first = track(openSqliteStore(dir));
    const appended = await first.append(firstBatch);
    await first.writeLink({ type: "setDemo", workshopId: "w1" });
    await first.close();

    const reopened = track(openSqliteStore(dir));
    expect(await reopened.readEvents("w1", 0)).toEqual(appended);
    expect(await findCommand(reopened, "w1", "fac-1", "cmd-1")).toEqual({ seq: 1 });
    expect(await reopened.getWorkshop("w1")).toMatchObject({ title: "Retreat", seq: 1 });
    expect(await reopened.readLink({ type: "demoWorkshop" })).toBe("w1");
  });

  it("creates the data directory and concord.db inside it", async () => {
    const dir = join(tempDir(), "nested", "data");
    track(openSqliteStore(dir));
    expect(existsSync(join(dir, "concord.db"))).toBe(true);
  });

  it("puts the file in WAL mode", async () => {
    const dir = tempDir();
    track(openSqliteStore(dir));
    // WAL is a property of the file, so a second connection sees it.
    const probe = new SqliteDatabase(join(dir, "concord.db"), { readonly: true });
    try {
      expect(probe.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      probe.close();
    }
  });

  it("enforces foreign keys: no snapshot for a workshop that does not exist", async () => {
    const store = track(new SqliteEventStore(":memory:"));
    await expect(store.saveSnapshot({ workshopId: "ghost", seq: 1, state: {} as never })).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });

  it("serialises appends from two connections to the same file", async () => {
    const dir = tempDir();
    const a = track(openSqliteStore(dir));
    const b = track(openSqliteStore(dir));

    await a.append(firstBatch);
    await expect(b.append({ ...firstBatch, commandId: "cmd-2" })).rejects.toBeInstanceOf(SequenceConflictError);
    const fromB = await b.append({ ...firstBatch, expectedSeq: 1, commandId: "cmd-2" });

    expect(fromB.map((stored) => stored.seq)).toEqual([2]);
    expect((await a.readEvents("w1", 0)).map((stored) => stored.commandId)).toEqual(["cmd-1", "cmd-2"]);
  });
});

describe("migrations", () => {
  function versions(db: Database.Database): number[] {
    return db
      .prepare<[], { version: number }>("SELECT version FROM schema_migrations ORDER BY version")
      .all()
      .map((row) => row.version);
  }

  it("are idempotent: opening the same file twice applies each migration once", async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    await openSqliteStore(dir).close();

    const db = new SqliteDatabase(join(dir, "concord.db"));
    try {
      expect(versions(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(applyMigrations(db)).toEqual([]);
      expect(versions(db)).toHaveLength(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it("apply only the pending ones, in order", () => {
    const db = new SqliteDatabase(":memory:");
    try {
      const extra: Migration = {
        version: LATEST_SCHEMA_VERSION + 1,
        description: "test",
        sql: "CREATE TABLE t (x TEXT)",
      };
      expect(applyMigrations(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(applyMigrations(db, [...MIGRATIONS, extra])).toEqual([extra.version]);
      expect(versions(db).at(-1)).toBe(extra.version);
    } finally {
      db.close();
    }
  });

  it("roll back every step of a run when one fails", () => {
    const db = new SqliteDatabase(":memory:");
    try {
      const broken: Migration = { version: LATEST_SCHEMA_VERSION + 1, description: "broken", sql: "CREATE TABLE" };
      expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow();
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      expect(tables).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("refuse a database newer than this build", () => {
    const db = new SqliteDatabase(":memory:");
    try {
      const future: Migration = { version: LATEST_SCHEMA_VERSION + 1, description: "future", sql: "SELECT 1" };
      applyMigrations(db, [...MIGRATIONS, future]);
      expect(() => applyMigrations(db)).toThrow(/newer than this build/);
    } finally {
      db.close();
    }
  });

  it("move a schema-2 store's flags into their tables, hashing facilitator keys, and drop the flags", async () => {
    const dir = tempDir();
    const old = new SqliteDatabase(join(dir, "concord.db"));
    try {
      applyMigrations(old, MIGRATIONS.slice(0, LAST_FLAGS_SCHEMA));
      const workshop = old.prepare(
        "INSERT INTO workshops (id, title, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      );
      for (const row of LEGACY_WORKSHOPS) workshop.run(...row);
      const flag = old.prepare("INSERT INTO flags (name, value) VALUES (?, ?)");
      for (const row of LEGACY_FLAGS) flag.run(...row);
    } finally {
      old.close();
    }

    const store = track(openSqliteStore(dir));
    await expectFlagsMigrated(store);
    const probe = new SqliteDatabase(join(dir, "concord.db"), { readonly: true });
    try {
      expect(versions(probe).at(-1)).toBe(LATEST_SCHEMA_VERSION);
      expect(probe.prepare("SELECT name FROM sqlite_master WHERE name = 'flags'").all()).toEqual([]);
    } finally {
      probe.close();
    }
  });

  it("reject a list that is not strictly increasing", () => {
    const db = new SqliteDatabase(":memory:");
    try {
      expect(() => applyMigrations(db, [...MIGRATIONS, ...MIGRATIONS])).toThrow(/increasing/);
    } finally {
      db.close();
    }
  });
});
