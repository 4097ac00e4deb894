import { beforeAll, describe, expect, it } from "vitest";
import { type Embedder, loadEmbedder } from "./embedder.js";

let embedder: Embedder | undefined;

beforeAll(async () => {
  embedder = await loadEmbedder();
});

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    const y = b[i] as number;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  });
  return dot / Math.sqrt(aa * bb);
};

describe("the embedder's worker threads", () => {
  it("run the model on ONNX Runtime (TensorFlow.js only where it does not load)", () => {
    expect(embedder?.runtime).toBe("onnx");
  });

  it("answers in the order asked, across many chunks and repeated texts, whatever order the model ran them in", async () => {
    // Lengths vary so that sorting by length reorders them; more texts than one message to a worker.
    const text = (i: number) => `${"card ".repeat(1 + ((i * 7) % 13))}number ${i}`;
    const texts = Array.from({ length: 400 }, (_, i) => text(i % 300));
    const vectors = (await embedder?.embed(texts)) ?? [];
    expect(vectors).toHaveLength(400);
    expect(vectors.every((vector) => vector.length === 512)).toBe(true);
    // Unit length: the model's last step normalises.
    expect(vectors.every((vector) => Math.abs(Math.hypot(...vector) - 1) < 1e-4)).toBe(true);
    // Texts i and i + 300 are the same text: the same vector, at both places.
    expect(vectors[350]).toBe(vectors[50]);
    // Different texts, different vectors.
    expect(cosine(vectors[1] as Float32Array, vectors[2] as Float32Array)).toBeLessThan(0.9999);
  });

  it("keeps what it embeds in the background at hand for the next request", async () => {
    const texts = ["Embedded ahead of need", "Also ahead of need"];
    expect(texts.some((text) => embedder?.has(text))).toBe(false);
    const ahead = (await embedder?.embed(texts, { background: true })) ?? [];
    expect(texts.every((text) => embedder?.has(text))).toBe(true);
    const asked = (await embedder?.embed(texts)) ?? [];
    expect(asked.map((vector) => Array.from(vector))).toEqual(ahead.map((vector) => Array.from(vector)));
  });

  it("answers a request for a text already being embedded ahead with that same vector", async () => {
    const text = "Asked while still on its way";
    const [ahead, asked] = await Promise.all([
      embedder?.embed([text], { background: true }),
      embedder?.embed([text, "And one more"]),
    ]);
    expect(asked?.[0]).toBe(ahead?.[0]);
  });
});
