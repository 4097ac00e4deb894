import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fileCard, workshopDocument } from "../../../test/support/workshops.js";
import { workshopDocumentSchema } from "../../core/index.js";
import { type Embedder, loadEmbedder } from "../../themes/model/embedder.js";
import { embeddingText } from "../../themes/suggest/index.js";
import { LocalEventBus } from "../eventBus.js";
import { SqliteEventStore } from "../store/sqliteStore.js";
import { WorkshopService } from "../workshopService.js";
import { embedCardsOnArrival } from "./suggestionsAhead.js";

const card = fileCard;

const DOC = workshopDocument({
  title: "Cards embedded as they arrive",
  unclusteredCards: [card("a1", "Imported card about the bike shed"), card("a2", "Another imported card, on wifi")],
});

const store = new SqliteEventStore(":memory:");
const bus = new LocalEventBus();
const service = new WorkshopService({ store, bus });
// When the room is quiet enough is decided by the event loop and the machine's load; this test is
// about what gets embedded, so it never waits (a busy CI machine must not decide the outcome).
const stop = embedCardsOnArrival(bus, service, { waitForQuiet: async () => undefined });
let embedder: Embedder | undefined;

beforeAll(async () => {
  embedder = await loadEmbedder();
});

afterAll(async () => {
  stop();
  await store.close();
});

/** Whether the model's vector for a card text is cached, keyed as the suggestions look it up. */
const embedded = (text: string) => embedder?.has(embeddingText(text, "en")) ?? false;

describe("cards are embedded as they arrive", () => {
  // This process has the model loaded (beforeAll), as a server has once a facilitator asked for a suggestion.
  it("embeds an imported board, then each card added to it, with no suggestion asked", async () => {
    expect(embedder).toBeDefined();
    const { id } = await service.importDocument(workshopDocumentSchema.parse(DOC));
    await vi.waitFor(() => expect(DOC.unclusteredCards.every((c) => embedded(c.text))).toBe(true), {
      timeout: 15_000,
    });

    const text = "A card typed on a phone during the brainstorm";
    expect(embedded(text)).toBe(false);
    const outcome = await service.execute(id, { role: "facilitator", id: "fac" }, "add-1", {
      type: "addCard",
      cardId: "n1",
      text,
    });
    expect(outcome.events.map((stored) => stored.event.type)).toEqual(["cardAdded"]);
    await vi.waitFor(() => expect(embedded(text)).toBe(true), { timeout: 15_000 });

    const edited = "The same card, reworded by its author";
    await service.execute(id, { role: "facilitator", id: "fac" }, "edit-1", {
      type: "editCard",
      cardId: "n1",
      text: edited,
    });
    await vi.waitFor(() => expect(embedded(edited)).toBe(true), { timeout: 15_000 });
  });
});
