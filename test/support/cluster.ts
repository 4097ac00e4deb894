import { randomUUID } from "node:crypto";
import { type OwnRedis, startOwnRedis } from "./redisServer.js";
import { freePort, makeTempDir, removeDir, type ServerProcess, signUp, startServerProcess } from "./server.js";
import { createTestDatabase, type TestDatabase } from "./services.js";

/** Several `concord serve` processes on one test database and a Redis of the test's own. */
export interface Cluster {
  processes: ServerProcess[];
  redis: OwnRedis;
  database: TestDatabase;
  /** A facilitator account's session cookie. */
  session: string;
  stop(): Promise<void>;
}

/** Starts `count` processes together (they migrate and seed once) and signs a facilitator up. */
export async function startCluster(count: number): Promise<Cluster> {
  const database = await createTestDatabase();
  const redis = await startOwnRedis();
  const dataDir = makeTempDir();
  const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_CHANNEL: `concord:test:${randomUUID()}` };
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const starting = ports.map((port) => startServerProcess(dataDir, port, 90_000, env));
  const started = await Promise.allSettled(starting);
  const processes = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const first = processes[0];
  if (!first || processes.length < count) {
    await Promise.all(processes.map((server) => server.stop()));
    await redis.stop();
    await database.drop();
    removeDir(dataDir);
    throw started.find((result) => result.status === "rejected")?.reason ?? new Error("A cluster needs a process");
  }
  return {
    processes,
    redis,
    database,
    session: await signUp(first.baseUrl),
    async stop() {
      await Promise.all(processes.map((server) => server.stop()));
      await redis.stop();
      await database.drop();
      removeDir(dataDir);
    },
  };
}
