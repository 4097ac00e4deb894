/**
 * Clocks, percentiles and /proc readings shared by the load scenarios. Every process of one run
 * reads the same monotonic clock (CLOCK_MONOTONIC through `process.hrtime`), so a send time taken
 * in one load process and a receive time taken in another can be subtracted.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

/** Milliseconds on the machine-wide monotonic clock, with sub-millisecond precision. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Nearest-rank percentiles, rounded to 0.1 ms; zeros for an empty list. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: round1(at(50)), p95: round1(at(95)), p99: round1(at(99)), max: round1(at(100)), count: values.length };
}

/** The 1-, 5- and 15-minute load averages, to print beside every figure. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = loadavg().map((value) => Math.round(value * 100) / 100);
  return [one, five, fifteen];
}

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}

/** Resident memory of a process in kilobytes (VmRSS). */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

/** Resident memory of several processes together, in kilobytes. */
export function totalRssKb(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + rssKb(pid), 0);
}

/** CPU use of one process, or of several together, over an interval, in percent of one core. */
export class CpuMeter {
  private readonly pids: readonly number[];
  private readonly startCpu: number;
  private readonly startAt = nowMs();

  constructor(pid: number | readonly number[]) {
    this.pids = typeof pid === "number" ? [pid] : pid;
    this.startCpu = this.used();
  }

  private used(): number {
    return this.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  }

  /** Seconds since the meter started. */
  seconds(): number {
    return (nowMs() - this.startAt) / 1000;
  }

  percent(): number {
    const seconds = this.seconds();
    return seconds > 0 ? round1(((this.used() - this.startCpu) / seconds) * 100) : 0;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
