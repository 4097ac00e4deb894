/**
 * The load processes of one run, driven from the scenario: each is a forked child holding a share
 * of the simulated phones (round-robin), so the load spreads over the machine's cores.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cpuSeconds, nowMs, sleep } from "./measure.js";
import type {
  ClientSpec,
  CollectReport,
  FromWorker,
  JoinReport,
  LoadedReport,
  ProgressReport,
  ToWorker,
} from "./workerMessages.js";

const WORKER = fileURLToPath(new URL("./loadWorker.ts", import.meta.url));

type Reply<T extends FromWorker["type"]> = Extract<FromWorker, { type: T }>;

interface Waiter {
  resolve: (message: FromWorker) => void;
  reject: (error: Error) => void;
}

class LoadProcess {
  private readonly waiting = new Map<string, Waiter>();

  constructor(readonly child: ChildProcess) {
    child.on("message", (message: FromWorker) => {
      const waiter = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      waiter?.resolve(message);
    });
    child.once("exit", (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`load process exited with ${code}`));
      this.waiting.clear();
    });
  }

  send(message: ToWorker): void {
    if (this.child.connected) this.child.send(message);
  }

  ask<T extends FromWorker["type"]>(message: ToWorker, reply: T): Promise<Reply<T>> {
    const answer = new Promise<Reply<T>>((resolve, reject) => {
      this.waiting.set(reply, { resolve: resolve as (message: FromWorker) => void, reject });
    });
    this.send(message);
    return answer;
  }
}

export interface QuietState {
  seq: number;
  settled: boolean;
  lastActivityAt: number;
}

/** The load processes of one run. */
export class Fleet {
  private constructor(
    private readonly processes: LoadProcess[],
    readonly size: number,
  ) {}

  /**
   * Forks `count` load processes and hands each its share of `specs`. With several server URLs
   * (several processes), load process i connects its clients to URL i modulo their number.
   */
  static async start(
    wsUrls: string | readonly string[],
    specs: ClientSpec[],
    count: number,
    { reconnect = false, checkEvents = true }: { reconnect?: boolean; checkEvents?: boolean } = {},
  ): Promise<Fleet> {
    const urls = typeof wsUrls === "string" ? [wsUrls] : wsUrls;
    const processes = Array.from({ length: count }, () => {
      const child = fork(WORKER, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      return new LoadProcess(child);
    });
    await Promise.all(
      processes.map((process, index) => {
        const clients = specs.filter((_, at) => at % count === index);
        const wsUrl = urls[index % urls.length] ?? "";
        return process.ask({ type: "init", index, wsUrl, clients, reconnect, checkEvents }, "ready");
      }),
    );
    return new Fleet(processes, specs.length);
  }

  join(timeoutMs: number): Promise<JoinReport[]> {
    return this.all({ type: "join", timeoutMs }, "joined");
  }

  progress(): Promise<ProgressReport[]> {
    return this.all({ type: "progress" }, "progress");
  }

  /** Open-loop load, `rate` cards/s and `moveRate` moves/s in total, spread evenly over the processes. */
  load(rate: number, moveRate: number, seconds: number, themeIds: string[]): Promise<LoadedReport[]> {
    const count = this.processes.length;
    return Promise.all(
      this.processes.map((process, index) =>
        process.ask(
          // Staggered so that the processes' sends interleave instead of arriving in pairs.
          { type: "load", rate: rate / count, moveRate, seconds, themeIds, offsetMs: (index * 1000) / rate },
          "loaded",
        ),
      ),
    );
  }

  saturate(seconds: number, warmupSeconds: number, mix: "add" | "add-remove"): Promise<LoadedReport[]> {
    return this.all({ type: "saturate", seconds, warmupSeconds, mix }, "loaded");
  }

  markRestart(): void {
    for (const process of this.processes) process.send({ type: "markRestart" });
  }

  collect(finalSeq: number): Promise<CollectReport[]> {
    return this.all({ type: "collect", finalSeq }, "collected");
  }

  /**
   * Polls until every client holds the same, newest seq with nothing outstanding (and, with
   * `allLive`, every socket welcomed), or `timeoutMs` passes.
   */
  async waitQuiet(timeoutMs: number, allLive = false): Promise<QuietState> {
    const deadline = nowMs() + timeoutMs;
    for (;;) {
      const reports = await this.progress();
      const seq = Math.max(...reports.map((report) => report.maxSeq));
      const lastActivityAt = Math.max(...reports.map((report) => report.lastActivityAt));
      const settled =
        reports.every((report) => report.minSeq === seq && report.outstanding === 0) &&
        (!allLive || reports.reduce((sum, report) => sum + report.live, 0) === this.size);
      if (settled || nowMs() > deadline) return { seq, settled, lastActivityAt };
      await sleep(100);
    }
  }

  /** CPU seconds the load processes have used so far. */
  cpuSeconds(): number {
    return this.processes.reduce((sum, process) => sum + (process.child.pid ? cpuSeconds(process.child.pid) : 0), 0);
  }

  async exit(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (process) =>
          new Promise<void>((resolve) => {
            if (process.child.exitCode !== null) return resolve();
            process.child.once("exit", () => resolve());
            process.send({ type: "exit" });
            setTimeout(() => process.child.kill("SIGKILL"), 5000).unref();
          }),
      ),
    );
  }

  private all<T extends FromWorker["type"]>(message: ToWorker, reply: T): Promise<Reply<T>[]> {
    return Promise.all(this.processes.map((process) => process.ask(message, reply)));
  }
}
