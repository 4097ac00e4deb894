/**
 * One run of the room load against one server (Concord or the relay): start it, prepare the
 * workshop, the join storm, the open-loop cards and moves, then merge what the load processes saw.
 */
import { makeTempDir, removeDir } from "../../test/support/server.js";
import { Fleet } from "./fleet.js";
import { CpuMeter, nowMs, type Percentiles, percentiles, sleep, totalRssKb } from "./measure.js";
import { prepareWorkshops, roomClients } from "./setup.js";
import { startConcord, startConcordProcesses, startRelay, type Target } from "./targets.js";
import type { CollectReport, JoinReport } from "./workerMessages.js";

export interface RoomOptions {
  participants: number;
  rate: number;
  moveRate: number;
  seconds: number;
  workers: number;
  joinTimeoutSeconds: number;
  root?: string;
  nodeFlags: string[];
  /**
   * Concord processes sharing the workshop through PostgreSQL and Redis behind nginx (one or more);
   * absent: one process on the embedded store, reached directly.
   */
  processes?: number | undefined;
}

export interface RoomRun {
  target: Target["kind"];
  fanoutMs: Percentiles;
  ackMs: Percentiles;
  lost: number;
  duplicates: number;
  joinSeconds: number;
  joinFailures: number;
  joinFailureReasons: Record<string, number>;
  /** Seconds from the first socket opened to each client's welcome, and to each holding the board. */
  joinTimeline: { welcomedSeconds: Percentiles; readySeconds: Percentiles };
  commands: { sent: number; fannedOutToAll: number; errors: Record<string, number> };
  serverCpuPercent: number;
  serverCpuPercentDuringJoin: number;
  /** CPU of all load processes together, in percent of one core. */
  loadCpuPercent: number;
  loadCpuPercentDuringJoin: number;
  /** Resident memory: idle with the workshop open, after the join, at the end, and the peak (sampled every 250 ms). */
  serverRssKb: { idle: number; joined: number; joinPeak: number; end: number; peak: number };
  serverRssKbPerParticipant: number;
  presencePerClientDuringJoin: { max: number; mean: number };
  presencePerClientTotal: { max: number; mean: number };
  /** From the first socket opened to the end of the run: the presence messages' time base. */
  runSeconds: number;
  eventFramesPerClientDuringJoin: { max: number; mean: number };
  /** False if the clients did not all reach the final seq in time (lost events then say how many). */
  settled: boolean;
}

const THEMES = 4;

/** Runs the room scenario once against a fresh server of `kind`. */
export async function runRoom(kind: Target["kind"], options: RoomOptions): Promise<RoomRun> {
  const dataDir = makeTempDir();
  const target =
    kind === "relay"
      ? await startRelay(options.nodeFlags)
      : options.processes !== undefined
        ? await startConcordProcesses(options.processes, { dataDir, root: options.root, nodeFlags: options.nodeFlags })
        : await startConcord({ dataDir, root: options.root, nodeFlags: options.nodeFlags });
  let fleet: Fleet | undefined;
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    const [workshop] = await prepareWorkshops(target, 1, THEMES);
    if (!workshop) throw new Error("no workshop");
    const { themeIds } = workshop;
    const specs = roomClients(workshop, options.participants);
    fleet = await Fleet.start(target.wsUrls, specs, options.workers);
    await sleep(1000);
    const idle = totalRssKb(target.pids);
    let peak = idle;
    sampler = setInterval(() => {
      peak = Math.max(peak, totalRssKb(target.pids));
    }, 250);

    const joinCpu = new CpuMeter(target.pids);
    const joinLoadCpu = fleet.cpuSeconds();
    const joins = await fleet.join(options.joinTimeoutSeconds * 1000);
    const joined = await fleet.waitQuiet(30_000);
    const serverCpuPercentDuringJoin = joinCpu.percent();
    const loadCpuPercentDuringJoin = percentOf(fleet.cpuSeconds() - joinLoadCpu, joinCpu.seconds());
    const joinSeconds = joinDuration(joins, joined.lastActivityAt);
    const joinedRss = totalRssKb(target.pids);
    // What the participants cost: the peak up to the end of the join storm. Later growth is the
    // board (hundreds of cards) and, once someone asks for suggestions, the model: not per person.
    const joinPeak = Math.max(peak, joinedRss);

    const loadCpuStart = fleet.cpuSeconds();
    const loadStart = nowMs();
    const cpu = new CpuMeter(target.pids);
    await fleet.load(options.rate, options.moveRate, options.seconds, themeIds);
    const serverCpuPercent = cpu.percent();
    const loadCpuPercent = percentOf(fleet.cpuSeconds() - loadCpuStart, (nowMs() - loadStart) / 1000);
    const done = await fleet.waitQuiet(30_000);
    const end = totalRssKb(target.pids);
    peak = Math.max(peak, end);
    const runSeconds = (nowMs() - Math.min(...joins.map((join) => join.startAt))) / 1000;
    const reports = await fleet.collect(done.seq);
    const failures = joins.reduce((sum, join) => sum + join.failed, 0);
    return {
      target: kind,
      ...mergeFanout(reports, specs.length - failures),
      joinSeconds: Math.round(joinSeconds * 100) / 100,
      joinFailures: failures,
      joinFailureReasons: mergeCounts(joins.map((join) => join.failures)),
      joinTimeline: timeline(joins),
      serverCpuPercent,
      serverCpuPercentDuringJoin,
      loadCpuPercent,
      loadCpuPercentDuringJoin,
      serverRssKb: { idle, joined: joinedRss, joinPeak, end, peak },
      // The peak, not the end of the join: a garbage collection right after it must not flatter the figure.
      serverRssKbPerParticipant: Math.round(((joinPeak - idle) / options.participants) * 10) / 10,
      presencePerClientDuringJoin: worst(reports.map((report) => report.presencePerClient)),
      presencePerClientTotal: worst(reports.map((report) => report.presencePerClientTotal)),
      runSeconds: Math.round(runSeconds * 10) / 10,
      eventFramesPerClientDuringJoin: worst(reports.map((report) => report.joinFramesPerClient)),
      settled: joined.settled && done.settled,
    };
  } finally {
    clearInterval(sampler);
    await fleet?.exit();
    const code = await target.stop();
    if (code !== 0 && code !== null) process.stderr.write(`${kind} exited with ${code}:\n${target.output()}\n`);
    removeDir(dataDir);
  }
}

const percentOf = (cpuSeconds: number, seconds: number) => Math.round((cpuSeconds / seconds) * 100);

/** From the first socket opened to the last client holding the newest board. */
function joinDuration(joins: JoinReport[], lastActivityAt: number): number {
  const start = Math.min(...joins.map((join) => join.startAt));
  const ready = Math.max(lastActivityAt, ...joins.map((join) => join.lastReadyAt));
  return (ready - start) / 1000;
}

function timeline(joins: JoinReport[]) {
  const start = Math.min(...joins.map((join) => join.startAt));
  const seconds = (times: number[]) => percentiles(times.map((at) => (at - start) / 1000));
  return {
    welcomedSeconds: seconds(joins.flatMap((join) => join.welcomedAt)),
    readySeconds: seconds(joins.flatMap((join) => join.readyAt)),
  };
}

/** Fan-out per command: its send time (side table) to the latest receipt in any load process. */
function mergeFanout(reports: CollectReport[], receivers: number) {
  const sentAt = new Map(reports.flatMap((report) => report.sends));
  const receipts = new Map<string, { count: number; last: number }>();
  for (const [id, count, last] of reports.flatMap((report) => report.receipts)) {
    const receipt = receipts.get(id) ?? { count: 0, last: 0 };
    receipts.set(id, { count: receipt.count + count, last: Math.max(receipt.last, last) });
  }
  const fanout: number[] = [];
  for (const [id, sent] of sentAt) {
    const receipt = receipts.get(id);
    if (receipt && receipt.count >= receivers) fanout.push(receipt.last - sent);
  }
  return {
    fanoutMs: percentiles(fanout),
    ackMs: percentiles(reports.flatMap((report) => report.ackMs)),
    lost: reports.reduce((sum, report) => sum + report.lost, 0),
    duplicates: reports.reduce((sum, report) => sum + report.duplicates, 0),
    commands: {
      sent: sentAt.size,
      fannedOutToAll: fanout.length,
      errors: mergeCounts(reports.map((report) => report.errors)),
    },
  };
}

function mergeCounts(all: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const counts of all) for (const [key, value] of Object.entries(counts)) merged[key] = (merged[key] ?? 0) + value;
  return merged;
}

function worst(stats: { max: number; mean: number }[]) {
  const max = Math.max(0, ...stats.map((stat) => stat.max));
  const mean = stats.length ? stats.reduce((sum, stat) => sum + stat.mean, 0) / stats.length : 0;
  return { max, mean: Math.round(mean * 10) / 10 };
}
