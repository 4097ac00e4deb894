import { afterAll, beforeAll, describe } from "vitest";
import { createTestDatabase, servicesAvailable, type TestDatabase } from "../../../test/support/services.js";
import { LocalEventBus } from "../eventBus.js";
import { openPostgresPool, PostgresEventStore } from "../store/postgresStore.js";
import { WorkshopService } from "../workshopService.js";
import { ballotStoreContract } from "./ballotStore.contract.js";
import { PostgresBallotStore } from "./postgresBallotStore.js";

// A real PostgreSQL (127.0.0.1:5432, as CI starts it): in CI its absence fails this file.
const available = await servicesAvailable("PostgresBallotStore", { postgres: true });

describe.skipIf(!available)("PostgreSQL", () => {
  let database: TestDatabase;
  let schemas = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  ballotStoreContract("PostgresBallotStore", async () => {
    const pool = await openPostgresPool({ connectionString: database.url, schema: `b${++schemas}`, max: 3 });
    return {
      ballots: new PostgresBallotStore(pool),
      service: new WorkshopService({ store: new PostgresEventStore(pool, false), bus: new LocalEventBus() }),
      close: () => pool.end(),
    };
  });
});
