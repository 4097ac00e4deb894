import { describe, expect, it } from "vitest";
import { loadOnnxModel, type OnnxRuntimeLoader } from "./onnxModel.js";
import { loadSentenceModel } from "./sentenceModel.js";

// What `require` throws for a package that is not installed (npm skips an optional dependency
// whose install fails, or `npm install --omit=optional`).
const notInstalled: OnnxRuntimeLoader = () => {
  throw Object.assign(new Error("Cannot find module 'onnxruntime-node'"), { code: "MODULE_NOT_FOUND" });
};

describe("the sentence model without onnxruntime-node", () => {
  it("refuses the ONNX path with the loader's error", async () => {
    await expect(loadOnnxModel(undefined, notInstalled)).rejects.toThrow("Cannot find module 'onnxruntime-node'");
  });

  it("falls back to TensorFlow.js on WebAssembly and still embeds", async () => {
    let asked = 0;
    const model = await loadSentenceModel({
      onnxRuntime: () => {
        asked++;
        return notInstalled();
      },
    });
    expect(asked).toBe(1);
    expect(model.runtime).toBe("tfjs");
    const vectors = await model.run([model.tokenize("More bike lanes near the schools")]);
    expect(vectors).toHaveLength(512);
    const norm = Math.hypot(...vectors);
    expect(norm).toBeCloseTo(1, 4);
  }, 60_000);
});
