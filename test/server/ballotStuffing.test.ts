import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BallotResults } from "../../src/core/index.js";
import { openBallotOn, sharePath } from "../support/ballots.js";
import { importFixture, withFixtureServer } from "../support/fixtureServer.js";
import { type CreatedWorkshop, requestJson, startTestServer, type TestServer } from "../support/server.js";
import { REDIS_URL, servicesAvailable } from "../support/services.js";

const withRedis = await servicesAvailable("the shareable link's limit in Redis", { redis: true });

const fixture = withFixtureServer({ newSharedVotersPerHour: 3 });

/** Opens a borda ballot on `on`'s workshop and returns a PUT to its shareable link, as a device or as none. */
async function shareableBallot(on: TestServer, owner: CreatedWorkshop) {
  const opened = await openBallotOn(on.baseUrl, owner, { method: "borda" });
  const path = sharePath(opened.body);
  const put = (device?: string) =>
    fetch(`${on.baseUrl}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...(device ? { cookie: device } : {}) },
      body: JSON.stringify({ vote: { ranking: [fixture.themeIds[0]] }, group: "Members" }),
    });
  return { ballot: opened.body, put };
}

describe("the shareable link against ballot stuffing", () => {
  it("takes a few new ballots per network address and hour: a script without the device cookie is stopped", async () => {
    const { ballot, put } = await shareableBallot(fixture.server, fixture.workshop);
    const first = await put();
    const device = first.headers.get("set-cookie")?.split(";")[0];
    const statuses = [first.status];
    for (let i = 0; i < 3; i++) statuses.push((await put()).status);
    // A device id the script made up is a new voter too.
    statuses.push((await put(`concord_ballot_device=${"A".repeat(32)}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await put();
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      "Too many new ballots from this network",
    );

    // Someone who voted from here still changes their vote.
    expect((await put(device)).status).toBe(200);
    const results = await requestJson<BallotResults>(
      fixture.server.baseUrl,
      "GET",
      `/api/ballots/${ballot.id}/results`,
      undefined,
      fixture.workshop,
    );
    expect(results.body.overall.ballots).toBe(3);
  });
});

describe.skipIf(!withRedis)("the shareable link's limit with REDIS_URL", () => {
  let redis: Redis;
  let shared: TestServer;
  const nameSpace = `concord-test:${randomUUID()}:rate-limit:`;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    shared = await startTestServer({ newSharedVotersPerHour: 3, rateLimits: { redis, nameSpace } });
  });
  afterAll(async () => {
    await shared?.stop();
    const keys = await redis.keys(`${nameSpace}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("is counted in Redis, where every process reads it", async () => {
    const owner = await importFixture(shared);
    const { put } = await shareableBallot(shared, owner);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await put()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await redis.keys(`${nameSpace}*`)).some((key) => key.includes("new-shared-voter"))).toBe(true);
  });
});
