import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { CLOSE_CODES, isLoopbackHost, PROTOCOL_VERSION } from "../core/index.js";
import { type ReportPool, reportPool } from "../report/pool/reportPool.js";
import type { SuggestionsApiSettings } from "../themes/model/suggestionsApi.js";
import type { AccountStore } from "./accounts/accountStore.js";
import { FacilitatorAuth } from "./auth/facilitatorAuth.js";
import { ballotRoutes } from "./ballots/ballotRoutes.js";
import { BallotService } from "./ballots/ballotService.js";
import type { BallotStore } from "./ballots/ballotStore.js";
import type { Mailer } from "./ballots/invitations.js";
import { voterRoutes } from "./ballots/voterRoutes.js";
import { limitJsonBodies, MAX_BODY_BYTES } from "./edge/jsonBodies.js";
import { requestLogFields } from "./edge/logRedaction.js";
import { cspConnectSources, guardOrigins } from "./edge/origins.js";
import type { RateLimitStore } from "./edge/rateLimits.js";
import { closeSilentConnections, httpServerTimeouts, SERVER_TIMEOUTS, type ServerTimeouts } from "./edge/timeouts.js";
import { AppError } from "./errors.js";
import type { EventBus } from "./eventBus.js";
import { Metrics } from "./metrics.js";
import type { PresenceExchange } from "./presenceExchange.js";
import { authRoutes } from "./routes/auth.js";
import { campaignRoutes } from "./routes/campaign.js";
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
import { NewcomerLimit } from "./ws/newcomerLimit.js";

export interface AppOptions {
  store: EventStore;
  accounts: AccountStore;
  /** Prioritization ballots, beside the log in the same database. */
  ballots: BallotStore;
  /** Sends ballot invitations (SMTP_URL); without it, links are only given to the facilitator. */
  mailer?: Mailer;
  bus: EventBus;
  service: WorkshopService;
  /** Presence and carets shared with the other processes (several processes); this process's alone by default. */
  presence?: PresenceExchange;
  publicUrl: string;
  /** Where phones reach this server (default: loopback only, so join links use the console's address). */
  joinAddress?: JoinAddressOptions;
  logLevel?: string;
  /** Where the log goes (standard output by default); tests read it. */
  logStream?: { write(line: string): void };
  /** Fastify's trustProxy: which reverse proxies' X-Forwarded-For to believe (none by default). */
  trustProxy?: boolean | string;
  /** The built web app (`npm run build`); without it the server is API-only. */
  webRoot?: string;
  /** PEM certificate and key: HTTPS and WSS instead of HTTP and WS. */
  https?: { cert: string; key: string };
  /** Where reports render (default: a pool of worker threads, stopped with the app). */
  reports?: ReportPool;
  /** ALLOWED_ORIGINS: other sites' pages that may open the WebSocket and change things (see edge/origins.ts). */
  allowedOrigins?: readonly string[];
  /** Where the sign-in and join-code limits count: Redis with several processes, memory otherwise. */
  rateLimits?: RateLimitStore;
  /** New voters one address may add to a ballot through its shareable link in an hour (tests lower it). */
  newSharedVotersPerHour?: number;
  /** How long clients may take (tests shorten them); SERVER_TIMEOUTS by default. */
  timeouts?: Partial<ServerTimeouts>;
  /** This process's metrics (a fresh set by default), shared with what was built before the app. */
  metrics?: Metrics;
  /** METRICS_TOKEN: opens /metrics to whoever presents it. */
  metricsToken?: string;
  /** The optional OpenAI-compatible API for theme suggestions (SUGGESTIONS_URL); the offline model otherwise. */
  suggestionsApi?: SuggestionsApiSettings;
  /** More for /readyz to check beside the store (Redis). */
  readiness?: Record<string, () => Promise<void>>;
}

/** Builds the HTTP and WebSocket server around an already opened store and service. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store, accounts, bus, service, publicUrl } = options;
  const metrics = options.metrics ?? new Metrics();
  const auth = new FacilitatorAuth(store, accounts);
  const trustProxy = options.trustProxy ?? false;
  const timeouts = { ...SERVER_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    ...httpServerTimeouts(timeouts),
    logger: {
      level: options.logLevel ?? "info",
      serializers: { req: requestLogFields },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    trustProxy,
    // Request ids unique across processes; behind a trusted proxy, the proxy's (nginx's $request_id),
    // so one request can be followed from the proxy's log into this one.
    genReqId: () => randomUUID(),
    ...(trustProxy ? { requestIdHeader: "x-request-id" } : {}),
    // Imports raise it on their route (MAX_DOCUMENT_BYTES).
    bodyLimit: MAX_BODY_BYTES,
    ...(options.https ? { https: options.https } : {}),
  });
  closeSilentConnections(app.server, timeouts);
  limitJsonBodies(app);
  // Zod validates inside each handler, so that HTTP, WebSocket and the CLI name problems the
  // same way; the route JSON Schemas only document the API.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  // Answers go out as the handlers wrote them: the route response schemas (src/core/api) document
  // the API, and test/server/contract.test.ts holds the answers to them. Fastify's own serializer
  // would silently drop whatever a schema leaves out.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header("retry-after", String(error.retryAfterSeconds));
      return reply.code(error.status).send(error.toJSON());
    }
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
        // QR codes and logos are data: URLs; the WebSocket is this server's, at its own or its public address.
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: cspConnectSources(publicUrl),
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Set below, only where a browser heeds it.
    crossOriginOpenerPolicy: false,
  });
  // Browsers honour Cross-Origin-Opener-Policy in secure contexts only (HTTPS, or this computer)
  // and report it as an error in the console of every other page: phones that open the laptop's
  // network address over plain HTTP would log one on each load.
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https" || isLoopbackHost(request.hostname))
      reply.header("cross-origin-opener-policy", "same-origin");
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
    // A client's broken frame (too large, not UTF-8, bad opcode) is its fault, not the server's:
    // a warning with what happened, no stack, and the socket goes.
    errorHandler(error, socket, request) {
      request.log.warn({ fault: (error as { code?: string }).code, message: error.message }, "WebSocket client fault");
      socket.terminate();
    },
    // Tell clients this is a restart, not an error, so they reconnect with `since`.
    preClose(done) {
      for (const client of app.websocketServer.clients) client.close(CLOSE_CODES.serverRestart, "Server restarting");
      app.websocketServer.close(() => done());
    },
  });

  // After the WebSocket plugin, whose own onRequest hook marks an upgrade, so that a refused one's
  // socket is closed once the 403 is written.
  guardOrigins(app, [publicUrl, ...(options.allowedOrigins ?? [])]);

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
  const ballots = new BallotService({
    ballots: options.ballots,
    workshops: service,
    publicUrl,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    onMailError: (error) => app.log.warn({ err: error }, "ballot invitation not sent"),
  });
  app.addHook("onClose", async () => ballots.close());
  await app.register(workshopRoutes, { service, store, accounts, auth, publicUrl });
  const { rateLimits } = options;
  await app.register(authRoutes, {
    accounts,
    auth,
    secureCookies: publicUrl.startsWith("https:"),
    ...(rateLimits ? { rateLimits } : {}),
  });
  await app.register(joinRoutes, { service, ...(rateLimits ? { rateLimits } : {}) });
  await app.register(ballotRoutes, { ballots, auth });
  await app.register(campaignRoutes, { service, ballots, auth });
  await app.register(voterRoutes, {
    ballots,
    ...(options.newSharedVotersPerHour ? { newSharedVotersPerHour: options.newSharedVotersPerHour } : {}),
    secureCookies: publicUrl.startsWith("https:"),
    ...(rateLimits ? { rateLimits } : {}),
  });
  await app.register(joinAddressRoutes, options.joinAddress ?? { host: "127.0.0.1" });
  const reports = options.reports ?? reportPool();
  app.addHook("onClose", async () => reports.stop());
  await app.register(reportRoutes, {
    service,
    store,
    auth,
    publicUrl,
    reports,
    ballotResults: (workshopId) => ballots.latestResults(workshopId),
    onRender: (format, seconds) => metrics.reportRendered(format, seconds),
  });
  await app.register(operationsRoutes, {
    store,
    metrics,
    ...(options.readiness ? { checks: options.readiness } : {}),
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
  });
  await app.register(suggestionRoutes, {
    service,
    auth,
    bus,
    ...(options.suggestionsApi ? { api: options.suggestionsApi } : {}),
  });

  const newcomers = new NewcomerLimit();
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
      admitParticipant: (state, participantId) => newcomers.admit(state, request.ip, participantId),
      timeouts,
    });
  });

  if (options.webRoot && existsSync(`${options.webRoot}/index.html`)) await serveWebApp(app, options.webRoot);
  else {
    if (options.webRoot) app.log.warn(`No web app at ${options.webRoot}: run npm run build. Serving the API only.`);
    // Fastify's own handler would log the address, a voting link's token with it.
    app.setNotFoundHandler(noRoute);
  }
  return app;
}

function noRoute(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({ error: { code: "not_found", message: `No route ${request.method} ${request.url}` } });
}

/** Serves the built single-page app; any other GET that wants HTML gets its index page. */
async function serveWebApp(app: FastifyInstance, webRoot: string) {
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && request.url !== "/ws";
    if (wantsPage) return reply.type("text/html").sendFile("index.html");
    return noRoute(request, reply);
  });
}
