import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";
import { REDIS_URL, servicesAvailable } from "../support/services.js";

const available = await servicesAvailable("rate limits in Redis", { redis: true });

describe.skipIf(!available)("sign-in limits kept in Redis, shared by every process", () => {
  let redis: Redis;
  let a: TestServer;
  let b: TestServer;
  // A prefix of this run's own, so that nothing else in the shared Redis is read or counted.
  const nameSpace = `concord-test:${randomUUID()}:rate-limit:`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    const options = { rateLimits: { redis, nameSpace }, trustProxy: true };
    a = await startTestServer(options);
    b = await startTestServer(options);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    const keys = await redis.keys(`${nameSpace}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const signIn = (server: TestServer, email: string, from: string) =>
    fetch(`${server.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": from },
      body: JSON.stringify({ email, password: "not the password" }),
    }).then((response) => response.status);

  it("ten attempts per address a minute across two processes, not ten on each", async () => {
    const from = "203.0.113.7";
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      statuses.push(await signIn(attempt % 2 ? a : b, `someone-${attempt}@example.test`, from));
    }
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await signIn(a, "someone-else@example.test", from)).toBe(429);
    expect(await signIn(b, "someone-else@example.test", from)).toBe(429);
    expect(await redis.keys(`${nameSpace}*`)).not.toEqual([]);
  });

  it("ten attempts per account, whatever addresses they come from", async () => {
    const email = `target-${randomUUID()}@example.test`;
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      statuses.push(await signIn(attempt % 2 ? a : b, email, `198.51.100.${attempt + 1}`));
    }
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await signIn(a, email.toUpperCase(), "198.51.100.200")).toBe(429);
    // Another account from a fresh address is not held back by it.
    expect(await signIn(b, `other-${randomUUID()}@example.test`, "198.51.100.201")).toBe(401);
  });
});
