import { Redis } from "ioredis";

/** Two connections to one Redis: a subscribed connection can do nothing but listen. */
export interface RedisPair {
  publisher: Redis;
  subscriber: Redis;
}

/**
 * Connects a publisher and a subscriber. Later errors go to `onError`: ioredis reconnects by
 * itself and queues commands meanwhile, so a short outage drops no publish. Rejects, with both
 * closed, when either cannot connect.
 */
export async function connectRedisPair(url: string, onError?: (error: unknown) => void): Promise<RedisPair> {
  const publisher = new Redis(url, { lazyConnect: true });
  const subscriber = new Redis(url, { lazyConnect: true });
  const report = (error: unknown) => onError?.(error);
  publisher.on("error", report);
  subscriber.on("error", report);
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }
  return { publisher, subscriber };
}
