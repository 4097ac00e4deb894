import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, REDIS_URL, servicesAvailable, type TestDatabase } from "../../test/support/services.js";
import { seedDemoOnce } from "./demo.js";
import { LocalEventBus } from "./eventBus.js";
import { openSharedBackend, type SharedBackend } from "./sharedBackend.js";
import { WorkshopService } from "./workshopService.js";

const available = await servicesAvailable("openSharedBackend", { postgres: true, redis: true });

describe.skipIf(!available)("openSharedBackend", () => {
  let database: TestDatabase;
  const backends: SharedBackend[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    await database?.drop();
  });

  it("opens two processes' backends on one new database together, and lets one of them seed the demo", async () => {
    const shared = { databaseUrl: database.url, redisUrl: REDIS_URL, redisChannel: `concord:test:${randomUUID()}` };
    const errors: unknown[] = [];
    backends.push(...(await Promise.all([1, 2].map(() => openSharedBackend(shared, (error) => errors.push(error))))));

    const seeded = await Promise.all(
      backends.map((backend) => {
        const service = new WorkshopService({ store: backend.store, bus: new LocalEventBus(), shared: backend.bus });
        return backend.exclusive(() => seedDemoOnce(backend.store, service));
      }),
    );

    expect(seeded.filter(Boolean)).toHaveLength(1);
    expect(await backends[1]?.store.listWorkshops()).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
