import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { isLoopbackHost } from "../../core/index.js";
import type { Metrics } from "../metrics.js";
import type { EventStore } from "../store/eventStore.js";

export interface OperationsOptions {
  store: EventStore;
  metrics: Metrics;
  /** More that must answer for the process to be ready (Redis, with several processes). */
  checks?: Record<string, () => Promise<void>>;
  /** A bearer token that opens /metrics from anywhere; without one only unproxied loopback requests. */
  metricsToken?: string;
}

/**
 * What a load balancer and a monitoring system ask: `/readyz` (can this process serve: its store,
 * and Redis when it has one) and `/metrics` (Prometheus text). The metrics say how busy each room
 * is and how many people are connected, so they are not public: see `mayReadMetrics`.
 */
export async function operationsRoutes(app: FastifyInstance, options: OperationsOptions): Promise<void> {
  const checks: Record<string, () => Promise<void>> = {
    // A lookup by primary key: the store answers, whatever it holds.
    store: async () => void (await options.store.getWorkshop("readyz")),
    ...options.checks,
  };

  app.get(
    "/readyz",
    { schema: { tags: ["health"], summary: "Readiness: the store (and Redis) answer" } },
    async (_, reply) => {
      const results = await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          try {
            await check();
            return [name, "ok"] as const;
          } catch (error) {
            return [name, (error as Error).message || "failed"] as const;
          }
        }),
      );
      const ready = results.every(([, result]) => result === "ok");
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? "ok" : "unavailable", checks: Object.fromEntries(results) });
    },
  );

  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, options.metricsToken)) {
      return reply.code(403).send({ error: { code: "forbidden", message: "Metrics are not public" } });
    }
    const { contentType, text } = await options.metrics.exposition();
    return reply.header("content-type", contentType).header("cache-control", "no-store").send(text);
  });
}

/**
 * With a token: whoever presents it. Without: a request made on this machine straight to the
 * process — a loopback socket and no X-Forwarded-For, since a reverse proxy on the same machine
 * connects from loopback too and would otherwise hand the metrics to anyone on the Internet.
 */
function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(request.headers.authorization ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const direct = request.headers["x-forwarded-for"] === undefined;
  return direct && isLoopbackHost(request.socket.remoteAddress ?? "");
}
