/**
 * Runs suggestion jobs in a worker thread (`suggestionWorker.ts`), for the server: clustering a
 * board takes CPU for up to seconds, and on the event loop it froze every WebSocket of every
 * workshop on the server (no fan-out, no acks) for that long. The worker starts on the first job
 * (about half a second, once per process), computes one job at a time (the others wait, in order), and
 * when it stops mid-job, or a job runs past its time limit, that job fails with a clear error:
 * never a request left hanging. The next job starts a fresh worker.
 */
import type { Worker } from "node:worker_threads";
import { startWorker } from "../../runtime/startWorker.js";
import {
  type JobAnswer,
  type JobKind,
  type SuggestionJob,
  type SuggestionRunner,
  transferablesOf,
} from "./suggestionJobs.js";

/** A runner on its own thread, to be stopped with the server. */
export interface SuggestionThread extends SuggestionRunner {
  /** Stops the worker; jobs not yet answered fail. */
  stop(): Promise<void>;
}

interface Pending {
  id: number;
  job: SuggestionJob;
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

/** Far above what a job takes on the largest board a workshop holds (10,000 cards cluster in about 6 s). */
const JOB_TIMEOUT_MS = 120_000;

type Answer = { id: number; answer: unknown } | { id: number; error: string };

/**
 * `module` is the worker's code: `suggestionWorker.js` (compiled, or its `.ts` from source) unless a test gives another (one that crashes).
 */
export function suggestionThread(
  module = new URL("./suggestionWorker.js", import.meta.url),
  { jobTimeoutMs = JOB_TIMEOUT_MS } = {},
): SuggestionThread {
  let worker: Worker | undefined;
  let current: Pending | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const waiting: Pending[] = [];
  let lastId = 0;

  /** The worker stopped or failed: the job it was computing fails; the others go to a fresh one. */
  function lost(gone: Worker, why: string): void {
    if (worker !== gone) return;
    worker = undefined;
    clearTimeout(deadline);
    void gone.terminate();
    const job = current;
    current = undefined;
    job?.reject(new Error(`The suggestion worker ${why} while computing ${job.job.kind} suggestions`));
    next();
  }

  function start(): Worker {
    const started = startWorker(module);
    started.on("message", (message: Answer) => {
      const job = current;
      if (worker !== started || job?.id !== message.id) return;
      current = undefined;
      clearTimeout(deadline);
      if ("error" in message) job.reject(new Error(`Suggestions failed: ${message.error}`));
      else job.resolve(message.answer);
      next();
    });
    // An answer that could not be read back: that job fails, the worker carries on.
    started.on("messageerror", (error) => {
      const job = current;
      current = undefined;
      clearTimeout(deadline);
      job?.reject(new Error(`The suggestion worker's answer could not be read: ${error.message}`));
      next();
    });
    started.on("error", (error) => lost(started, `failed (${error.message})`));
    started.on("exit", (code) => lost(started, `stopped (exit code ${code})`));
    return started;
  }

  function next(): void {
    if (current) return;
    const job = waiting.shift();
    if (!job) {
      // Idle, it never keeps a process alive (a command, a test run).
      worker?.unref();
      return;
    }
    current = job;
    worker ??= start();
    const running = worker;
    // A job that never ends (a bug, a pathological board) must not hold the queue behind it.
    deadline = setTimeout(() => lost(running, `took longer than ${jobTimeoutMs / 1000} s`), jobTimeoutMs);
    deadline.unref();
    worker.ref();
    worker.postMessage({ id: job.id, job: job.job }, transferablesOf(job.job));
  }

  return {
    run<K extends JobKind>(job: SuggestionJob<K>): Promise<JobAnswer<K>> {
      return new Promise((resolve, reject) => {
        lastId += 1;
        waiting.push({ id: lastId, job, resolve: resolve as (answer: unknown) => void, reject });
        next();
      });
    },
    async stop() {
      const gone = worker;
      worker = undefined;
      clearTimeout(deadline);
      const unanswered = [...(current ? [current] : []), ...waiting.splice(0)];
      current = undefined;
      for (const job of unanswered) job.reject(new Error("The suggestion worker was stopped"));
      await gone?.terminate();
    },
  };
}
