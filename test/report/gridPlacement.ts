import type { ReportModel } from "../../src/report/model.js";
import { gridColumns } from "../../src/report/pdf/grid.js";
import { docxTables, pdfAreaText, pdfPageSizes, pdfText, squash } from "./extract.js";

/**
 * The text found under each theme's column of the grid, read back from the rendered file:
 * for a PDF, the column's area cropped out of every landscape page of its part; for a DOCX,
 * the column's cells of its part's table. Keyed by theme id, in page order.
 */
export type ColumnTexts = Map<string, string>;

/** Reads each grid column of a PDF by cropping the landscape pages to that column's area. */
export function pdfColumns(pdf: Uint8Array, model: ReportModel): ColumnTexts {
  const columns: ColumnTexts = new Map(model.themes.map((theme) => [theme.id, ""]));
  pdfPageSizes(pdf).forEach((size, index) => {
    if (size.width <= size.height) return;
    const page = index + 1;
    const pageText = squash(pdfText(pdf, ["-f", String(page), "-l", String(page)]));
    // Every grid page repeats its part's headers; the first header tells which part this page shows.
    const part = model.gridParts.find((themes) => pageText.includes(squash(header(themes[0]?.name ?? "", model))));
    if (!part) return;
    gridColumns(part.length).forEach((area, i) => {
      const theme = part[i];
      if (!theme) return;
      columns.set(theme.id, `${columns.get(theme.id)}\n${pdfAreaText(pdf, page, { ...area, height: size.height })}`);
    });
  });
  return columns;
}

/** Reads each grid column of a DOCX: the grid tables are those whose header row holds a part's theme names. */
export function docxColumns(xml: string, model: ReportModel): ColumnTexts {
  const columns: ColumnTexts = new Map(model.themes.map((theme) => [theme.id, ""]));
  for (const rows of docxTables(xml)) {
    const headers = rows[0] ?? [];
    const part = model.gridParts.find((themes) => themes.map((theme) => theme.name).join("|") === headers.join("|"));
    if (!part) continue;
    for (const row of rows)
      row.forEach((cell, i) => {
        const theme = part[i];
        if (theme) columns.set(theme.id, `${columns.get(theme.id)}\n${cell}`);
      });
  }
  return columns;
}

/** A grid header as the PDF draws it: in capitals. */
export function header(name: string, model: ReportModel): string {
  return name.toLocaleUpperCase(model.locale);
}

/**
 * Checks that every theme's column holds its header, then its key points and cards in board
 * order, and none of another theme's cards. Returns the problems found, empty when all is well.
 */
export function placementProblems(columns: ColumnTexts, model: ReportModel, upperHeaders: boolean): string[] {
  const problems: string[] = [];
  const owner = new Map(model.themes.flatMap((theme) => theme.cards.map((card) => [squash(card.text), theme.id])));
  for (const theme of model.themes) {
    const text = squash(columns.get(theme.id) ?? "");
    const name = squash(upperHeaders ? header(theme.name, model) : theme.name);
    let at = text.indexOf(name);
    if (at < 0) problems.push(`column of ${theme.id} has no header`);
    for (const item of [...theme.keyPoints, ...theme.cards.map((card) => card.text)]) {
      const found = text.indexOf(squash(item), at);
      if (found < 0) problems.push(`${theme.id}: "${item}" is missing or out of board order`);
      else at = found + squash(item).length;
    }
    // A card of another theme may not appear, unless its text also occurs in this column's own content.
    const own = squash([name, ...theme.keyPoints, ...theme.cards.map((card) => card.text)].join(""));
    for (const [card, themeId] of owner)
      if (themeId !== theme.id && text.includes(card) && !own.includes(card))
        problems.push(`${theme.id}: holds a card of ${themeId}`);
  }
  return problems;
}
