/**
 * A worker thread that computes theme suggestions (`suggestionJobs.ts`), so that the CPU-heavy
 * part (similarity matrix, linkage, silhouette, names, duplicates: ~0.5 s for 1,000 cards, 5–6 s
 * for 10,000) never holds the server's event loop. `suggestionThread.ts` starts it (with
 * `startWorker`) and sends one job at a time; this file only runs them, with the
 * embeddings' dot products on TensorFlow.js's WebAssembly backend (`../model/wasmGram.ts`) when it loads.
 *
 * Messages in: `{ id, job }`. Out: `{ id, answer }` or `{ id, error }`. The text analysis cache
 * of `../suggest/features.ts` lives here, so a board asked about again is not read again.
 */
import { parentPort } from "node:worker_threads";
import { loadWasmGram } from "../model/wasmGram.js";
import { runSuggestionJob, type SuggestionJob } from "./suggestionJobs.js";

const port = parentPort;
if (port) {
  // Loaded once, while the first job is on its way; until then jobs wait (JavaScript if it fails).
  const gram = loadWasmGram();
  // One job at a time, in arrival order: each is synchronous once the products' backend is known.
  let queue = Promise.resolve();
  port.on("message", ({ id, job }: { id: number; job: SuggestionJob }) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ id, answer: runSuggestionJob(job, await gram) });
      } catch (error) {
        port.postMessage({ id, error: String((error as { message?: unknown } | undefined)?.message ?? error) });
      }
    });
  });
}
