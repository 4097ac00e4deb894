import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, servicesAvailable, type TestDatabase } from "../../../../test/support/services.js";
import type { EventStore, NewEvents } from "../eventStore.js";
import { PostgresEventStore } from "../postgresStore.js";
import { openSqliteStore } from "../sqliteStore.js";
import { StoreNotEmptyError } from "./storeTables.js";
import { backupStore, copyStore, restoreStore, type StoreLocation } from "./transfer.js";

const postgres = await servicesAvailable("backups on PostgreSQL", { postgres: true });

const dirs: string[] = [];
const databases: TestDatabase[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-transfer-"));
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  for (const database of databases.splice(0)) await database.drop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A kind of store: a new empty location of it, and its event store there. */
interface Kind {
  name: string;
  location(): Promise<StoreLocation>;
  open(location: StoreLocation): Promise<EventStore>;
}

const SQLITE: Kind = {
  name: "SQLite",
  location: async () => ({ kind: "sqlite", dataDir: tempDir() }),
  open: async (location) => openSqliteStore(location.kind === "sqlite" ? location.dataDir : ""),
};
const POSTGRES: Kind = {
  name: "PostgreSQL",
  location: async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return { kind: "postgres", url: database.url };
  },
  open: (location) => PostgresEventStore.open({ connectionString: location.kind === "postgres" ? location.url : "" }),
};

const batch = (workshopId: string, expectedSeq: number, events = 1): NewEvents => ({
  workshopId,
  expectedSeq,
  at: new Date(Date.UTC(2025, 2, 1, 10, 0, expectedSeq)).toISOString(),
  actor: { role: "participant", id: "p-1" },
  commandId: `c-${expectedSeq}`,
  events: Array.from({ length: events }, (_, index) => ({
    type: "cardAdded" as const,
    card: { id: `card-${expectedSeq + index}`, text: `Card ${expectedSeq + index} — ünïcode 🚀` },
    place: { themeId: null, index: 0 },
  })),
  title: `Workshop ${workshopId}`,
});

/** Every workshop's listing seq equals its log's length and its last command's seq: one snapshot of the store. */
async function expectConsistent(store: EventStore): Promise<number> {
  let total = 0;
  for (const workshop of await store.listWorkshops()) {
    const log = await store.readEvents(workshop.id, 0);
    expect(log.map((stored) => stored.seq)).toEqual(Array.from({ length: workshop.seq }, (_, index) => index + 1));
    expect((await store.listCommandKeys(workshop.id)).length).toBe(new Set(log.map((stored) => stored.commandId)).size);
    total += log.length;
  }
  return total;
}

describe.each([SQLITE, ...(postgres ? [POSTGRES] : [])])("backups of a $name store", (kind) => {
  it("are one snapshot while a writer goes on appending, and restore into every kind of store", async () => {
    const from = await kind.location();
    const store = await kind.open(from);
    const file = join(tempDir(), "backup.jsonl.gz");
    try {
      // 2,400 events: many chunks, so the writer gets turns while the backup reads.
      for (let seq = 0; seq < 2_400; seq += 100) await store.append(batch("w1", seq, 100));
      await store.writeLink({ type: "setJoinCode", code: "ABC234", workshopId: "w1" });
      let writing = true;
      let appended = 0;
      const writer = (async () => {
        for (let seq = 0; writing; seq++, appended++) {
          await store.append(batch("w2", seq));
          // SQLite's inline writes settle at once: give the backup's file writes their turn.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const counts = await backupStore(from, file);
      writing = false;
      await writer;
      expect(appended).toBeGreaterThan(0);
      expect(counts.get("events")).toBeGreaterThanOrEqual(2_400);
    } finally {
      await store.close();
    }

    for (const target of [SQLITE, ...(postgres ? [POSTGRES] : [])]) {
      const to = await target.location();
      const counts = await restoreStore(file, to);
      const restored = await target.open(to);
      try {
        expect(await expectConsistent(restored)).toBe(counts.get("events"));
        expect(await restored.readLink({ type: "workshopOfJoinCode", code: "ABC234" })).toBe("w1");
      } finally {
        await restored.close();
      }
    }
  }, 120_000);

  it("backup refuses a store that was never created, naming it", async () => {
    await expect(backupStore(await kind.location(), join(tempDir(), "none.jsonl.gz"))).rejects.toThrow(
      /does not exist|no Concord tables/,
    );
  });

  it("restore refuses a store that holds data, and writes nothing from a file that is cut short", async () => {
    const from = await kind.location();
    const store = await kind.open(from);
    await store.append(batch("w1", 0, 3));
    await store.close();
    const file = join(tempDir(), "backup.jsonl.gz");
    await backupStore(from, file);

    await expect(restoreStore(file, from)).rejects.toBeInstanceOf(StoreNotEmptyError);
    await expect(copyStore(from, from)).rejects.toBeInstanceOf(StoreNotEmptyError);

    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const cut = join(tempDir(), "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(`${lines.slice(0, -1).join("\n")}\n`));
    const to = await kind.location();
    await expect(restoreStore(cut, to)).rejects.toThrow(/incomplete/);
    const other = join(tempDir(), "other.jsonl.gz");
    writeFileSync(other, gzipSync(`${JSON.stringify({ format: "something-else", version: 1 })}\n`));
    await expect(restoreStore(other, to)).rejects.toThrow(/not a concord-backup file/);

    const empty = await kind.open(to);
    try {
      expect(await empty.listWorkshops()).toEqual([]);
    } finally {
      await empty.close();
    }
    // Nothing was written, so the whole file still goes in.
    expect((await restoreStore(file, to)).get("events")).toBe(3);
  }, 60_000);
});
