import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { pdfNotdefCount, pdfText, SKIP_WITHOUT_POPPLER } from "./extract.js";
import { VARIED_CASES, variedDocument } from "./variedWorkshops.js";

/** The words of each page as poppler reads them, in page order (pdftotext ends every page with a form feed). */
function wordsPerPage(pdf: Uint8Array): number[] {
  const pages = pdfText(pdf).split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages.map((page) => page.split(/\s+/).filter(Boolean).length);
}

describe.skipIf(SKIP_WITHOUT_POPPLER)("every PDF of varied workshops", () => {
  it("the set holds Arabic, Hebrew, Chinese, Japanese and emoji", () => {
    const all = JSON.stringify(VARIED_CASES.map((c) => c.doc));
    for (const script of [
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{Script=Han}/u,
      /\p{Script=Katakana}/u,
      /\p{Emoji_Presentation}/u,
    ])
      expect(all).toMatch(script);
  });

  it.each(VARIED_CASES)(
    "$name: no near-empty page but the last, no U+FFFD nor .notdef in the text",
    async ({ doc }) => {
      const pdf = (await renderReport(doc, "pdf")).body;
      const words = wordsPerPage(pdf);
      const sparse = words.slice(0, -1).flatMap((count, i) => (count < 100 ? [`page ${i + 1}: ${count} words`] : []));
      expect(sparse).toEqual([]);
      expect(pdfText(pdf)).not.toContain("\uFFFD");
      expect(pdfNotdefCount(pdf)).toBe(0);
    },
    // Up to 2,000 cards rendered and read back by poppler: seconds each, more on a busy machine.
    60_000,
  );

  it("a 10-theme, 180-card workshop takes at most 9 pages", async () => {
    const doc = variedDocument({ topic: "townHall", themes: 10, cards: 180, voters: 60 });
    expect(wordsPerPage((await renderReport(doc, "pdf")).body).length).toBeLessThanOrEqual(9);
  });
});
