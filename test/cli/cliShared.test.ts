import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresPool, PostgresEventStore } from "../../src/server/store/postgresStore.js";
import { cliEnv, runIn } from "../support/cli.js";
import { makeTempDir, REPO_FIXTURE, readJson, removeDir } from "../support/server.js";
import { createTestDatabase, REDIS_URL, servicesAvailable, type TestDatabase } from "../support/services.js";

const available = await servicesAvailable("the command line on PostgreSQL and Redis", { postgres: true, redis: true });

/**
 * With DATABASE_URL and REDIS_URL the command line works on the store the server processes share,
 * not on a SQLite file nobody serves.
 */
describe.skipIf(!available)("concord import and export with DATABASE_URL and REDIS_URL", () => {
  let database: TestDatabase;
  let dataDir: string;
  let run: (...args: string[]) => ReturnType<typeof runIn>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = makeTempDir();
    const env = cliEnv({
      CONCORD_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_CHANNEL: `concord-test-cli-${randomBytes(4).toString("hex")}`,
    });
    run = (...args) => runIn(env, process.execPath, ["bin/concord.js", ...args]);
  });

  afterAll(async () => {
    removeDir(dataDir);
    await database?.drop();
  });

  it("imports into PostgreSQL, exports from it, and leaves no SQLite file behind", async () => {
    const imported = await run("import", REPO_FIXTURE);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.split("\n")[0] ?? "";

    const pool = await openPostgresPool({ connectionString: database.url });
    try {
      const listed = await new PostgresEventStore(pool, false).listWorkshops();
      expect(listed.map((workshop) => workshop.id)).toEqual([id]);
    } finally {
      await pool.end();
    }

    const exported = await run("export", id, "--format", "json");
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toStrictEqual(readJson(REPO_FIXTURE));
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});
