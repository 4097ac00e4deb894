import { describe, expect, it } from "vitest";
import { type SuggestionCard, suggestNames } from "./index.js";
import { oneLine } from "./label.js";

const cards = (texts: readonly string[]): SuggestionCard[] => texts.map((text, i) => ({ id: `c${i + 1}`, text }));

/** The suggested name and key points of one column holding every card but the board's last two. */
function nameOf(texts: readonly string[], language: "en" | "fr" = "en") {
  const board = cards([...texts, "Quarterly budget review", "Printer on floor 2 is broken"]);
  const column = { id: "t", cardIds: board.slice(0, texts.length).map((card) => card.id) };
  return suggestNames(board, [column], { language }).names[0] ?? { label: "", keyPoints: [] };
}

const wordCount = (label: string) => label.split(/\s+/).filter(Boolean).length;

describe("suggested names", () => {
  it("are a 3 to 7 word action phrase built from the words the cards share, never one card's text", () => {
    const texts = [
      "Parking fills up by 9am",
      "Not enough parking on Saturday morning",
      "Ask the church to lend its parking lot",
      "Reserved parking spots near the gate",
    ];
    const { label } = nameOf(texts);
    expect(wordCount(label)).toBeGreaterThanOrEqual(3);
    expect(wordCount(label)).toBeLessThanOrEqual(7);
    expect(label.toLowerCase()).toContain("parking");
    expect(label).toMatch(/^Improve /);
    for (const text of texts) expect(label.toLowerCase()).not.toBe(text.toLowerCase());
  });

  it("start with a verb the cards share, and speak French for a French column", () => {
    expect(nameOf(["Fix the leaking tap", "Fix the broken shed door", "Fix the shed roof"]).label).toMatch(
      /^Fix shed and /,
    );
    const french = nameOf(
      ["Les douches sont froides", "Vestiaires sales, douches froides", "Réparer les vestiaires"],
      "fr",
    );
    expect(french.label).toMatch(/^(Améliorer|Réparer) /);
    expect(french.label).toContain(" et ");
    expect(french.label).toMatch(/douches|vestiaires/);
  });

  it("keep three words for a column whose cards share a single word", () => {
    expect(nameOf(["Parking!", "Parking?"]).label).toBe("Improve the parking");
    expect(nameOf(["Le parking !", "Le parking ?"], "fr").label).toBe("Améliorer ce qui touche\u00a0: parking");
  });

  it("take key points from distinct ideas: a card that repeats one already taken is skipped", () => {
    const { keyPoints } = nameOf([
      "Live music from local bands",
      "Live music from local bands every week",
      "Kids' corner with chalk and games",
      "Cooking demos with seasonal produce",
    ]);
    expect(keyPoints.filter((point) => point.startsWith("Live music"))).toHaveLength(1);
    expect(new Set(keyPoints).size).toBe(keyPoints.length);
  });
});

describe("suggested key points", () => {
  it("keep a merged card's texts apart with a separator", () => {
    expect(oneLine("Call out poor practice\nTurn career development into decent work")).toBe(
      "Call out poor practice / Turn career development into decent work",
    );
    expect(oneLine("  One   idea \n\n  another\t one  ")).toBe("One idea / another one");
    expect(oneLine("A single card")).toBe("A single card");
  });
});
