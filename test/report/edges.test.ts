import { describe, expect, it } from "vitest";
import { blankContent, type WorkshopState } from "../../src/core/index.js";
import { REPORT_FORMATS, renderReport } from "../../src/report/render.js";
import { pdfPageSizes, pdfText, SKIP_WITHOUT_POPPLER, squash } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

describe("reports of unusual workshops", () => {
  it("a workshop just created, with nothing in it, renders in every format", async () => {
    const state: WorkshopState = {
      id: "blank",
      ...blankContent({ title: "Kick-off", language: "fr" }, "2024-05-01T09:00:00Z"),
    };
    for (const format of REPORT_FORMATS) {
      const { body } = await renderReport(state, format);
      expect(body.length, format).toBeGreaterThan(0);
    }
    const md = new TextDecoder().decode((await renderReport(state, "md")).body);
    expect(md).toBe("# Kick-off — Compte rendu de la séance\n\n**Date\u00a0:** 1er mai 2024\n");
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)(
    "a card and key points longer than a page are cut at the page's foot, not lost in a loop",
    async () => {
      const doc = syntheticDocument({ themes: 6, cards: 12 });
      const [first] = doc.themes;
      if (!first) throw new Error("expected a theme");
      first.keyPoints = Array.from({ length: 20 }, (_, i) => `Key point ${i + 1} ${"long words ".repeat(40)}`.trim());
      first.cards.unshift({ id: "huge", text: `Huge card ${"with many words ".repeat(120)}`.trim() });
      const pdf = (await renderReport(doc, "pdf")).body;
      const text = squash(pdfText(pdf));
      expect(text).toContain(squash("Key point 1 long words"));
      expect(text).toContain(squash("Huge card with many words"));
      for (const card of doc.themes.slice(1).flatMap((theme) => theme.cards)) expect(text).toContain(squash(card.text));
      expect(pdfPageSizes(pdf).length).toBeLessThan(12);
    },
  );
});
