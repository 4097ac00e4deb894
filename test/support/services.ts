import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { Client } from "pg";

/**
 * PostgreSQL and Redis for the tests of the several-process mode: the ones CI starts (.ci/run),
 * on 127.0.0.1 with their default ports, unless TEST_POSTGRES_URL / TEST_REDIS_URL say otherwise.
 */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function reachPostgres(): Promise<string | undefined> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function reachRedis(): Promise<string | undefined> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    redis.disconnect();
  }
}

/**
 * Whether the named services answer. In CI (CI=true) an unreachable one is a broken set-up and
 * throws, failing the test file; elsewhere the suite is skipped and says why.
 */
export async function servicesAvailable(
  name: string,
  needs: { postgres?: boolean; redis?: boolean },
): Promise<boolean> {
  const problems: string[] = [];
  if (needs.postgres) {
    const problem = await reachPostgres();
    if (problem) problems.push(`PostgreSQL at ${POSTGRES_ADMIN_URL}: ${problem}`);
  }
  if (needs.redis) {
    const problem = await reachRedis();
    if (problem) problems.push(`Redis at ${REDIS_URL}: ${problem}`);
  }
  if (problems.length === 0) return true;
  if (process.env.CI) throw new Error(`${name} needs these, and CI must have them:\n${problems.join("\n")}`);
  console.warn(`${name}: SKIPPED, not reachable:\n${problems.join("\n")}`);
  return false;
}

/** A database of its own for one test file; `drop` removes it (closing whatever still uses it). */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `concord_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
