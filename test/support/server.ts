import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import {
  type CreatedWorkshop,
  revivedState,
  type SerializedState,
  type WorkshopListItem,
} from "../../src/core/index.js";
import { SqliteAccountStore } from "../../src/server/accounts/sqliteAccountStore.js";
import { type AppOptions, buildApp } from "../../src/server/app.js";
import { SqliteBallotStore } from "../../src/server/ballots/sqliteBallotStore.js";
import { LocalEventBus } from "../../src/server/eventBus.js";
import { openSqliteStore, type SqliteEventStore } from "../../src/server/store/sqliteStore.js";
import { WorkshopService } from "../../src/server/workshopService.js";
import { httpsRequest } from "./tls.js";

/** The repository root, from which the CLI runs and shared examples resolve. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The reference `workshop/v1` example lives beside the repository (`../shared`), not in it, so a
 * bare clone does not have it: tests that need it skip and say why.
 */
export const REFERENCE_EXAMPLE = resolve(REPO_ROOT, "../shared/examples/beyond-decent.workshop.json");
export const HAS_REFERENCE_EXAMPLE = existsSync(REFERENCE_EXAMPLE);

/** Names a suite that needs the reference example, saying why it is skipped when it is; warns once. */
export function needsReferenceExample(name: string): string {
  if (HAS_REFERENCE_EXAMPLE) return name;
  // CI always has ../shared: there a missing fixture is a broken set-up, never a silent skip.
  if (process.env.CI) throw new Error(`${REFERENCE_EXAMPLE} is missing, and CI needs it`);
  const why = `skipped: ${REFERENCE_EXAMPLE} is absent (../shared is not beside the repository)`;
  console.warn(`${name}: ${why}`);
  return `${name} (${why})`;
}

/** The reference example, parsed. */
export function readReferenceExample(): unknown {
  return readJson(REFERENCE_EXAMPLE);
}

/** A French example committed in the repository, for tests that need some valid file but not the reference. */
export const REPO_FIXTURE = join(REPO_ROOT, "test/fixtures/atelier-fr.workshop.json");

/** Reads and parses a JSON file. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** A fresh temporary directory; remove it with `removeDir`. */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), "concord-"));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A port that was free a moment ago: listen on 0, read the port, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

/** A real server in this process: SQLite in a temp dir, Fastify on 127.0.0.1 and an OS-chosen port. */
export interface TestServer {
  app: FastifyInstance;
  store: SqliteEventStore;
  accounts: SqliteAccountStore;
  service: WorkshopService;
  dataDir: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
  /** The public URL the server puts in join links. */
  publicUrl: string;
  /** The session cookie of a facilitator account registered at start, for routes that need one. */
  session: string;
  /** Stops the server, closes the stores and removes the data dir. */
  stop(): Promise<void>;
}

export const TEST_PUBLIC_URL = "http://concord.test";

/**
 * Starts the app the way `startServer` does (event store and accounts in one SQLite file), without
 * the demo seed or signal handlers, and signs up one facilitator.
 */
export async function startTestServer(
  /** More of the app's options, such as short timeouts. */
  extra: Partial<Omit<AppOptions, "store" | "accounts" | "ballots" | "bus" | "service" | "publicUrl">> = {},
): Promise<TestServer> {
  const dataDir = makeTempDir();
  const store = openSqliteStore(dataDir);
  const accounts = new SqliteAccountStore(join(dataDir, "concord.db"));
  const ballots = new SqliteBallotStore(join(dataDir, "concord.db"));
  const bus = new LocalEventBus();
  const service = new WorkshopService({ store, bus });
  const app = await buildApp({
    store,
    accounts,
    ballots,
    bus,
    service,
    publicUrl: TEST_PUBLIC_URL,
    logLevel: "silent",
    ...extra,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    store,
    accounts,
    service,
    dataDir,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    publicUrl: TEST_PUBLIC_URL,
    session: await signUp(baseUrl),
    async stop() {
      await app.close();
      await accounts.close();
      await ballots.close();
      await store.close();
      removeDir(dataDir);
    },
  };
}

/** A parsed HTTP answer. */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Who a request comes from: a session cookie (`name=value`) or a workshop's facilitator key. */
export type Credentials = string | { facilitatorKey: string };

/** The headers that present `credentials`. */
export function credentialHeaders(credentials: Credentials | undefined): Record<string, string> {
  if (credentials === undefined) return {};
  return typeof credentials === "string"
    ? { cookie: credentials }
    : { "x-facilitator-key": credentials.facilitatorKey };
}

/** Sends a JSON request (or none), as `credentials` if given, and parses the JSON answer. */
export async function requestJson<T = unknown>(
  baseUrl: string,
  method: "GET" | "POST" | "PUT" | "PATCH",
  path: string,
  body?: unknown,
  credentials?: Credentials,
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = credentialHeaders(credentials);
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

let accountCounter = 0;

/** Registers a facilitator account and returns its session cookie (`name=value`). */
export async function signUp(baseUrl: string): Promise<string> {
  accountCounter += 1;
  const response = await requestJson(baseUrl, "POST", "/api/auth/register", {
    email: `facilitator-${process.pid}-${accountCounter}@example.test`,
    name: `Facilitator ${accountCounter}`,
    password: "correct horse battery staple",
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (response.status !== 201 || !cookie) {
    throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return cookie;
}

/** What POST /api/workshops and /api/workshops/import answer. */
export type { CreatedWorkshop } from "../../src/core/index.js";

/** Creates a blank workshop over REST as the signed-in `session`; throws unless the server answers 201. */
export async function createWorkshop(
  baseUrl: string,
  session: string,
  title = "Test workshop",
): Promise<CreatedWorkshop> {
  const response = await requestJson<CreatedWorkshop>(baseUrl, "POST", "/api/workshops", { title }, session);
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Imports a document over REST as the signed-in `session`; throws unless the server answers 201. */
export async function importWorkshop(baseUrl: string, session: string, doc: unknown): Promise<CreatedWorkshop> {
  const response = await requestJson<CreatedWorkshop>(baseUrl, "POST", "/api/workshops/import", doc, session);
  if (response.status !== 201) throw new Error(`import answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** GET /api/workshops/:id as its facilitator (its key), as the server holds it now. */
export async function fetchWorkshop(baseUrl: string, workshop: { id: string; facilitatorKey: string }) {
  const response = await requestJson<{ id: string; seq: number; state: SerializedState }>(
    baseUrl,
    "GET",
    `/api/workshops/${encodeURIComponent(workshop.id)}`,
    undefined,
    workshop,
  );
  if (response.status !== 200) throw new Error(`GET workshop answered ${response.status}`);
  return { ...response.body, state: revivedState(response.body.state) };
}

/** GET /api/workshops/:id/export (workshop/v1) as the workshop's facilitator (its key). */
export function fetchExport(baseUrl: string, workshop: { id: string; facilitatorKey: string }) {
  return requestJson(baseUrl, "GET", `/api/workshops/${encodeURIComponent(workshop.id)}/export`, undefined, workshop);
}

/** GET /api/workshops: the summaries the `session` (or an anonymous visitor) sees. */
export async function listWorkshops(baseUrl: string, session?: string) {
  const response = await requestJson<{ workshops: WorkshopListItem[] }>(
    baseUrl,
    "GET",
    "/api/workshops",
    undefined,
    session,
  );
  if (response.status !== 200) throw new Error(`list answered ${response.status}`);
  return response.body.workshops;
}

/** A `concord serve` child process. */
export interface ServerProcess {
  baseUrl: string;
  wsUrl: string;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  /**
   * Sends SIGTERM and resolves with the exit code; a process still running after `graceMs` is
   * killed with SIGKILL (and resolves null), so a hung shutdown fails the test instead of hanging it.
   */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL, as a crash: no shutdown, sockets cut. Resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts `node bin/concord.js serve` on 127.0.0.1:`port` with its store in `dataDir`, and waits
 * until /healthz answers (over HTTPS, trusting that certificate, when `extraEnv` sets TLS_CERT).
 * Rejects if the process exits first or is not healthy in time.
 */
export async function startServerProcess(
  dataDir: string,
  port: number,
  timeoutMs = 15_000,
  /** More environment, such as DATABASE_URL and REDIS_URL for several processes. */
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const { PUBLIC_URL: _publicUrl, ...env } = process.env;
  const child = spawn(process.execPath, ["bin/concord.js", "serve"], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", CONCORD_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  let exitCode: number | null | undefined;
  exited.then((code) => {
    exitCode = code;
  });

  const ca = extraEnv.TLS_CERT === undefined ? undefined : readFileSync(extraEnv.TLS_CERT, "utf8");
  const baseUrl = `${ca ? "https" : "http"}://127.0.0.1:${port}`;
  const healthy = async () =>
    ca ? (await httpsRequest(`${baseUrl}/healthz`, ca)).status === 200 : (await fetch(`${baseUrl}/healthz`)).ok;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`concord serve exited with ${exitCode} before it was healthy:\n${output}`);
    try {
      if (await healthy()) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`concord serve was not healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }

  return {
    baseUrl,
    wsUrl: `${ca ? "wss" : "ws"}://127.0.0.1:${port}/ws`,
    output: () => output,
    stop: (graceMs = 10_000) =>
      exitCode !== undefined ? Promise.resolve(exitCode) : stopChild(child, exited, graceMs),
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
export async function stopChild(child: ChildProcess, exited: Promise<number | null>, graceMs: number) {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
