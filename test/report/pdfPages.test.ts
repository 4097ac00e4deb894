import { beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { docxAsPdf, pdfNotdefCount, pdfText, SKIP_WITHOUT_POPPLER, SKIP_WITHOUT_SOFFICE } from "./extract.js";
import { VARIED_CASES, variedDocument } from "./variedWorkshops.js";

/** Pages but the last that hold fewer than 100 words, as "page n: m words". */
function sparsePages(pdf: Uint8Array): string[] {
  const words = wordsPerPage(pdf);
  return words.slice(0, -1).flatMap((count, i) => (count < 100 ? [`page ${i + 1}: ${count} words`] : []));
}

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
      expect(sparsePages(pdf)).toEqual([]);
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

describe.skipIf(SKIP_WITHOUT_SOFFICE)("every DOCX of varied workshops, as LibreOffice lays it out", () => {
  const laidOut = new Map<string, Uint8Array>();
  beforeAll(async () => {
    const docxs = await Promise.all(VARIED_CASES.map(async ({ doc }) => (await renderReport(doc, "docx")).body));
    // One LibreOffice run converts them all: about 15 s on a quiet 2-core machine, a minute when it is busy.
    for (const [i, pdf] of docxAsPdf(docxs).entries()) laidOut.set(VARIED_CASES[i]?.name ?? "", pdf);
  }, 180_000);

  it.each(VARIED_CASES)("$name: no near-empty page but the last", ({ name }) => {
    const pdf = laidOut.get(name);
    if (!pdf) throw new Error(`no DOCX laid out for ${name}`);
    expect(sparsePages(pdf)).toEqual([]);
  });

  it("a 10-theme, 180-card workshop takes at most 9 pages", () => {
    const pdf = laidOut.get(VARIED_CASES[0]?.name ?? "");
    expect(VARIED_CASES[0]?.name).toBe("town hall, 10 themes, 180 cards");
    expect(wordsPerPage(pdf ?? new Uint8Array()).length).toBeLessThanOrEqual(9);
  });
});
