import { type ChildProcess, spawn } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./server.js";

/**
 * A `redis-server` of the test's own, on a free port of 127.0.0.1 and without persistence: one a
 * test may kill and start again (never the shared one other tests and helpers use).
 */
export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL, and resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a redis-server (`REDIS_SERVER`, default `redis-server` on the PATH) and waits until it answers. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const binary = process.env.REDIS_SERVER ?? "redis-server";
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const started = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    child = started;
    exited = new Promise((resolve) => started.once("exit", () => resolve()));
    await waitForPing(port);
  };
  const kill = async () => {
    child?.kill("SIGKILL");
    await exited;
    child = undefined;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}

async function waitForPing(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const redis = new Redis({ port, host: "127.0.0.1", lazyConnect: true, retryStrategy: () => null });
    redis.on("error", () => undefined);
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      redis.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
