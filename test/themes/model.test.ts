import { beforeAll, describe, expect, it } from "vitest";
import { clusterSuggestionsFor, duplicateSuggestionsFor } from "../../src/themes/jobs/suggestions.js";
import { type Embedder, loadEmbedder } from "../../src/themes/model/embedder.js";
import { boardFromLines } from "../../src/themes/suggest/board.js";

let embedder: Embedder | undefined;

beforeAll(async () => {
  embedder = await loadEmbedder();
});

describe("the packaged sentence-embedding model", () => {
  it("loads from node_modules without the network and embeds every text", async () => {
    expect(embedder).toBeDefined();
    const vectors = await embedder?.embed(["More Sunday hours", "Open Sundays!", ""]);
    expect(vectors?.map((vector) => vector.length)).toEqual([512, 512, 512]);
  });

  it("gives the same vectors for the same text, cached or not", async () => {
    const [first] = (await embedder?.embed(["Fix the parking lot"])) ?? [];
    const [again] = (await embedder?.embed(["Fix the parking lot"])) ?? [];
    expect(Array.from(again ?? [])).toEqual(Array.from(first ?? []));
  });
});

describe("suggestions with the model", () => {
  const wall = boardFromLines(
    [
      "More Sunday hours",
      "Open Sundays!",
      "Basketball le soir pour les ados",
      "Evening basketball for teens",
      "Cours de français le soir",
      "Fix the parking lot potholes",
      "Parking lot needs repaving",
      "Faster wifi in the reading room",
      "Wifi drops all the time",
      "Homework help after school",
    ].join("\n"),
    "fr",
  );

  it("flags the same card written in French and in English, and only near-certain pairs", async () => {
    const { duplicates } = await duplicateSuggestionsFor(wall);
    expect(duplicates).toEqual([["3", "4"]]);
    expect(duplicates).not.toContainEqual(["6", "8"]);
  });

  it("is deterministic from the file to the suggestion", async () => {
    expect(await clusterSuggestionsFor(wall)).toEqual(await clusterSuggestionsFor(wall));
  });
});
