import type { Worker } from "node:worker_threads";
import { startWorker } from "../../runtime/startWorker.js";
import { type NewEvents, SequenceConflictError } from "./eventStore.js";
import type { WriteAnswer, WriteRequest } from "./sqliteWriterMessages.js";
import type { SnapshotJson } from "./sqliteWrites.js";
import type { LinkWrite } from "./workshopLinks.js";

/** The store's writes, whichever thread runs them. */
export interface AsyncWrites {
  appendMany(batches: readonly NewEvents[]): Promise<void>;
  saveSnapshot(snapshot: SnapshotJson): Promise<void>;
  writeLink(write: LinkWrite): Promise<void>;
  close(): Promise<void>;
}

type Request = WriteRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/**
 * Runs the store's writes on a worker thread with its own connection to the file. A durable
 * commit blocks its thread for the fsync (with synchronous=FULL, about a quarter of a millisecond
 * to a few milliseconds); here that thread is not the one that reads WebSocket frames, decides
 * commands and sends events, so the server goes on with the next group while this one is made
 * durable. Writes run one at a time, in the order they were asked for.
 */
export class SqliteWriterThread implements AsyncWrites {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private nextId = 1;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(filename: string) {
    this.worker = startWorker(new URL("./sqliteWriter.worker.js", import.meta.url), {
      workerData: { filename },
    });
    // Idle, the thread must not keep a finished command-line run alive; a pending write does (see ask).
    this.worker.unref();
    this.worker.on("message", (answer: WriteAnswer) => this.answer(answer));
    this.worker.on("error", (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", () => {
        this.fail(new Error("The store's writer thread has stopped"));
        resolve();
      }),
    );
  }

  appendMany(batches: readonly NewEvents[]): Promise<void> {
    return this.ask({ op: "appendMany", batches });
  }

  saveSnapshot(snapshot: SnapshotJson): Promise<void> {
    return this.ask({ op: "saveSnapshot", snapshot });
  }

  writeLink(write: LinkWrite): Promise<void> {
    return this.ask({ op: "writeLink", write });
  }

  /** Lets the writes already asked for finish, then closes the thread's connection. */
  async close(): Promise<void> {
    if (!this.failure) {
      this.worker.ref();
      this.worker.postMessage({ op: "close" });
    }
    await this.exited;
  }

  private ask(request: Request): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage({ ...request, id } as WriteRequest);
    });
  }

  private answer({ id, error }: WriteAnswer): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!error) waiter.resolve();
    else if (error.kind === "conflict") waiter.reject(new SequenceConflictError(error.workshopId, error.expectedSeq));
    else waiter.reject(Object.assign(new Error(error.message), error.code ? { code: error.code } : {}));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
