import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importWorkshop, startTestServer, type TestServer } from "../../../test/support/server.js";
import { type Embedder, loadEmbedder } from "../../themes/embedder.js";
import { embeddingText } from "../../themes/index.js";

const card = (id: string, text: string) => ({ id, text });

const DOC = {
  format: "workshop/v1",
  title: "Cards embedded as they arrive",
  organization: "",
  preparedFor: "",
  preparedBy: "",
  event: "",
  heldOn: "2025-03-15",
  reportDate: "2025-03-15",
  language: "en",
  facilitators: [],
  participantGroups: [],
  overview: "",
  goal: "",
  focusQuestion: "",
  method: "",
  themes: [],
  unclusteredCards: [card("a1", "Imported card about the bike shed"), card("a2", "Another imported card, on wifi")],
  footnotes: [],
  reflections: "",
  nextSteps: "",
};

let server: TestServer;
let embedder: Embedder | undefined;

beforeAll(async () => {
  server = await startTestServer();
  embedder = await loadEmbedder();
});

afterAll(async () => {
  await server.stop();
});

/** Whether the model's vector for a card text is cached, keyed as the suggestions look it up. */
const embedded = (text: string) => embedder?.has(embeddingText(text, "en")) ?? false;

describe("cards are embedded as they arrive", () => {
  // This process has the model loaded (beforeAll), as a server has once a facilitator asked for a suggestion.
  it("embeds an imported board, then each card added to it, with no suggestion asked", async () => {
    expect(embedder).toBeDefined();
    const { id } = await importWorkshop(server.baseUrl, server.session, DOC);
    await vi.waitFor(() => expect(DOC.unclusteredCards.every((c) => embedded(c.text))).toBe(true), {
      timeout: 15_000,
    });

    const text = "A card typed on a phone during the brainstorm";
    expect(embedded(text)).toBe(false);
    const outcome = await server.service.execute(id, { role: "facilitator", id: "fac" }, "add-1", {
      type: "addCard",
      cardId: "n1",
      text,
    });
    expect(outcome.events.map((stored) => stored.event.type)).toEqual(["cardAdded"]);
    await vi.waitFor(() => expect(embedded(text)).toBe(true), { timeout: 15_000 });

    const edited = "The same card, reworded by its author";
    await server.service.execute(id, { role: "facilitator", id: "fac" }, "edit-1", {
      type: "editCard",
      cardId: "n1",
      text: edited,
    });
    await vi.waitFor(() => expect(embedded(edited)).toBe(true), { timeout: 15_000 });
  });
});
