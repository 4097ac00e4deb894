import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { SqliteAccountStore } from "./accounts/sqliteAccountStore.js";
import { buildApp } from "./app.js";
import { smtpMailer } from "./ballots/invitations.js";
import { SqliteBallotStore } from "./ballots/sqliteBallotStore.js";
import type { ServerConfig } from "./config.js";
import { demoLink, seedDemoOnce } from "./demo.js";
import { LocalEventBus } from "./eventBus.js";
import { Metrics } from "./metrics.js";
import { networkOrigins } from "./routes/joinAddress.js";
import { openSharedBackend } from "./sharedBackend.js";
import { openSqliteStore } from "./store/sqliteStore.js";
import { WorkshopService } from "./workshopService.js";

/**
 * With several processes, how often each compares the workshops it holds with their logs' heads:
 * the longest a quiet room stays behind after its events missed the bus.
 */
const HEAD_CHECK_MS = 2_000;

/** Opens the store, seeds the demo on first start, and listens. Closes cleanly on SIGINT/SIGTERM. */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  let app: FastifyInstance | undefined;
  const warn = (message: string) => (error: unknown) => app?.log.warn({ err: error }, message);
  // With DATABASE_URL and REDIS_URL: PostgreSQL and Redis, shared with the other processes.
  const metrics = new Metrics();
  const shared =
    config.shared && (await openSharedBackend(config.shared, warn("Redis"), (seconds) => metrics.busArrived(seconds)));
  // Writes on their own thread: the fsync of a durable commit must not stop the room's fan-out.
  const store = shared?.store ?? openSqliteStore(config.dataDir, { writes: "thread" });
  const accounts = shared?.accounts ?? new SqliteAccountStore(join(config.dataDir, "concord.db"));
  const ballots = shared?.ballots ?? new SqliteBallotStore(join(config.dataDir, "concord.db"));
  const mailer = config.smtp && smtpMailer(config.smtp.url, config.smtp.from);
  const bus = new LocalEventBus();
  const service = new WorkshopService({
    store,
    bus,
    shared: shared?.bus,
    headCheckMs: HEAD_CHECK_MS,
    observeCommit: (seconds) => metrics.committed(seconds),
    onError: warn("catch-up from the log"),
  });
  // Sign-in and join-code limits count across processes in the same Redis.
  const rateLimitRedis = config.shared && new Redis(config.shared.redisUrl, { maxRetriesPerRequest: 1 });
  rateLimitRedis?.on("error", warn("Redis (rate limits)"));
  const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));
  app = await buildApp({
    store,
    accounts,
    ballots,
    ...(mailer ? { mailer } : {}),
    bus,
    service,
    presence: shared?.presence,
    publicUrl: config.publicUrl,
    joinAddress: { host: config.host, ...(config.publicUrlGiven ? { publicUrl: config.publicUrl } : {}) },
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    ...(rateLimitRedis && config.shared
      ? { rateLimits: { redis: rateLimitRedis, nameSpace: `${config.shared.redisChannel}:rate-limit:` } }
      : {}),
    webRoot,
    ...(config.tls ? { https: config.tls } : {}),
    metrics,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    ...(config.suggestionsApi ? { suggestionsApi: config.suggestionsApi } : {}),
    ...(shared ? { readiness: { redis: () => shared.bus.ping() } } : {}),
  });
  app.addHook("onClose", async () => {
    service.close();
    await accounts.close();
    await ballots.close();
    mailer?.close();
    await store.close();
    await shared?.close();
    rateLimitRedis?.disconnect();
  });

  // Processes that start together must not both seed the demo.
  const seed = () => seedDemoOnce(store, service);
  const imported = await (shared ? shared.exclusive(seed) : seed());
  // Printed on the first start only: a log kept for months should not carry a key that opens the
  // demo's console, and the store keeps only its hash. `concord demo-link` issues a new one.
  if (imported) {
    app.log.info(`Demo workshop imported. Facilitate it at ${demoLink(config.publicUrl, imported)}`);
  }

  // A room of 2,000 phones connects within a second or two: a deep accept queue (the kernel caps it
  // at net.core.somaxconn) keeps a join storm from overflowing it, which would cost the overflow a
  // TCP retry a second or more later.
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  app.log.info(`Concord is running at ${config.publicUrl}`);
  if (!config.publicUrlGiven) {
    const port = (app.server.address() as AddressInfo).port;
    const origins = networkOrigins(config.host, port, config.tls ? "https" : "http");
    if (origins.length > 0) app.log.info(`Phones on this network reach it at ${origins.join(", ")}`);
  }

  const stop = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return app;
}
