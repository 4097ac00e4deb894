import { describe, expect, it } from "vitest";
import { blankContent, revivedState, type WorkshopDocument, type WorkshopState } from "../../src/core/index.js";
import { REPORT_FORMATS, renderReport } from "../../src/report/render.js";
import { docxXml, pdfPageSizes, pdfText, SKIP_WITHOUT_POPPLER, squash, xmlText } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

describe("reports of unusual workshops", () => {
  it("a workshop just created, with nothing in it, renders in every format", async () => {
    const state: WorkshopState = revivedState({
      id: "blank",
      ...blankContent({ title: "Kick-off", language: "fr" }, "2024-05-01T09:00:00Z"),
    });
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

/** The four formats with a cover, each read back as its reader would see the front matter. */
const COVER_FORMATS = ["pdf", "docx", "html", "md"] as const;
type CoverFormat = (typeof COVER_FORMATS)[number];

async function coverText(doc: WorkshopDocument, format: CoverFormat): Promise<string> {
  const { body } = await renderReport(doc, format);
  if (format === "pdf") return pdfText(body, ["-f", "1", "-l", "1"]);
  if (format === "docx") return xmlText(await docxXml(body));
  return new TextDecoder().decode(body);
}

describe("who took part, on the cover of every format", () => {
  const withGroups = (participantGroups: string[], language: "en" | "fr" = "en"): WorkshopDocument => ({
    ...syntheticDocument({ themes: 2, cards: 4, language }),
    participantGroups,
  });
  const skip = (format: CoverFormat) => format === "pdf" && SKIP_WITHOUT_POPPLER;

  for (const format of COVER_FORMATS) {
    it.skipIf(skip(format))(`${format}: no participants line when no group is named`, async () => {
      const text = await coverText(withGroups([]), format);
      expect(squash(text)).toContain(squash("Facilitated by:"));
      expect(text).not.toMatch(/Participants/);
    });

    it.skipIf(skip(format))(`${format}: the French label, the groups joined by « et », escaped`, async () => {
      const text = await coverText(
        withGroups(["Personnel enseignant", "Comité <parents>", "Direction d'école"], "fr"),
        format,
      );
      const value = "Personnel enseignant, Comité <parents> et Direction d'école";
      const expected: Record<CoverFormat, string> = {
        pdf: `Participants\u00a0: ${value}`,
        docx: `Participants\u00a0: ${value}`,
        html: "<dt>Participants\u00a0:</dt><dd><bdi>Personnel enseignant, Comité &lt;parents&gt; et Direction d&#39;école</bdi></dd>",
        md: "**Participants\u00a0:** Personnel enseignant, Comité \\<parents\\> et Direction d'école",
      };
      if (format === "pdf") expect(squash(text)).toContain(squash(expected.pdf));
      else expect(text).toContain(expected[format]);
      expect(text).not.toMatch(/Participants:/);
    });
  }
});
