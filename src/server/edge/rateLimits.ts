import type { Redis } from "ioredis";

/**
 * Where the sign-in and join-code limits count. In one process, its memory; with several
 * (REDIS_URL), one Redis for all of them, so that N processes do not allow N times the limit.
 */
export interface RateLimitStore {
  redis: Redis;
  /** Separates deployments (and tests) sharing one Redis. */
  nameSpace: string;
}

/** The options @fastify/rate-limit takes for `store`: its own memory when there is none. */
export function rateLimitStoreOptions(store: RateLimitStore | undefined) {
  return store ? { redis: store.redis, nameSpace: store.nameSpace, skipOnError: false } : {};
}
