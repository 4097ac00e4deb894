import { describe, expect, it } from "vitest";
import {
  createPlacer,
  embeddingText,
  type SuggestionCard,
  suggestClusters,
  suggestDuplicates,
  suggestPlacements,
} from "./index.js";

const cards = (texts: readonly string[]): SuggestionCard[] => texts.map((text, i) => ({ id: `c${i + 1}`, text }));

const LIBRARY = cards([
  "More Sunday hours",
  "Open Sundays!",
  "Fix the parking lot potholes",
  "Parking lot needs repaving",
  "More bike racks by the entrance",
  "Teen gaming nights",
  "Homework help for teens after school",
  "Teen advisory group",
  "Faster wifi in the reading room",
  "Wifi drops all the time",
  "Laptop loans for students",
  "Quiet study room upstairs",
]);

describe("suggestClusters", () => {
  it("gives the same suggestion for the same cards", () => {
    expect(suggestClusters(LIBRARY)).toEqual(suggestClusters(LIBRARY));
  });

  it("puts every card in exactly one column or in the unclustered list", () => {
    const result = suggestClusters(LIBRARY);
    const placed = [...result.themes.flatMap((theme) => theme.cardIds), ...result.unclustered].sort();
    expect(placed).toEqual(LIBRARY.map((card) => card.id).sort());
  });

  it("names each column with 3 to 7 words and key points drawn from its own cards", () => {
    const texts = new Set(LIBRARY.map((card) => card.text));
    for (const theme of suggestClusters(LIBRARY).themes) {
      const words = theme.label.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(3);
      expect(words).toBeLessThanOrEqual(7);
      for (const point of theme.keyPoints) expect(texts.has(point)).toBe(true);
    }
  });

  it("honours an explicit number of columns", () => {
    for (const clusters of [1, 2, 5, 12]) expect(suggestClusters(LIBRARY, { clusters }).themes).toHaveLength(clusters);
    expect(suggestClusters(LIBRARY.slice(0, 3), { clusters: 8 }).themes).toHaveLength(3);
  });

  it("returns nothing for no cards and leaves a single card unclustered", () => {
    expect(suggestClusters([])).toEqual({ themes: [], unclustered: [], duplicates: [] });
    expect(suggestClusters(cards(["Open Sundays!"]))).toEqual({ themes: [], unclustered: ["c1"], duplicates: [] });
  });

  it("leaves cards with no words at all unclustered", () => {
    const result = suggestClusters(cards(["🎉🎉", "!!!", "More Sunday hours", "Open Sundays!"]));
    expect(result.unclustered).toEqual(expect.arrayContaining(["c1", "c2"]));
  });
});

describe("suggestDuplicates", () => {
  it('flags "More Sunday hours" / "Open Sundays!" style pairs', () => {
    const { duplicates } = suggestDuplicates(LIBRARY);
    expect(duplicates).toContainEqual(["c1", "c2"]);
  });

  it("does not flag cards that only share the workshop's subject", () => {
    const { duplicates } = suggestDuplicates(LIBRARY);
    expect(duplicates).not.toContainEqual(["c6", "c8"]);
    expect(duplicates).not.toContainEqual(["c3", "c5"]);
  });
});

describe("suggestDuplicates with sentence embeddings", () => {
  const unit = (axis: number) => Float32Array.from({ length: 8 }, (_, k) => (k === axis ? 1 : 0));
  const wall = cards(["Too noisy to study", "Quiet please, people chat", "Sunday parking is full", "Sunday teen room"]);
  const vectors = [unit(0), unit(0), unit(1), unit(2)];
  const embeddings = new Map(wall.map((card, i) => [embeddingText(card.text), vectors[i] as Float32Array]));

  it("does not flag a pair on its meaning alone, with no word in common: that is no near-certainty", () => {
    expect(suggestDuplicates(wall, { embeddings }).duplicates).not.toContainEqual(["c1", "c2"]);
  });

  it("does not flag a pair that shares a word but means something else", () => {
    expect(suggestDuplicates(wall, { embeddings }).duplicates).not.toContainEqual(["c3", "c4"]);
  });
});

describe("suggestPlacements", () => {
  const columns = [
    { id: "hours", cardIds: ["c1"] },
    { id: "parking", name: "Parking", cardIds: ["c3", "c4"] },
    { id: "teens", cardIds: ["c6", "c7", "c8"] },
    { id: "empty", cardIds: [] },
  ];

  it("ranks every column for each card, best first", () => {
    const { placements } = suggestPlacements(LIBRARY, columns, ["c2", "c5"]);
    expect(placements.map((p) => p.cardId)).toEqual(["c2", "c5"]);
    for (const placement of placements)
      expect([...placement.themeIds].sort()).toEqual(["empty", "hours", "parking", "teens"]);
    expect(placements[0]?.themeIds[0]).toBe("hours");
  });

  it("uses a column's name as one of its cards", () => {
    const [placement] = suggestPlacements(
      cards(["Where do I park?"]),
      [
        { id: "a", name: "Teen programmes", cardIds: [] },
        { id: "b", name: "Parking", cardIds: [] },
      ],
      ["c1"],
    ).placements;
    expect(placement?.themeIds).toEqual(["b", "a"]);
  });

  it("places an arriving card against a board analysed once, as suggestPlacements ranks it", () => {
    const placer = createPlacer(LIBRARY, columns);
    expect(placer.place("More parking spaces please")[0]).toBe("parking");
    expect(placer.place("Open Sundays!")).toEqual(suggestPlacements(LIBRARY, columns, ["c2"]).placements[0]?.themeIds);
  });

  it("ignores ids it does not know and answers with no columns", () => {
    expect(suggestPlacements(LIBRARY, [], ["c2", "nope"]).placements).toEqual([
      { cardId: "c2", themeIds: [], confident: false },
    ]);
  });

  it("is confident of a card that plainly fits one column, never while only one column holds cards", () => {
    // "Homework help for teens after school" is a teen card; "More bike racks" fits no column well.
    const [bikes, teen] = suggestPlacements(LIBRARY, columns, ["c5", "c7"]).placements;
    expect([teen?.themeIds[0], teen?.confident]).toEqual(["teens", true]);
    expect(bikes?.confident).toBe(false);
    const oneColumn = [
      { id: "teens", cardIds: ["c6", "c8"] },
      { id: "empty", cardIds: [] },
    ];
    expect(suggestPlacements(LIBRARY, oneColumn, ["c7"]).placements[0]).toMatchObject({
      themeIds: ["teens", "empty"],
      confident: false,
    });
  });
});

describe("French and English mixed", () => {
  it("groups cards by topic across the two languages", () => {
    const mixed = cards([
      "Cours de français le soir",
      "French classes at night",
      "Cours de français pour adultes",
      "Basketball pour les ados",
      "Basketball for teens",
      "Ligue de basketball jeunesse",
    ]);
    const result = suggestClusters(mixed, { clusters: 2, language: "fr" });
    const columnOf = new Map(result.themes.flatMap((theme, t) => theme.cardIds.map((id) => [id, t])));
    expect(columnOf.get("c1")).toBe(columnOf.get("c2"));
    expect(columnOf.get("c4")).toBe(columnOf.get("c5"));
    expect(columnOf.get("c1")).not.toBe(columnOf.get("c4"));
  });
});

describe("hostile text", () => {
  it("handles markup, control characters, huge and identical cards without failing", () => {
    const hostile = cards([
      "<img src=x onerror=alert(1)>",
      "\u0000\u0007\u202e reversed",
      "a".repeat(2000),
      "Same card",
      "Same card",
      "Robert'); DROP TABLE cards;--",
      "   ",
    ]);
    const result = suggestClusters(hostile);
    expect(result.duplicates).toContainEqual(["c4", "c5"]);
    const all = [...result.themes.flatMap((theme) => theme.cardIds), ...result.unclustered];
    expect(all.sort()).toEqual(hostile.map((card) => card.id).sort());
    for (const theme of result.themes) expect(theme.label.length).toBeLessThanOrEqual(80);
  });
});
