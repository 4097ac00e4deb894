import { describe, expect, it } from "vitest";
import { cards, fakeVectors, texts } from "../jobs/suggestionTestBoard.js";
import { buildFeatures } from "../suggest/features.js";
import { embeddingText, suggestClusters } from "../suggest/index.js";
import { similarityMatrix, upperDots } from "../suggest/similarity.js";
import { loadWasmGram } from "./wasmGram.js";

/** Deterministic values in [−1, 1): a sum of products with every sign and magnitude. */
function noise(length: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 30 - 1;
  });
}

describe("dot products on WebAssembly", () => {
  it("give every pair's dot product, as the JavaScript loop does up to float32 sums", async () => {
    const gram = await loadWasmGram();
    expect(gram).toBeDefined();
    for (const [rows, dims] of [
      [2, 1],
      [37, 7],
      [300, 512],
    ] as const) {
      const flat = noise(rows * dims, rows);
      const wasm = gram?.(flat, rows, dims) as Float32Array;
      const js = upperDots(flat, rows, dims);
      expect(wasm).toHaveLength(rows * rows);
      for (let x = 0; x < rows; x++)
        for (let y = x + 1; y < rows; y++) expect(wasm[x * rows + y]).toBeCloseTo(js[x * rows + y] as number, 4);
    }
  });

  it("are left to JavaScript when TensorFlow.js cannot load, or loads on another backend", async () => {
    expect(
      await loadWasmGram(() => {
        throw new Error("Cannot find module '@energetic-ai/core'");
      }),
    ).toBeUndefined();
    const cpu = { ready: async () => {}, getBackend: () => "cpu" };
    expect(await loadWasmGram(() => cpu as never)).toBeUndefined();
  });

  it("make the same suggestions as JavaScript on a board", async () => {
    const gram = await loadWasmGram();
    const keys = texts.map((text) => embeddingText(text, "en"));
    const vectors = fakeVectors(keys);
    const embeddings = new Map(keys.map((key, k) => [key, vectors[k] as Float32Array]));
    expect(suggestClusters(cards, { embeddings, gram })).toEqual(suggestClusters(cards, { embeddings }));
  });
});

describe("the similarity matrix with a given gram", () => {
  it("reads it above the diagonal only and mirrors it: the matrix stays symmetric", () => {
    const features = buildFeatures(texts, { embeddings: fakeVectors(texts) });
    const lopsided = (flat: Float32Array, rows: number, dims: number) => {
      const products = upperDots(flat, rows, dims);
      for (let x = 1; x < rows; x++) for (let y = 0; y < x; y++) products[x * rows + y] = 99;
      return products;
    };
    const given = similarityMatrix(features, { gram: lopsided });
    const own = similarityMatrix(features);
    expect(given.meaning).toEqual(own.meaning);
    expect(given.values).toEqual(own.values);
  });
});
