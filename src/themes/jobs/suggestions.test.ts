import { describe, expect, it, vi } from "vitest";
import { loadedEmbedder } from "../model/embedder.js";
import { duplicateSuggestionsFor } from "./suggestions.js";

describe("suggestions on an empty board", () => {
  // Each test file has its own module state: nothing has loaded the model in this one yet.
  it("answer at once with nothing, and start loading the model for the cards to come", async () => {
    expect(loadedEmbedder()).toBeUndefined();
    const answer = await duplicateSuggestionsFor({ language: "en", cards: [], columns: [], unplaced: [] });
    expect(answer.duplicates).toEqual([]);
    // Loaded, cards are embedded as they arrive (see embedCardsOnArrival), not when first asked about.
    await vi.waitFor(() => expect(loadedEmbedder()).toBeDefined(), { timeout: 30_000 });
  });
});
