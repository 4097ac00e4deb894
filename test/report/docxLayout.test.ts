import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { docxTables, docxXml, xmlText } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";
import { variedDocument } from "./variedWorkshops.js";

const ARABIC_CARD = "حديقة المجتمع للجميع";

/** The hostile workshop (a 369-character theme name, a 600-character card), with votes and an Arabic card. */
async function hostileXml() {
  const doc = variedDocument({ topic: "hostile", themes: 10, cards: 60, longTexts: true, voters: 30 });
  doc.themes[3]?.cards.unshift({ id: "arabic", text: ARABIC_CARD });
  const withOverview = { ...doc, overview: `أيها الجيران، ${doc.overview}` };
  return { doc: withOverview, xml: await docxXml((await renderReport(withOverview, "docx")).body) };
}

describe("the DOCX report", () => {
  it("shortens long names and cards in the grid, with their full text after it under the same number", async () => {
    const { doc, xml } = await hostileXml();
    const longCard = doc.themes[0]?.cards[0]?.text ?? "";
    const longName = doc.themes[1]?.name ?? "";
    expect(longCard.length).toBeGreaterThan(500);
    // A grid cell is a column of paragraphs: its lines are the names and cards.
    const cells = docxTables(xml)
      .flat(2)
      .flatMap((cell) => cell.split("\n"));
    // The prioritization table names each theme in full; no cell holds the whole card.
    expect(cells.some((cell) => cell.includes(longCard))).toBe(false);
    const references = cells.flatMap((cell) => /… \[(\d+)\]$/.exec(cell)?.[1] ?? []);
    expect(references.length).toBeGreaterThanOrEqual(2);
    expect(cells.some((cell) => cell.endsWith("]") && longName.startsWith(cell.replace(/… \[\d+\]$/, "")))).toBe(true);
    const lines = xmlText(xml).split("\n");
    for (const full of [longCard, longName]) {
      const line = lines.find((text) => text.endsWith(full));
      expect(line).toMatch(/^\[\d+\] /);
      expect(references).toContain(/^\[(\d+)\]/.exec(line ?? "")?.[1]);
    }
  });

  it("marks a paragraph that starts in Arabic right to left, and its Arabic runs too; in a table cell, aligns it right", async () => {
    const { xml } = await hostileXml();
    const paragraphs = xml.split("</w:p>");
    const overview = paragraphs.find((p) => p.includes("أيها الجيران"));
    expect(overview).toContain("<w:bidi/>");
    expect(overview).toContain("<w:rtl/>");
    // LibreOffice reverses a table's columns when its first cell's paragraph is w:bidi: cells are aligned instead.
    const card = paragraphs.find((p) => p.includes("حديقة") && p.includes("للجميع"));
    expect(card).toContain('<w:jc w:val="right"/>');
    expect(card).toContain("<w:rtl/>");
    for (const table of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) expect(table).not.toContain("<w:bidi/>");
    const english = paragraphs.find((p) => p.includes("Idea 1:"));
    expect(english).not.toContain("<w:bidi/>");
  });

  it("draws every prioritization bar the same thickness: rows of one exact height", async () => {
    const { doc, xml } = await hostileXml();
    const exact = xml.match(/<w:trHeight w:val="300" w:hRule="exact"\/>/g) ?? [];
    expect(exact).toHaveLength(doc.themes.length);
  });

  it("shows the goal and the prompt once, and prioritization before next steps", async () => {
    const { doc, xml } = await hostileXml();
    const text = xmlText(xml);
    expect(text.split(doc.goal).length - 1).toBe(1);
    expect(text.split(doc.focusQuestion).length - 1).toBe(1);
    expect(text.indexOf("Prioritization results")).toBeGreaterThan(0);
    expect(text.indexOf("Prioritization results")).toBeLessThan(text.indexOf("Next steps"));
  });

  it("isolates user text set beside a label, so a right-to-left value cannot move the label", async () => {
    const doc = { ...syntheticDocument({ themes: 2, cards: 4 }), preparedFor: "ועדת ההיגוי" };
    const xml = await docxXml((await renderReport(doc, "docx")).body);
    const paragraph = xml.split("</w:p>").find((p) => p.includes("ועדת")) ?? "";
    const raw = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(raw).toBe("Prepared for: \u2068ועדת ההיגוי\u2069");
  });
});
