/**
 * The servers under test, each in its own child process: `concord serve` with the embedded store
 * in a temporary data directory, or the bare relay of `relayServer.ts`. Only 127.0.0.1.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startNginx } from "../../test/support/nginx.js";
import { freePort, REPO_ROOT, stopChild } from "../../test/support/server.js";
import { createTestDatabase, REDIS_URL, servicesAvailable } from "../../test/support/services.js";
import { sleep } from "./measure.js";

/** A running server — one process, or several sharing a workshop — where to reach it and how to stop it. */
export interface Target {
  kind: "concord" | "relay";
  pid: number;
  port: number;
  baseUrl: string;
  wsUrl: string;
  /** Every process of the server (the first is `pid`), for CPU and memory. */
  pids: number[];
  /** Every process's WebSocket address (the first is `wsUrl`): the load spreads over them. */
  wsUrls: string[];
  /** Everything it printed, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ConcordOptions {
  dataDir: string;
  /** Reuse a port (a restart); a free one otherwise. */
  port?: number;
  /** Another checkout to run, for a before/after comparison (default: this repository). */
  root?: string;
  /** Extra `node` flags, e.g. `--max-semi-space-size=32`. */
  nodeFlags?: string[];
  /** Extra environment, e.g. DATABASE_URL and REDIS_URL for several processes. */
  env?: Record<string, string>;
}

/** Starts `node bin/concord.js serve` and waits until /healthz answers. */
export async function startConcord(options: ConcordOptions): Promise<Target> {
  const port = options.port ?? (await freePort());
  const { PUBLIC_URL: _publicUrl, NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), "bin/concord.js", "serve"], {
    cwd: options.root ?? REPO_ROOT,
    env: {
      ...env,
      ...options.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CONCORD_DATA_DIR: options.dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return watch("concord", child, port);
}

/**
 * Starts `count` Concord processes on one fresh PostgreSQL database and one Redis channel (the
 * several-process mode of docs/architecture.md) behind nginx with `deploy/nginx.conf` (its ports
 * and paths moved, as the fault test does): every client goes through nginx, which sends each
 * workshop's sockets to one process. Stopping the target stops nginx and the processes and drops
 * the database.
 */
export async function startConcordProcesses(count: number, options: ConcordOptions): Promise<Target> {
  if (!(await servicesAvailable("bench --processes", { postgres: true, redis: true }))) {
    throw new Error("--processes needs PostgreSQL and Redis (see README: Several processes)");
  }
  const database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_CHANNEL: `concord:bench:${database.name}` };
  const started: Target[] = [];
  try {
    // One after another: the first migrates the new database and seeds the demo.
    for (let at = 0; at < count; at++) started.push(await startConcord({ ...options, env }));
  } catch (error) {
    await Promise.all(started.map((target) => target.stop()));
    await database.drop();
    throw error;
  }
  const [first] = started as [Target, ...Target[]];
  const nginx = await startNginx(started.map((target) => target.port)).catch(async (error: unknown) => {
    await Promise.all(started.map((target) => target.stop()));
    await database.drop();
    throw error;
  });
  return {
    ...first,
    baseUrl: nginx.baseUrl,
    wsUrl: nginx.wsUrl,
    pids: started.map((target) => target.pid),
    wsUrls: [nginx.wsUrl],
    output: () => [...started.map((target) => target.output()), nginx.output()].join("\n"),
    async stop(graceMs) {
      await nginx.stop();
      const codes = await Promise.all(started.map((target) => target.stop(graceMs)));
      await database.drop();
      return codes.find((code) => code !== 0 && code !== null) ?? codes[0] ?? null;
    },
  };
}

const RELAY = fileURLToPath(new URL("./relayServer.ts", import.meta.url));

/** Starts the bare `ws` broadcast relay and waits until it answers. */
export async function startRelay(nodeFlags: string[] = []): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", RELAY, String(port)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return watch("relay", child, port);
}

async function watch(kind: Target["kind"], child: ChildProcess, port: number, timeoutMs = 60_000): Promise<Target> {
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${kind} exited with ${exitCode} before it answered:\n${output}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${kind} did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(25);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${kind} has no pid`);
  return {
    kind,
    pid,
    port,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    pids: [pid],
    wsUrls: [`ws://127.0.0.1:${port}/ws`],
    output: () => output,
    stop: (graceMs = 15_000) =>
      exitCode !== undefined ? Promise.resolve(exitCode) : stopChild(child, exited, graceMs),
  };
}
