/**
 * Renders reports on a few worker threads (`reportWorker.ts`), for the server: a PDF of 2,500 cards
 * takes seconds of CPU, and on the event loop it froze every room on the server for that long.
 *
 * A small pool of our own rather than piscina: piscina starts its workers itself from a file name,
 * and ours must start through `startWorker` (which starts the compiled file, or the TypeScript
 * source through tsx in tests). Each worker renders one report at a time; a few more
 * wait in order, and beyond that the pool says it is busy at once (`ReportPoolBusyError`) rather
 * than letting a queue of renders grow without bound. A worker that dies or runs past its time
 * fails its job with a clear error and is replaced for the next one; idle workers never keep the
 * process alive.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../../runtime/startWorker.js";
import type { ReportSource } from "../buildReport.js";
import type { ReportOptions } from "../options.js";
import type { RenderedReport, ReportFormat } from "../render.js";

/** Every worker is busy and the queue is full: try again shortly. */
export class ReportPoolBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Reports are being rendered for others right now; try again in a few seconds");
    this.name = "ReportPoolBusyError";
  }
}

export interface ReportPoolOptions {
  /** Worker threads (default: one per core beyond the event loop's, at least one, at most two). */
  workers?: number;
  /** Renders that may wait for a worker beyond those running (default 4). */
  maxQueued?: number;
  /** A render taking longer than this fails and its worker is replaced (default 2 minutes). */
  jobTimeoutMs?: number;
  /** Heap of one worker, so that one huge render fails alone instead of exhausting the machine. */
  maxHeapMb?: number;
  /** The worker's code: `reportWorker.js` (compiled, or its `.ts` from source) unless a test gives another. */
  module?: URL;
}

/** A pool of report renderers, to be stopped with the server. */
export interface ReportPool {
  render(source: ReportSource, format: ReportFormat, options?: ReportOptions): Promise<RenderedReport>;
  stop(): Promise<void>;
}

interface Job {
  id: number;
  source: ReportSource;
  format: ReportFormat;
  options: ReportOptions;
  resolve(report: RenderedReport): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker | undefined;
  job: Job | undefined;
  deadline: ReturnType<typeof setTimeout> | undefined;
}

type Answer = { id: number; report: RenderedReport } | { id: number; error: string };

/** One worker per core beyond the event loop's: 1 on a 2-core server, 2 from 3 cores. */
export const defaultReportWorkers = () => Math.max(1, Math.min(2, availableParallelism() - 1));

export function reportPool(options: ReportPoolOptions = {}): ReportPool {
  const module = options.module ?? new URL("./reportWorker.js", import.meta.url);
  const maxQueued = options.maxQueued ?? 4;
  const jobTimeoutMs = options.jobTimeoutMs ?? 120_000;
  const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 };
  const slots: Slot[] = Array.from({ length: options.workers ?? defaultReportWorkers() }, () => ({
    worker: undefined,
    job: undefined,
    deadline: undefined,
  }));
  const waiting: Job[] = [];
  let lastId = 0;
  let stopped = false;

  /** The slot's job is over, answered or failed: free the slot and take the next job. */
  function finish(slot: Slot): Job | undefined {
    const job = slot.job;
    slot.job = undefined;
    clearTimeout(slot.deadline);
    next();
    return job;
  }

  /** The worker stopped or failed: its job fails; the next job starts a fresh worker. */
  function lost(slot: Slot, gone: Worker, why: string): void {
    if (slot.worker !== gone) return;
    slot.worker = undefined;
    void gone.terminate();
    finish(slot)?.reject(new Error(`The report worker ${why}`));
  }

  function start(slot: Slot): Worker {
    const worker = startWorker(module, { resourceLimits });
    worker.on("message", (answer: Answer) => {
      if (slot.worker !== worker || slot.job?.id !== answer.id) return;
      const job = finish(slot);
      if ("error" in answer) job?.reject(new Error(`The report could not be rendered: ${answer.error}`));
      else job?.resolve(answer.report);
    });
    worker.on("error", (error) => lost(slot, worker, `failed (${error.message})`));
    worker.on("exit", (code) => lost(slot, worker, `stopped (exit code ${code})`));
    return worker;
  }

  function next(): void {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = waiting.shift();
      if (!job) {
        // Idle, a worker never keeps a process alive (a test run, a server shutting down).
        slot.worker?.unref();
        continue;
      }
      slot.job = job;
      slot.worker ??= start(slot);
      const worker = slot.worker;
      worker.ref();
      // A render that never ends (a bug, a pathological workshop) must not hold the slot forever.
      slot.deadline = setTimeout(() => lost(slot, worker, `took longer than ${jobTimeoutMs / 1000} s`), jobTimeoutMs);
      slot.deadline.unref();
      // As JSON: a state's persistent card map would not survive the structured clone to the worker.
      worker.postMessage({ id: job.id, source: JSON.stringify(job.source), format: job.format, options: job.options });
    }
  }

  return {
    render(source, format, options = {}) {
      if (stopped) return Promise.reject(new Error("The report pool was stopped"));
      const busy = slots.every((slot) => slot.job);
      if (busy && waiting.length >= maxQueued) {
        // About one render's time per job ahead of this one, per worker.
        const ahead = Math.ceil((waiting.length + 1) / slots.length);
        return Promise.reject(new ReportPoolBusyError(5 * ahead));
      }
      return new Promise((resolve, reject) => {
        lastId += 1;
        waiting.push({ id: lastId, source, format, options, resolve, reject });
        next();
      });
    },
    async stop() {
      stopped = true;
      for (const job of waiting.splice(0)) job.reject(new Error("The report pool was stopped"));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = undefined;
          clearTimeout(slot.deadline);
          slot.job?.reject(new Error("The report pool was stopped"));
          slot.job = undefined;
          await worker?.terminate();
        }),
      );
    },
  };
}
