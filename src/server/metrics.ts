import { monitorEventLoopDelay } from "node:perf_hooks";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds, from a tenth of a millisecond to ten seconds: acks, commits and the bus's hop. */
const LATENCY_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** How many sockets one batch goes to: a table of five up to a plenary of thousands. */
const FANOUT_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000];
/** A report takes from milliseconds (CSV) to seconds (a long PDF). */
const RENDER_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * What one server process counts, in Prometheus text at `/metrics` (names prefixed `concord_`).
 * One registry per app, so several apps in one test process do not share counts. Labelled
 * children are cached by label value: on the hot path a count is a map lookup and an addition.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly connections = new Gauge({
    name: "concord_connections",
    help: "Open WebSocket connections that said hello, by role",
    labelNames: ["role"] as const,
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: "concord_commands_total",
    help: "Commands received over WebSocket, by command type",
    labelNames: ["type"] as const,
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: "concord_command_refusals_total",
    help: "Commands answered with an error, by command type and error code",
    labelNames: ["type", "code"] as const,
    registers: [this.registry],
  });
  private readonly ackLatency = this.histogram(
    "concord_ack_latency_seconds",
    "From a command's arrival on its socket to its ack (or refusal) being sent",
    LATENCY_BUCKETS,
  );
  private readonly fanOutSockets = this.histogram(
    "concord_fanout_connections",
    "Connections one committed batch is sent to",
    FANOUT_BUCKETS,
  );
  private readonly fanOutTime = this.histogram(
    "concord_fanout_seconds",
    "Time spent serialising a batch and handing it to every connection of its workshop",
    LATENCY_BUCKETS,
  );
  private readonly commitTime = this.histogram(
    "concord_store_commit_seconds",
    "Durable commit of one group of commands (EventStore.appendMany)",
    LATENCY_BUCKETS,
  );
  private readonly busLag = this.histogram(
    "concord_bus_lag_seconds",
    "From a batch's publish on Redis to its arrival in this process (includes clock skew between hosts)",
    LATENCY_BUCKETS,
  );
  private readonly renders = new Histogram({
    name: "concord_report_render_seconds",
    help: "Report renders, by format (its _count is the number of renders)",
    labelNames: ["format"] as const,
    buckets: RENDER_BUCKETS,
    registers: [this.registry],
  });
  private readonly commandChildren = new Map<string, Counter.Internal>();
  /**
   * Sampled by libuv every 10 ms, read and reset at each scrape. Only this of prom-client's default
   * metrics: its others observe every garbage collection, which costs on the hot path, and the
   * host's exporter already reports memory and CPU.
   */
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    const delay = this.loopDelay;
    delay.enable();
    new Gauge({
      name: "concord_event_loop_lag_seconds",
      help: "Event-loop delay since the previous scrape, by quantile (max: the longest)",
      labelNames: ["quantile"] as const,
      registers: [this.registry],
      collect() {
        // Nanoseconds; the timer's own resolution is counted in, as prom-client's default does.
        const seconds = (nanoseconds: number) => Math.max(0, nanoseconds / 1e9 - 0.01);
        this.set({ quantile: "0.5" }, seconds(delay.percentile(50)));
        this.set({ quantile: "0.99" }, seconds(delay.percentile(99)));
        this.set({ quantile: "max" }, seconds(delay.max));
        delay.reset();
      },
    });
  }

  /** Stops sampling the event loop (the app is closing). */
  close(): void {
    this.loopDelay.disable();
  }

  connected(role: string): void {
    this.connections.inc({ role });
  }

  disconnected(role: string): void {
    this.connections.dec({ role });
  }

  command(type: string): void {
    let child = this.commandChildren.get(type);
    if (!child) {
      child = this.commands.labels(type);
      this.commandChildren.set(type, child);
    }
    child.inc();
  }

  refused(type: string, code: string): void {
    this.refusals.inc({ type, code });
  }

  acked(seconds: number): void {
    this.ackLatency.observe(seconds);
  }

  fannedOut(connections: number, seconds: number): void {
    this.fanOutSockets.observe(connections);
    this.fanOutTime.observe(seconds);
  }

  committed(seconds: number): void {
    this.commitTime.observe(seconds);
  }

  busArrived(seconds: number): void {
    this.busLag.observe(Math.max(0, seconds));
  }

  /** For the report code: one render of `format` took `seconds`. */
  reportRendered(format: string, seconds: number): void {
    this.renders.observe({ format }, seconds);
  }

  private histogram(name: string, help: string, buckets: number[]): Histogram {
    return new Histogram({ name, help, buckets, registers: [this.registry] });
  }

  /** The Prometheus text exposition and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}

/** Seconds since `start`, a `performance.now()` reading. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
