import { describe, expect, it } from "vitest";
import {
  embeddingText,
  suggestClusters,
  suggestDuplicates,
  suggestNames,
  suggestPlacements,
} from "../suggest/index.js";
import { upperDots } from "../suggest/similarity.js";
import { packEmbeddings, runSuggestionJob, transferablesOf, unpackEmbeddings } from "./suggestionJobs.js";
import { BOARD, cards, fakeVectors, texts } from "./suggestionTestBoard.js";

describe("suggestion jobs", () => {
  it("pack embeddings into one buffer and back, leaving out a text the model skipped", async () => {
    const keys = ["a", "b", "skipped", "c"];
    const vectors = fakeVectors(keys);
    vectors[2] = new Float32Array(0);
    const packed = await packEmbeddings(keys, vectors);
    expect(packed.keys).toEqual(["a", "b", "c"]);
    expect(packed.vectors).toHaveLength(3 * 8);
    expect(transferablesOf({ kind: "duplicates", board: BOARD, embeddings: packed })).toEqual([packed.vectors.buffer]);
    const unpacked = unpackEmbeddings(packed);
    expect([...(unpacked?.keys() ?? [])]).toEqual(["a", "b", "c"]);
    expect(unpacked?.get("c")).toEqual(vectors[3]);
    expect(unpackEmbeddings(undefined)).toBeUndefined();
  });

  it("pack a large board a slice at a time, between turns of the event loop", async () => {
    const keys = Array.from({ length: 2_500 }, (_, k) => `card ${k}`);
    const vectors = fakeVectors(keys);
    let turns = 0;
    const packed = await packEmbeddings(keys, vectors, async () => {
      turns += 1;
    });
    expect(turns).toBe(2);
    expect(packed.vectors).toEqual(new Float32Array(vectors.flatMap((vector) => [...vector])));
  });

  it("answer what the pure functions answer, with and without embeddings", async () => {
    expect(runSuggestionJob({ kind: "read", texts, language: "en" })).toBeNull();
    const keys = texts.map((text) => embeddingText(text, "en"));
    const packed = await packEmbeddings(keys, fakeVectors(keys));
    const options = { language: "en" as const, embeddings: unpackEmbeddings(packed) };
    for (const embeddings of [undefined, packed]) {
      const expected = embeddings ? options : { language: "en" as const };
      expect(runSuggestionJob({ kind: "clusters", board: BOARD, clusters: 3, embeddings })).toEqual(
        suggestClusters(cards, { ...expected, clusters: 3 }),
      );
      expect(runSuggestionJob({ kind: "placements", board: BOARD, embeddings })).toEqual(
        suggestPlacements(cards, BOARD.columns, BOARD.unplaced, expected),
      );
      expect(runSuggestionJob({ kind: "duplicates", board: BOARD, embeddings })).toEqual(
        suggestDuplicates(cards, expected),
      );
      expect(runSuggestionJob({ kind: "names", board: BOARD, embeddings })).toEqual(
        suggestNames(cards, BOARD.columns, expected),
      );
    }
  });

  it("compute the embeddings' dot products with the gram they are given (the worker's WebAssembly one)", async () => {
    const keys = texts.map((text) => embeddingText(text, "en"));
    const embeddings = await packEmbeddings(keys, fakeVectors(keys));
    const calls: number[] = [];
    const gram = (flat: Float32Array, rows: number, dims: number) => {
      calls.push(rows);
      return upperDots(flat, rows, dims);
    };
    const options = { language: "en" as const, embeddings: unpackEmbeddings(embeddings) };
    expect(runSuggestionJob({ kind: "clusters", board: BOARD, embeddings }, gram)).toEqual(
      suggestClusters(cards, options),
    );
    expect(runSuggestionJob({ kind: "duplicates", board: BOARD, embeddings }, gram)).toEqual(
      suggestDuplicates(cards, options),
    );
    // Clusters: one matrix shared with their duplicates; duplicates alone: their own.
    expect(calls).toEqual([cards.length, cards.length]);
  });
});
