import { PostgresAccountStore } from "./accounts/postgresAccountStore.js";
import { PostgresBallotStore } from "./ballots/postgresBallotStore.js";
import type { ServerConfig } from "./config.js";
import { RedisEventBus } from "./redisEventBus.js";
import { RedisPresence } from "./redisPresence.js";
import { openPostgresPool, PostgresEventStore } from "./store/postgresStore.js";

/**
 * What several server processes share: the PostgreSQL store (log and accounts), the Redis bus,
 * and presence and carets over Redis.
 */
export interface SharedBackend {
  store: PostgresEventStore;
  accounts: PostgresAccountStore;
  ballots: PostgresBallotStore;
  bus: RedisEventBus;
  presence: RedisPresence;
  /** Runs `work` in one process at a time (a database-wide advisory lock): the demo's first seeding. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Any constant: the key of the advisory lock `exclusive` holds. */
const EXCLUSIVE_LOCK = 4_172_032;

/**
 * Opens the pool (migrating the schema), then the bus; resolves once this process is subscribed,
 * so nothing another process commits after it starts serving is missed.
 */
export async function openSharedBackend(
  shared: NonNullable<ServerConfig["shared"]>,
  onError: (error: unknown) => void,
  /** Told how long each batch took over Redis (metrics). */
  onBusArrival?: (seconds: number) => void,
): Promise<SharedBackend> {
  const pool = await openPostgresPool({ connectionString: shared.databaseUrl });
  const store = new PostgresEventStore(pool, false);
  let bus: RedisEventBus | undefined;
  try {
    bus = await RedisEventBus.open({
      url: shared.redisUrl,
      channel: shared.redisChannel,
      readEvents: (workshopId, afterSeq, limit) => store.readEvents(workshopId, afterSeq, limit),
      onError,
      ...(onBusArrival ? { onArrival: onBusArrival } : {}),
    });
    // One channel per workshop beside the events' channel: `<channel>:presence:<workshopId>`.
    const presence = await RedisPresence.open({
      url: shared.redisUrl,
      channel: `${shared.redisChannel}:presence`,
      onError,
    });
    const opened = bus;
    return {
      store,
      accounts: new PostgresAccountStore(pool),
      ballots: new PostgresBallotStore(pool),
      bus: opened,
      presence,
      exclusive: async (work) => {
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock($1)", [EXCLUSIVE_LOCK]);
          try {
            return await work();
          } finally {
            await client.query("SELECT pg_advisory_unlock($1)", [EXCLUSIVE_LOCK]);
          }
        } finally {
          client.release();
        }
      },
      close: async () => {
        await presence.close();
        await opened.close();
        await pool.end();
      },
    };
  } catch (error) {
    await bus?.close();
    await pool.end();
    throw error;
  }
}
