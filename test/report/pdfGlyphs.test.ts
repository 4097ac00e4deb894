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

  it("shows a visible placeholder (�) for each character it cannot draw, and draws the rest", async () => {
    const doc = { ...syntheticDocument({ themes: 2, cards: 4 }), overview: `Before ${HARD} after` };
    const text = pdfText((await renderReport(doc, "pdf")).body);
    // One placeholder per character as a reader sees it: 10 + 2 ideographs, 2 rockets and party poppers, 1 thumb, 1 family.
    expect(text).toContain("Before");
    expect(text).toContain("after");
    expect(text.match(/\uFFFD/g)).toHaveLength(16);
    expect(text).toContain("😀");
    expect(text).not.toContain("\u0000");
  });

  it("checks each text against the face drawing it: Arabic body text is drawn, Arabic in the oblique focus question is not", async () => {
    const doc = {
      ...syntheticDocument({ themes: 2, cards: 4 }),
      overview: `Before ${ARABIC} after ${`${ARABIC} `.repeat(12)}end`,
      // The focus question is set in DejaVu Sans Oblique (its callout, and the line above the grid), which has no Arabic.
      focusQuestion: `Question ${`${ARABIC} `.repeat(12)}end?`,
    };
    const pdf = (await renderReport(doc, "pdf")).body;
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("Before");
    expect(text).toContain("مرحبا");
    expect(text).toContain("بالعالم");
    // 13 Arabic pairs in the overview, none in the focus question: the callout and the grid's line show placeholders.
    expect(text.match(/مرحبا/g)).toHaveLength(13);
    expect(text).toContain(`Question ${"\uFFFD".repeat(5)} ${"\uFFFD".repeat(7)}`);
    expect(text.match(/\uFFFD+/g)).toHaveLength(2 * 2 * 12);
    expect(pastTheMargin(pdf)).toEqual([]);
  });
});
