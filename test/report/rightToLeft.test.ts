import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { glyphsForChar, pdfNotdefCount, pdfWords, SKIP_WITHOUT_POPPLER } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

/** "Hello world" and "community garden": each word once, so its box can be found. */
const HEBREW = ["שלום", "עולם"];
const GARDEN = ["גינה", "קהילתית"];

function workshop(overview: string, card: string) {
  const doc = syntheticDocument({ themes: 2, cards: 4 });
  const [first] = doc.themes;
  if (!first) throw new Error("expected a theme");
  first.cards.unshift({ id: "rtl", text: card });
  return { ...doc, overview };
}

/**
 * The left edge of each word of `words`, in the PDF's first occurrence. Poppler gives a Hebrew
 * word as drawn, reversed, and splits an Arabic one where its glyphs join: the order of words is
 * checked on Hebrew, Arabic's shaping on its glyphs.
 */
function leftEdges(pdf: Uint8Array, words: string[]): number[] {
  const found = pdfWords(pdf);
  return words.map((word) => {
    const reversed = [...word].reverse().join("");
    const box = found.find((candidate) => [word, reversed].includes(candidate.text.replace(/[.,]/g, "")));
    if (!box) throw new Error(`"${word}" is not in the PDF's text`);
    return box.xMin;
  });
}

describe.skipIf(SKIP_WITHOUT_POPPLER)("right-to-left text in the PDF", () => {
  it("a Hebrew paragraph reads from the right: its first word is drawn right of its second", async () => {
    const pdf = (await renderReport(workshop(`${HEBREW.join(" ")}.`, "card"), "pdf")).body;
    const [first, second] = leftEdges(pdf, HEBREW);
    expect(first).toBeGreaterThan(second ?? Number.POSITIVE_INFINITY);
  });

  it("Hebrew inside an English sentence: its two words change places, the English keeps its order", async () => {
    const pdf = (await renderReport(workshop(`Before ${GARDEN.join(" ")} after.`, "card"), "pdf")).body;
    const [before, first, second, after] = leftEdges(pdf, ["Before", ...GARDEN, "after"]);
    expect(before).toBeLessThan(second ?? 0);
    expect(second).toBeLessThan(first ?? 0);
    expect(first).toBeLessThan(after ?? 0);
  });

  it("Arabic is shaped: beh takes its initial, medial and final forms, and no glyph is a .notdef box", async () => {
    const pdf = (await renderReport(workshop("Overview.", "ببب ب"), "pdf")).body;
    // Isolated, initial, medial and final beh are four glyphs of one font, each mapped back to U+0628.
    expect(Math.max(...glyphsForChar(pdf, "\u0628"))).toBeGreaterThanOrEqual(4);
    expect(pdfNotdefCount(pdf)).toBe(0);
  });

  it("Arabic copied out of the text layer gives the letters typed: a glyph drawn for several letters maps to each", async () => {
    // Noto draws ذ as د plus a dot, ج as ح plus a dot, medial ي and ت on one dotless tooth.
    const card = "ذهب إلى حديقة المجتمع";
    const pdf = (await renderReport(workshop("Overview.", card), "pdf")).body;
    // Poppler gives each piece of a word as drawn, left to right: the line read right to left is the text.
    const drawn = pdfWords(pdf)
      .filter((word) => /\p{Script=Arabic}/u.test(word.text))
      .sort((a, b) => a.page - b.page || a.xMin - b.xMin)
      .map((word) => word.text)
      .join("");
    expect([...drawn].reverse().join("")).toBe(card.replace(/\s/g, ""));
  });
});
