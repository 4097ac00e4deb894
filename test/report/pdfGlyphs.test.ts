import { describe, expect, it } from "vitest";
import { GRID_MARGINS, MARGINS } from "../../src/report/pdf/context.js";
import { renderReport } from "../../src/report/render.js";
import { pdfText, pdfWords, SKIP_WITHOUT_POPPLER } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

/** Characters DejaVu has no glyph for (CJK, most emoji, a skin tone, a family joined by ZWJ), and one it has (😀). */
const HARD = "未来のワークショップ 東京 🚀🎉 👍🏽 👨‍👩‍👧 😀";

const ARABIC = "مرحبا بالعالم";

/** The words of the PDF that end past their page's right margin (none, when every line was measured as drawn). */
function pastTheMargin(pdf: Uint8Array): string[] {
  return pdfWords(pdf)
    .filter((word) => word.xMax > word.pageWidth - (word.pageWidth > 700 ? GRID_MARGINS.right : MARGINS.right) + 0.5)
    .map((word) => `p${word.page} ${word.text} ${word.xMax.toFixed(1)}`);
}

/** The QA's workshop: a French title long enough to wrap, with emoji and CJK in it, and in the cards and overview. */
function hardDocument() {
  const doc = syntheticDocument({ themes: 3, cards: 9, language: "fr" });
  const [first] = doc.themes;
  if (!first) throw new Error("expected a theme");
  first.name = `Thème 🚀 ${"東京".repeat(12)}`;
  first.cards.unshift({ id: "cjk", text: `Idée ${"漢字".repeat(30)} fin` });
  return {
    ...doc,
    // Boxes early in a line that fills the width: drawn wider than measured, they pushed its end off the page.
    title: `未来のワークショップ Atelier 🚀 sur l'avenir de la communauté régionale`,
    overview: `Aperçu ${"😀".repeat(40)} et ${"漢字".repeat(40)} fin. ${HARD}`,
    goal: `${"🎉".repeat(60)} objectif`,
  };
}

describe.skipIf(SKIP_WITHOUT_POPPLER)("PDF text the embedded fonts cannot draw", () => {
  it("never runs past the right margin, on any page, whatever characters it holds", async () => {
    const pdf = (await renderReport(hardDocument(), "pdf")).body;
    expect(pdfWords(pdf).length).toBeGreaterThan(100);
    expect(pastTheMargin(pdf)).toEqual([]);
    // The title is all there, its end included ("Compte rendu d|" was cut at the page's edge).
    expect(pdfText(pdf, ["-f", "1", "-l", "1"]).replace(/\s+/g, " ")).toContain(
      "sur l'avenir de la communauté régionale — Compte rendu de la séance",
    );
  });

  it("draws emoji and CJK in fallback faces, in the text layer too, and a placeholder only for what no face has", async () => {
    const doc = { ...syntheticDocument({ themes: 2, cards: 4 }), overview: `Before ${HARD} 한국 after` };
    const text = pdfText((await renderReport(doc, "pdf")).body);
    for (const word of ["Before", "after", "未来のワークショップ", "東京", "🚀", "😀"]) expect(text).toContain(word);
    // Hangul is in no embedded face: one placeholder per syllable.
    expect(text.match(/\uFFFD/g)).toHaveLength(2);
    expect(text).not.toContain("\u0000");
  });

  it("draws Arabic in the oblique focus question with the upright face, and stays inside the margins", async () => {
    const doc = {
      ...syntheticDocument({ themes: 2, cards: 4 }),
      overview: `Before ${ARABIC} after ${`${ARABIC} `.repeat(12)}end`,
      focusQuestion: `Question ${`${ARABIC} `.repeat(12)}end?`,
    };
    const pdf = (await renderReport(doc, "pdf")).body;
    const text = pdfText(pdf);
    expect(text).not.toContain("\uFFFD");
    expect(text.match(/مرحبا/g)?.length).toBeGreaterThanOrEqual(25);
    expect(pastTheMargin(pdf)).toEqual([]);
  });
});
