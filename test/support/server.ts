import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { WorkshopState } from "../../src/core/index.js";
import { buildApp } from "../../src/server/app.js";
import { LocalEventBus } from "../../src/server/eventBus.js";
import type { WorkshopSummary } from "../../src/server/store/eventStore.js";
import { openSqliteStore, type SqliteEventStore } from "../../src/server/store/sqliteStore.js";
import { WorkshopService } from "../../src/server/workshopService.js";

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
  service: WorkshopService;
  dataDir: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
  /** The public URL the server puts in join links. */
  publicUrl: string;
  /** Stops the server, closes the store and removes the data dir. */
  stop(): Promise<void>;
}

export const TEST_PUBLIC_URL = "http://concord.test";

/** Starts the app the way `startServer` does, without the demo seed or signal handlers. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = makeTempDir();
  const store = openSqliteStore(dataDir);
  const bus = new LocalEventBus();
  const service = new WorkshopService({ store, bus });
  const app = await buildApp({ store, bus, service, publicUrl: TEST_PUBLIC_URL, logLevel: "silent" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    store,
    service,
    dataDir,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    publicUrl: TEST_PUBLIC_URL,
    async stop() {
      await app.close();
      await store.close();
      removeDir(dataDir);
    },
  };
}

/** A parsed HTTP answer. */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/** Sends a JSON request (or none) and parses the JSON answer. */
export async function requestJson<T = unknown>(
  baseUrl: string,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** What POST /api/workshops and /api/workshops/import answer. */
export interface CreatedWorkshop {
  id: string;
  url: string;
  facilitatorKey: string;
}

/** Creates a blank workshop over REST; throws unless the server answers 201. */
export async function createWorkshop(baseUrl: string, title = "Test workshop"): Promise<CreatedWorkshop> {
  const response = await requestJson<CreatedWorkshop>(baseUrl, "POST", "/api/workshops", { title });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Imports a document over REST; throws unless the server answers 201. */
export async function importWorkshop(baseUrl: string, doc: unknown): Promise<CreatedWorkshop> {
  const response = await requestJson<CreatedWorkshop>(baseUrl, "POST", "/api/workshops/import", doc);
  if (response.status !== 201) throw new Error(`import answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** GET /api/workshops/:id, as the server holds it now. */
export async function fetchWorkshop(baseUrl: string, id: string) {
  const response = await requestJson<{ id: string; seq: number; state: WorkshopState }>(
    baseUrl,
    "GET",
    `/api/workshops/${encodeURIComponent(id)}`,
  );
  if (response.status !== 200) throw new Error(`GET workshop answered ${response.status}`);
  return response.body;
}

/** GET /api/workshops: the summaries. */
export async function listWorkshops(baseUrl: string) {
  const response = await requestJson<{ workshops: WorkshopSummary[] }>(
    baseUrl,
    "GET",
    "/api/workshops",
  );
  if (response.status !== 200) throw new Error(`list answered ${response.status}`);
  return response.body.workshops;
}
