import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, servicesAvailable, type TestDatabase } from "../../../test/support/services.js";
import type { DomainEvent } from "../../core/index.js";
import { describeEventStoreContract } from "./eventStore.contract.js";
import { findCommand, type NewEvents, SequenceConflictError } from "./eventStore.js";
import { expectFlagsMigrated, LAST_FLAGS_SCHEMA, LEGACY_FLAGS, LEGACY_WORKSHOPS } from "./flagsMigration.contract.js";
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from "./postgresMigrations.js";
import { openPostgresPool, PostgresEventStore } from "./postgresStore.js";

// A real PostgreSQL (127.0.0.1:5432, as CI starts it): in CI its absence fails this file.
const available = await servicesAvailable("PostgresEventStore", { postgres: true });

let database: TestDatabase | undefined;
let schemas = 0;
const stores: PostgresEventStore[] = [];

/** A fresh, empty store: a schema of its own in this file's database. */
async function freshStore(schema = `s${++schemas}`): Promise<PostgresEventStore> {
  if (!database) throw new Error("no test database");
  const store = await PostgresEventStore.open({ connectionString: database.url, schema, max: 4 });
  stores.push(store);
  return store;
}

const event = (id: string): DomainEvent => ({
  type: "cardAdded",
  card: { id, text: `card ${id}` },
  place: { themeId: null, index: 0 },
});

const batch = (expectedSeq: number, commandId: string, workshopId = "w1"): NewEvents => ({
  workshopId,
  expectedSeq,
  at: "2025-03-01T10:00:00.000Z",
  actor: { role: "facilitator", id: "fac-1" },
  commandId,
  events: [event(commandId)],
  title: "Retreat",
});

describe.skipIf(!available)("PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const store of stores.splice(0)) await store.close();
    await database?.drop();
  });

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  describeEventStoreContract("PostgreSQL", () => freshStore());

  describe("PostgresEventStore across processes", () => {
    it("keeps events, commands, listing and the demo across close and reopen", async () => {
      const first = await freshStore("reopen");
      const appended = await first.append(batch(0, "cmd-1"));
      await first.writeLink({ type: "setDemo", workshopId: "w1" });
      await first.close();

      const reopened = await freshStore("reopen");
      expect(await reopened.readEvents("w1", 0)).toEqual(appended);
      expect(await findCommand(reopened, "w1", "fac-1", "cmd-1")).toEqual({ seq: 1 });
      expect(await reopened.getWorkshop("w1")).toMatchObject({ title: "Retreat", seq: 1 });
      expect(await reopened.readLink({ type: "demoWorkshop" })).toBe("w1");
    });

    it("lets exactly one of two pools win the same expectedSeq", async () => {
      const a = await freshStore("race");
      const b = await freshStore("race");
      await a.append(batch(0, "first"));

      const results = await Promise.allSettled([a.append(batch(1, "from-a")), b.append(batch(1, "from-b"))]);

      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((result) => result.status === "rejected");
      expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(SequenceConflictError);
      expect((await b.readEvents("w1", 0)).map((stored) => stored.seq)).toEqual([1, 2]);
    });

    it("numbers a workshop gap-free when two pools append as fast as they can, retrying conflicts", async () => {
      const pools = [await freshStore("busy"), await freshStore("busy")];
      await pools[0]?.append(batch(0, "create"));
      const writer = async (store: PostgresEventStore, name: string) => {
        for (let index = 0; index < 25; index++) {
          for (;;) {
            const head = (await store.getWorkshop("w1"))?.seq ?? 0;
            try {
              // A group of two workshops, locked in id order: concurrent groups must not deadlock.
              await store.appendMany([
                batch(head, `${name}-${index}`),
                batch(index, `${name}-${index}`, `other-${name}`),
              ]);
              break;
            } catch (error) {
              if (!(error instanceof SequenceConflictError)) throw error;
            }
          }
        }
      };
      await Promise.all(pools.map((store, index) => writer(store as PostgresEventStore, `p${index}`)));

      const log = await pools[1]?.readEvents("w1", 0);
      expect(log?.map((stored) => stored.seq)).toEqual(Array.from({ length: 51 }, (_, index) => index + 1));
      expect(new Set(log?.map((stored) => stored.commandId)).size).toBe(51);
      expect(await pools[0]?.getWorkshop("other-p1")).toMatchObject({ seq: 25 });
    });

    it("lists a title holding NUL (which PostgreSQL TEXT refuses) with U+FFFD in its place", async () => {
      const store = await freshStore();
      await store.append({ ...batch(0, "nul"), title: "A\u0000B" });
      expect((await store.getWorkshop("w1"))?.title).toBe("A\uFFFDB");
    });

    it("enforces foreign keys: no snapshot for a workshop that does not exist", async () => {
      const store = await freshStore();
      await expect(store.saveSnapshot({ workshopId: "ghost", seq: 1, state: {} as never })).rejects.toThrow(
        /foreign key/,
      );
    });
  });

  describe("PostgreSQL migrations", () => {
    async function withSchema<T>(schema: string, work: (client: Client) => Promise<T>): Promise<T> {
      const client = new Client({ connectionString: database?.url, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        return await work(client);
      } finally {
        await client.end();
      }
    }
    const versions = async (client: Client) =>
      (await client.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map(
        (row) => row.version,
      );

    it("are applied once, even by pools that open together", async () => {
      const pools = await Promise.all(
        [1, 2, 3].map(() => openPostgresPool({ connectionString: database?.url ?? "", schema: "together" })),
      );
      await Promise.all(pools.map((pool) => pool.end()));
      await withSchema("together", async (client) => {
        expect(await versions(client)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
      });
    });

    it("apply only the pending ones, and roll a failing run back whole", async () => {
      await withSchema("pending", async (client) => {
        const latest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
        expect(await applyPostgresMigrations(client)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
        const extra = { version: latest + 1, description: "test", sql: "CREATE TABLE t (x TEXT)" };
        const broken = { version: latest + 2, description: "broken", sql: "CREATE TABLE" };
        await expect(applyPostgresMigrations(client, [...POSTGRES_MIGRATIONS, extra, broken])).rejects.toThrow();
        expect(await versions(client)).toHaveLength(POSTGRES_MIGRATIONS.length);
        expect(await applyPostgresMigrations(client, [...POSTGRES_MIGRATIONS, extra])).toEqual([extra.version]);
      });
    });

    it("move a schema-2 store's flags into their tables, hashing facilitator keys, and drop the flags", async () => {
      await withSchema("flags", async (client) => {
        await applyPostgresMigrations(client, POSTGRES_MIGRATIONS.slice(0, LAST_FLAGS_SCHEMA));
        for (const row of LEGACY_WORKSHOPS) {
          await client.query(
            "INSERT INTO workshops (id, title, seq, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)",
            row,
          );
        }
        for (const row of LEGACY_FLAGS) await client.query("INSERT INTO flags (name, value) VALUES ($1, $2)", row);
      });
      await expectFlagsMigrated(await freshStore("flags"));
      await withSchema("flags", async (client) => {
        expect((await versions(client)).at(-1)).toBe(POSTGRES_MIGRATIONS.at(-1)?.version);
        expect((await client.query("SELECT to_regclass('flags') AS flags")).rows).toEqual([{ flags: null }]);
      });
    });

    it("refuse a database newer than this build, and a list that is not increasing", async () => {
      await withSchema("future", async (client) => {
        const future = {
          version: (POSTGRES_MIGRATIONS.at(-1)?.version ?? 0) + 1,
          description: "future",
          sql: "SELECT 1",
        };
        await applyPostgresMigrations(client, [...POSTGRES_MIGRATIONS, future]);
        await expect(applyPostgresMigrations(client)).rejects.toThrow(/newer than this build/);
        await expect(applyPostgresMigrations(client, [...POSTGRES_MIGRATIONS, ...POSTGRES_MIGRATIONS])).rejects.toThrow(
          /increasing/,
        );
      });
    });
  });
});
