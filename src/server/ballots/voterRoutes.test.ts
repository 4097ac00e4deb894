import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { LocalEventBus } from "../eventBus.js";
import { SqliteEventStore } from "../store/sqliteStore.js";
import { WorkshopService } from "../workshopService.js";
import { BallotService } from "./ballotService.js";
import { SqliteBallotStore } from "./sqliteBallotStore.js";
import { voterRoutes } from "./voterRoutes.js";

describe("voter routes", () => {
  const store = new SqliteEventStore(":memory:");
  const ballots = new SqliteBallotStore(":memory:");
  afterAll(async () => {
    await ballots.close();
    await store.close();
  });

  it("are rate-limited per address, like the join-code lookups", async () => {
    const app = Fastify();
    await app.register(cookie);
    const service = new BallotService({
      ballots,
      workshops: new WorkshopService({ store, bus: new LocalEventBus() }),
      publicUrl: "http://concord.test",
    });
    await app.register(voterRoutes, { ballots: service, requestsPerMinute: 3, secureCookies: false });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ url: `/api/vote/${"a".repeat(32)}` })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    await app.close();
  });
});
