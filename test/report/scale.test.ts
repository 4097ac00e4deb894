import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { parseWorkshopDocument, validateWorkshopDocument, type WorkshopDocument } from "../../src/core/index.js";
import { buildReport } from "../../src/report/buildReport.js";
import type { ReportModel } from "../../src/report/model.js";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../../src/report/render.js";
import { REPO_ROOT } from "../support/server.js";
import { docxXml, pdfPageSizes, pdfText, SKIP_WITHOUT_POPPLER, squash, xmlText } from "./extract.js";
import { docxColumns, pdfColumns, placementProblems } from "./gridPlacement.js";
import { stateWithGroups, syntheticDocument } from "./syntheticWorkshop.js";

// Keep the byte-order mark when decoding, so the CSV test can see it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

interface Case {
  name: string;
  doc: WorkshopDocument;
  /** Crop-check the PDF grid column by column (a few seconds for 300 cards, too slow for 2,000). */
  checkPdfColumns: boolean;
}

function french(): WorkshopDocument {
  const parsed = parseWorkshopDocument(readFileSync(join(REPO_ROOT, "test/fixtures/atelier-fr.workshop.json"), "utf8"));
  if (!parsed.ok) throw new Error("the French fixture is not valid workshop/v1");
  return parsed.value;
}

const CASES: Case[] = [
  {
    name: "12 themes and 300 cards",
    doc: syntheticDocument({ themes: 12, cards: 300, voters: 20 }),
    checkPdfColumns: true,
  },
  { name: "2,000 cards", doc: syntheticDocument({ themes: 9, cards: 2000 }), checkPdfColumns: false },
  { name: "a French workshop", doc: french(), checkPdfColumns: true },
];

describe.each(CASES)("the report of $name, in every format", ({ doc, checkPdfColumns }) => {
  const rendered = new Map<ReportFormat, Uint8Array>();
  let model: ReportModel;
  /** Every card's text: the grid's and the ones left out of any theme. */
  const cards = () => [...model.themes.flatMap((theme) => theme.cards), ...model.unclustered].map((card) => card.text);

  beforeAll(async () => {
    model = buildReport(doc);
    for (const format of REPORT_FORMATS) rendered.set(format, (await renderReport(doc, format)).body);
  });

  const body = (format: ReportFormat) => rendered.get(format) ?? new Uint8Array();

  it.skipIf(SKIP_WITHOUT_POPPLER)("PDF: every card, the grid on landscape pages, its parts and the labels", () => {
    const pdf = body("pdf");
    const text = squash(pdfText(pdf));
    expect(cards().filter((card) => !text.includes(squash(card)))).toEqual([]);
    for (const line of model.frontMatter) expect(text).toContain(squash(`${line.label} ${line.value}`));
    for (const theme of model.themes) expect(text).toContain(squash(theme.headline.toLocaleUpperCase(model.locale)));
    const landscape = pdfPageSizes(pdf).filter((size) => size.width > size.height).length;
    // A grid of up to four themes shares portrait pages with the text; more take landscape ones.
    expect(landscape > 0).toBe(model.themes.length > 4);
    if (checkPdfColumns) expect(placementProblems(pdfColumns(pdf, model), model, true)).toEqual([]);
  });

  it("DOCX: every card under its theme in board order, each column of each grid page under a header", async () => {
    const xml = await docxXml(body("docx"));
    expect(placementProblems(docxColumns(xml, model), model, false)).toEqual([]);
    for (const line of model.frontMatter) expect(squash(xmlText(xml))).toContain(squash(`${line.label} ${line.value}`));
  });

  it("HTML: one self-contained page with the grid tables, every card and the theme sections", () => {
    const html = decoder.decode(body("html"));
    expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${model.locale}">`));
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/i);
    expect(html.match(/<table class="theme-grid columns-\d">/g)).toHaveLength(model.gridParts.length);
    const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
    expect(cards().filter((card) => !html.includes(escaped(card)))).toEqual([]);
    expect(html.match(/<article class="theme">/g)).toHaveLength(model.themes.length);
    expect(html).toContain("@media print");
  });

  it("Markdown: a GitHub table per part of the grid, every card, the theme sections", () => {
    const md = decoder.decode(body("md"));
    expect(md.startsWith(`# ${model.title}`)).toBe(true);
    expect(md.match(/^\| --- \|/gm)).toHaveLength(model.gridParts.length);
    expect(md.match(/^### /gm)?.length).toBeGreaterThanOrEqual(model.themes.length);
    const unescaped = md.replace(/\\([\\`*_[\]<>~|#+\-=:.)])/g, "$1");
    expect(cards().filter((card) => !unescaped.includes(card))).toEqual([]);
  });

  it("CSV: one row per key point and card with its theme and flag, in the workshop's language", () => {
    const csv = decoder.decode(body("csv"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const { data } = Papa.parse<string[]>(csv.slice(1).trim(), { newline: "\r\n" });
    expect(data[0]).toEqual([model.labels.csvTheme, model.labels.csvCard, model.labels.csvKeyPoint]);
    const expected: string[][] = model.themes.flatMap((theme) => [
      ...theme.keyPoints.map((point) => [theme.name, point, model.labels.yes]),
      ...theme.cards.map((card) => [theme.name, card.text, model.labels.no]),
    ]);
    expected.push(...model.unclustered.map((card) => ["", card.text, model.labels.no]));
    expect(data.slice(1)).toEqual(expected);
  });

  it("JSON: the workshop itself, as valid workshop/v1 equal to the source", () => {
    const parsed = JSON.parse(decoder.decode(body("json"))) as unknown;
    expect(validateWorkshopDocument(parsed).ok).toBe(true);
    expect(parsed).toEqual(doc);
  });
});

describe("a live workshop's report", () => {
  it("shows votes by participant group in every format that has tables", async () => {
    const state = stateWithGroups(syntheticDocument({ themes: 5, cards: 40, voters: 9 }), [
      "Staff",
      "Board",
      "Partners",
    ]);
    const model = buildReport(state);
    expect(model.prioritization?.byGroup.map((group) => group.label)).toEqual(["Staff", "Board", "Partners"]);
    const md = decoder.decode((await renderReport(state, "md")).body);
    const html = decoder.decode((await renderReport(state, "html")).body);
    const xml = await docxXml((await renderReport(state, "docx")).body);
    for (const text of [md, html, xmlText(xml)]) {
      expect(text).toContain(model.labels.prioritization);
      for (const group of ["Staff", "Board", "Partners"]) expect(text).toContain(group);
    }
    expect(html).toContain("<svg");
  });
});
