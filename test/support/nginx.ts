import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, makeTempDir, REPO_ROOT, removeDir } from "./server.js";

/** Debian's nginx (`nginx-light`), or NGINX_BINARY. */
export const NGINX_BINARY = process.env.NGINX_BINARY ?? "/usr/sbin/nginx";

/** The sample the deployment docs point at: tests run it with only its ports and paths changed. */
const SAMPLE = join(REPO_ROOT, "deploy/nginx.conf");
const SAMPLE_UPSTREAMS = ["127.0.0.1:4321", "127.0.0.1:4322", "127.0.0.1:4323"];

export interface TestNginx {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `deploy/nginx.conf` with its listening port, its upstreams' ports and its file paths (pid, logs,
 * temp dirs) moved into a temp dir; every other line as shipped.
 */
export function rewriteSample(listenPort: number, upstreamPorts: readonly number[], dir: string): string {
  let conf = readFileSync(SAMPLE, "utf8");
  const servers = conf.match(/^ {8}server 127\.0\.0\.1:\d+ .*$/gm) ?? [];
  if (servers.length !== SAMPLE_UPSTREAMS.length) throw new Error("deploy/nginx.conf no longer lists three upstreams");
  // One upstream line per process, written like the sample's first.
  const template = servers[0] ?? "";
  const upstreams = upstreamPorts.map((port) => template.replace(SAMPLE_UPSTREAMS[0] ?? "", `127.0.0.1:${port}`));
  conf = conf.replace(servers.join("\n"), upstreams.join("\n"));
  conf = conf.replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`);
  conf = conf.replaceAll("/run/concord-nginx.pid", join(dir, "nginx.pid"));
  conf = conf.replaceAll("/var/log/nginx/", `${dir}/`);
  conf = conf.replaceAll("/var/lib/nginx/concord/", `${dir}/temp/`);
  return conf;
}

/** Starts nginx in the foreground (a child of the test) with the rewritten sample; resolves once it answers. */
export async function startNginx(upstreamPorts: readonly number[]): Promise<TestNginx> {
  const dir = makeTempDir();
  mkdirSync(join(dir, "temp"));
  const port = await freePort();
  const confPath = join(dir, "nginx.conf");
  writeFileSync(confPath, rewriteSample(port, upstreamPorts, dir));
  const child: ChildProcess = spawn(
    NGINX_BINARY,
    ["-p", dir, "-c", confPath, "-e", join(dir, "startup-error.log"), "-g", "daemon off;"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error(`nginx exited before answering:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    output: () => output,
    async stop() {
      if (!exited) {
        // SIGQUIT: a graceful stop, but WebSockets would hold it open; SIGTERM ends them at once.
        child.kill("SIGTERM");
        await exit;
      }
      removeDir(dir);
    },
  };
}
