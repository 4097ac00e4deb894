import { beforeAll, describe, expect, it } from "vitest";
import { validateWorkshopDocument, type WorkshopDocument } from "../../src/core/index.js";
import { buildReport } from "../../src/report/buildReport.js";
import type { ReportModel } from "../../src/report/model.js";
import { renderReport } from "../../src/report/render.js";
import { HAS_REFERENCE_EXAMPLE, needsReferenceExample, readReferenceExample } from "../support/server.js";
import { docxXml, pdfPageSizes, pdfText, SKIP_WITHOUT_POPPLER, squash, xmlText } from "./extract.js";
import { docxColumns, pdfColumns, placementProblems } from "./gridPlacement.js";

/**
 * Everything the acceptance criteria name: theme names, key points, cards, headlines, narratives
 * and the footnote. The PDF draws headlines in capitals; Word keeps the text as typed and shows
 * it in capitals through the run's caps property.
 */
function expectedTexts(doc: WorkshopDocument, headline: (text: string) => string): string[] {
  return [
    ...doc.themes.flatMap((theme) => [
      theme.name,
      ...theme.keyPoints,
      ...theme.cards.map((card) => card.text),
      headline(theme.headline),
      theme.narrative,
    ]),
    ...doc.footnotes.map((footnote) => `${footnote.mark}${footnote.text}`),
  ];
}

/** The reference example's facilitators, then its four participant groups: the cover's last two lines in every format. */
const FACILITATED_BY = "Rachel Hofstetter and Anna Bolger (Overlap)";
const PARTICIPANTS =
  "National Advocacy Campaign Steering Committee, National Advocacy Campaign Working Group, CERIC Board and CERIC Advisory Committees";

describe.skipIf(!HAS_REFERENCE_EXAMPLE)(needsReferenceExample("the reference example's report"), () => {
  let doc: WorkshopDocument;
  let model: ReportModel;
  let pdf: Uint8Array;
  let docx: Uint8Array;
  let html: string;
  let md: string;

  beforeAll(async () => {
    const validated = validateWorkshopDocument(readReferenceExample());
    if (!validated.ok) throw new Error("the reference example is not valid workshop/v1");
    doc = validated.value;
    model = buildReport(doc);
    pdf = (await renderReport(doc, "pdf")).body;
    docx = (await renderReport(doc, "docx")).body;
    html = new TextDecoder().decode((await renderReport(doc, "html")).body);
    md = new TextDecoder().decode((await renderReport(doc, "md")).body);
  });

  it("names four participant groups, which every format shows after the facilitators", () => {
    expect(doc.participantGroups).toHaveLength(4);
    expect(model.frontMatter.slice(-2)).toEqual([
      { label: "Facilitated by:", value: FACILITATED_BY },
      { label: "Participants:", value: PARTICIPANTS },
    ]);
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)(
    "PDF text holds every theme name, key point, card, headline, narrative, the footnote and the participant groups",
    () => {
      const text = squash(pdfText(pdf));
      const missing = expectedTexts(doc, (headline) => headline.toUpperCase()).filter(
        (item) => !text.includes(squash(item)),
      );
      expect(missing).toEqual([]);
      expect(text).toContain(squash("Advocacy Campaign Development Session Capture"));
      expect(text).toContain(squash("CERIC | Cannexus Workshop"));
      expect(text).toContain(squash("Prepared for: CERIC"));
      expect(text).toContain(squash("Date: February 5, 2024"));
      expect(text).toContain(squash(`Facilitated by: ${FACILITATED_BY} Participants: ${PARTICIPANTS}`));
      // The cover names each group on page 1.
      const cover = squash(pdfText(pdf, ["-f", "1", "-l", "1"]));
      for (const group of doc.participantGroups) expect(cover).toContain(squash(group));
    },
  );

  it.skipIf(SKIP_WITHOUT_POPPLER)("PDF grid: each card stays under its own theme, in board order", () => {
    expect(pdfPageSizes(pdf).filter((size) => size.width > size.height)).toHaveLength(1);
    expect(placementProblems(pdfColumns(pdf, model), model, true)).toEqual([]);
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)("the PDF placement check fails when a card is moved to another column", async () => {
    const moved = structuredClone(doc);
    const card = moved.themes[0]?.cards.pop();
    if (card) moved.themes[1]?.cards.splice(2, 0, card);
    const movedPdf = (await renderReport(moved, "pdf")).body;
    const problems = placementProblems(pdfColumns(movedPdf, model), model, true);
    expect(problems).toContain('empower-all: "Culture of lifelong learning" is missing or out of board order');
    expect(problems).toContain("clarify-unify-elevate: holds a card of empower-all");
  });

  it("DOCX text holds every theme name, key point, card, headline, narrative, the footnote and the participant groups", async () => {
    const xml = await docxXml(docx);
    const text = squash(xmlText(xml));
    const missing = expectedTexts(doc, (headline) => headline).filter((item) => !text.includes(squash(item)));
    expect(missing).toEqual([]);
    expect(xml).toContain("<w:caps/>");
    const lines = xmlText(xml).split("\n");
    const facilitated = lines.indexOf(`Facilitated by: ${FACILITATED_BY}`);
    expect(facilitated).toBeGreaterThan(0);
    expect(lines[facilitated + 1]).toBe(`Participants: ${PARTICIPANTS}`);
  });

  it("HTML's cover lists the participant groups after the facilitators", () => {
    expect(html).toContain(
      `<dt>Facilitated by:</dt><dd><bdi>${FACILITATED_BY}</bdi></dd><dt>Participants:</dt><dd><bdi>${PARTICIPANTS}</bdi></dd></dl>`,
    );
  });

  it("Markdown's front matter lists the participant groups after the facilitators", () => {
    expect(md).toContain(`**Facilitated by:** ${FACILITATED_BY}  \n**Participants:** ${PARTICIPANTS}\n\n## Overview`);
  });

  it("DOCX grid: each card stays under its own theme, in board order, each column of each page under a header", async () => {
    const xml = await docxXml(docx);
    expect(placementProblems(docxColumns(xml, model), model, false)).toEqual([]);
    expect(xml).toMatch(/<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"\/>/);
  });

  it("the DOCX placement check fails when a card is moved to another column", async () => {
    const moved = structuredClone(doc);
    const card = moved.themes[0]?.cards.shift();
    if (card) moved.themes[1]?.cards.push(card);
    const xml = await docxXml((await renderReport(moved, "docx")).body);
    expect(placementProblems(docxColumns(xml, model), model, false).length).toBeGreaterThan(0);
  });
});
