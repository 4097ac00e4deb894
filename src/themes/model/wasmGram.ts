/**
 * The embeddings' dot products (`Gram`) on TensorFlow.js's WebAssembly backend, for the suggestion
 * worker: 1,000 cards' 512-d products took 0.35–0.6 s in JavaScript and take 50–90 ms as one 1×1
 * convolution (XNNPACK). `tf.matMul` measured no faster than JavaScript (≈0.53 s), so the
 * products are asked as a convolution: the cards are a 1 × rows image of `dims` channels, and
 * each card is also one of `rows` 1×1 filters.
 */
import { createRequire } from "node:module";
import type { Gram } from "../suggest/similarity.js";

const require = createRequire(import.meta.url);

/**
 * What this file uses of TensorFlow.js. The package bundles TensorFlow without its type
 * declarations, so they are written here, as narrow as the use.
 */
interface Tensor {
  dataSync(): Float32Array;
  dispose(): void;
}

interface TensorFlow {
  ready(): Promise<void>;
  getBackend(): string;
  tidy(run: () => Tensor): Tensor;
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  tensor4d(values: Float32Array, shape: [number, number, number, number]): Tensor;
  transpose(x: Tensor): Tensor;
  reshape(x: Tensor, shape: number[]): Tensor;
  conv2d(x: Tensor, filter: Tensor, strides: number, pad: "valid"): Tensor;
}

/** Dot products of every pair of rows, as one convolution; every tensor freed before returning. */
function convolutionGram(tf: TensorFlow): Gram {
  return (flat, rows, dims) => {
    // The tensor out of tidy, not its values: tidy would walk a returned array index by index.
    const products = tf.tidy(() => {
      const image = tf.tensor4d(flat, [1, 1, rows, dims]);
      const filters = tf.reshape(tf.transpose(tf.tensor2d(flat, [rows, dims])), [1, 1, dims, rows]);
      return tf.conv2d(image, filters, 1, "valid");
    });
    try {
      // A copy out of the WebAssembly heap: it outlives the tensor.
      return products.dataSync();
    } finally {
      products.dispose();
    }
  };
}

/**
 * Loads TensorFlow.js (≈60 ms) and answers its `Gram`, or undefined when it cannot load or runs
 * on another backend (the fast convolution is XNNPACK's, in the WebAssembly one; no other was
 * measured): the caller then computes the products in JavaScript.
 */
export async function loadWasmGram(
  load = () => require("@energetic-ai/core") as TensorFlow,
): Promise<Gram | undefined> {
  try {
    const tf = load();
    await tf.ready();
    return tf.getBackend() === "wasm" ? convolutionGram(tf) : undefined;
  } catch {
    return undefined;
  }
}
