import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import { CLOSE_CODES, PROTOCOL_VERSION } from "../core/index.js";
import type { AccountStore } from "./accounts/accountStore.js";
import { FacilitatorAuth } from "./auth/facilitatorAuth.js";
import { AppError } from "./errors.js";
import type { EventBus } from "./eventBus.js";
import { Metrics } from "./metrics.js";
import type { PresenceExchange } from "./presenceExchange.js";
import { authRoutes } from "./routes/auth.js";
import { joinRoutes } from "./routes/join.js";
import { type JoinAddressOptions, joinAddressRoutes } from "./routes/joinAddress.js";
import { operationsRoutes } from "./routes/operations.js";
import { reportRoutes } from "./routes/report.js";
import { suggestionRoutes } from "./routes/suggestions.js";
import { workshopRoutes } from "./routes/workshops.js";
import type { EventStore } from "./store/eventStore.js";
import type { WorkshopService } from "./workshopService.js";
import { Connection } from "./ws/connection.js";
import { Hub } from "./ws/hub.js";

export interface AppOptions {
  store: EventStore;
  accounts: AccountStore;
  bus: EventBus;
  service: WorkshopService;
  /** Presence and carets shared with the other processes (several processes); this process's alone by default. */
  presence?: PresenceExchange;
  publicUrl: string;
  /** Where phones reach this server (default: loopback only, so join links use the console's address). */
  joinAddress?: JoinAddressOptions;
  logLevel?: string;
  /** Fastify's trustProxy: which reverse proxies' X-Forwarded-For to believe (none by default). */
  trustProxy?: boolean | string;
  /** The built web app (`npm run build`); without it the server is API-only. */
  webRoot?: string;
  /** This process's metrics (a fresh set by default), shared with what was built before the app. */
  metrics?: Metrics;
  /** METRICS_TOKEN: opens /metrics to whoever presents it. */
  metricsToken?: string;
  /** More for /readyz to check beside the store (Redis). */
  readiness?: Record<string, () => Promise<void>>;
}

/** Builds the HTTP and WebSocket server around an already opened store and service. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store, accounts, bus, service, publicUrl } = options;
  const metrics = options.metrics ?? new Metrics();
  const auth = new FacilitatorAuth(store, accounts);
  const trustProxy = options.trustProxy ?? false;
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    trustProxy,
    // Request ids unique across processes; behind a trusted proxy, the proxy's (nginx's $request_id),
    // so one request can be followed from the proxy's log into this one.
    genReqId: () => randomUUID(),
    ...(trustProxy ? { requestIdHeader: "x-request-id" } : {}),
    // A 2,000-card workshop file is a few hundred kilobytes; leave ample room.
    bodyLimit: 16 * 1024 * 1024,
  });
  // Zod validates inside each handler, so that HTTP, WebSocket and the CLI name problems the
  // same way; the route JSON Schemas only document the API.
  app.setValidatorCompiler(() => (data) => ({ value: data }));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send(error.toJSON());
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: "invalid", message: (error as Error).message } });
    }
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: { code: "internal", message: "Something went wrong on the server" } });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // QR codes and logos are data: URLs; the WebSocket is same-origin.
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'", "ws:", "wss:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Concord API",
        version: "0.1.0",
        description: `REST API of Concord. The live protocol (version ${PROTOCOL_VERSION}) runs over the WebSocket at /ws; see docs/protocol.md.`,
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  await app.register(websocket, {
    options: { maxPayload: 1024 * 1024 },
    // Tell clients this is a restart, not an error, so they reconnect with `since`.
    preClose(done) {
      for (const client of app.websocketServer.clients) client.close(CLOSE_CODES.serverRestart, "Server restarting");
      app.websocketServer.close(() => done());
    },
  });

  const hub = new Hub(
    bus,
    async (workshopId) => (await service.get(workshopId)).state,
    (error) => app.log.warn({ err: error }, "presence update failed"),
    {
      ...(options.presence ? { shared: options.presence } : {}),
      onFanOut: (connections, seconds) => metrics.fannedOut(connections, seconds),
    },
  );
  app.addHook("onClose", async () => {
    hub.close();
    metrics.close();
  });

  app.get("/healthz", { schema: { tags: ["health"], summary: "Liveness" } }, async () => ({ status: "ok" }));
  await app.register(workshopRoutes, { service, store, accounts, auth, publicUrl });
  await app.register(authRoutes, { accounts, auth, secureCookies: publicUrl.startsWith("https:") });
  await app.register(joinRoutes, { service });
  await app.register(joinAddressRoutes, options.joinAddress ?? { host: "127.0.0.1" });
  await app.register(reportRoutes, {
    service,
    store,
    auth,
    publicUrl,
    onRender: (format, seconds) => metrics.reportRendered(format, seconds),
  });
  await app.register(operationsRoutes, {
    store,
    metrics,
    ...(options.readiness ? { checks: options.readiness } : {}),
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
  });
  await app.register(suggestionRoutes, { service, auth, bus });

  app.get("/ws", { websocket: true, schema: { hide: true } }, (socket, request) => {
    new Connection(socket, {
      service,
      hub,
      isFacilitator: (workshopId, key) => auth.canFacilitate(request, workshopId, key || undefined),
      facilitatorName: async () => {
        const accountId = await auth.accountId(request);
        return accountId ? (await accounts.getAccount(accountId))?.name : undefined;
      },
      log: request.log,
      metrics,
      stream: request.socket,
    });
  });

  if (options.webRoot && existsSync(`${options.webRoot}/index.html`)) await serveWebApp(app, options.webRoot);
  else if (options.webRoot) app.log.warn(`No web app at ${options.webRoot}: run npm run build. Serving the API only.`);
  return app;
}

/** Serves the built single-page app; any other GET that wants HTML gets its index page. */
async function serveWebApp(app: FastifyInstance, webRoot: string) {
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && request.url !== "/ws";
    if (wantsPage) return reply.type("text/html").sendFile("index.html");
    return reply.code(404).send({ error: { code: "not_found", message: `No route ${request.method} ${request.url}` } });
  });
}
