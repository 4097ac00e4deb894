/**
 * The bench's sentence embeddings, kept on disk under the system's temporary folder between runs:
 * embedding the labelled sets' ~1,600 texts costs half a minute of a shared machine's CPU, and
 * the vectors of a text never change for one model and runtime.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Embedder } from "../src/themes/model/embedder.js";

const DIRECTORY = join(tmpdir(), "concord-bench-embeddings");

function cacheFile(runtime: string): string {
  return join(DIRECTORY, `use-lite-${runtime}.json`);
}

function readCache(file: string): Map<string, Float32Array> {
  if (!existsSync(file)) return new Map();
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    return new Map(
      Object.entries(stored).map(([text, base64]) => {
        const bytes = Buffer.from(base64, "base64");
        return [text, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)];
      }),
    );
  } catch {
    // A cache cut short by an interrupted run is worth nothing: the texts are embedded again.
    return new Map();
  }
}

/** Vectors for these texts: from the disk cache, the others from the model (then cached). */
export async function cachedEmbeddings(
  embedder: Embedder,
  texts: readonly string[],
): Promise<Map<string, Float32Array>> {
  const file = cacheFile(embedder.runtime);
  const cache = readCache(file);
  const missing = [...new Set(texts)].filter((text) => !cache.has(text));
  if (missing.length > 0) {
    const vectors = await embedder.embed(missing);
    missing.forEach((text, k) => {
      cache.set(text, vectors[k] as Float32Array);
    });
    mkdirSync(DIRECTORY, { recursive: true });
    const stored = Object.fromEntries(
      [...cache].map(([text, vector]) => [
        text,
        Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64"),
      ]),
    );
    writeFileSync(file, JSON.stringify(stored));
  }
  return new Map(texts.map((text) => [text, cache.get(text) as Float32Array]));
}
