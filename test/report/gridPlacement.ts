import { splitGrid } from "../../src/report/buildReport.js";
import { columnsOf } from "../../src/report/gridPlan.js";
import type { ReportModel } from "../../src/report/model.js";
import { GRID_MARGINS, MARGINS } from "../../src/report/pdf/context.js";
import { docxTables, pdfAreaText, pdfPageSizes, squash } from "./extract.js";

/**
 * The text found under each theme's column of the grid, read back from the rendered file:
 * for a PDF, the column's area cropped out of every landscape page of its part; for a DOCX,
 * the column's cells of its part's table. Keyed by theme id, in page order.
 */
export type ColumnTexts = Map<string, string>;

/**
 * Reads each grid column of a PDF: every column area of every page is cropped out, and the
 * text under a theme's header (to the next header) is that theme's; a theme that flows on into
 * the next column or page has its header repeated there.
 */
export function pdfColumns(pdf: Uint8Array, model: ReportModel): ColumnTexts {
  const columns: ColumnTexts = new Map(model.themes.map((theme) => [theme.id, ""]));
  const headers = model.gridThemes.map((theme) => ({ id: theme.id, key: squash(header(theme.name, model)) }));
  const slots = splitGrid(model.gridThemes, 8)[0]?.length ?? 1;
  pdfPageSizes(pdf).forEach((size, index) => {
    const page = index + 1;
    const margins = size.width > size.height ? GRID_MARGINS : MARGINS;
    const area = {
      left: margins.left,
      width: size.width - margins.left - margins.right,
      firstTop: 0,
      top: 0,
      bottom: 0,
    };
    for (const column of columnsOf(area, slots)) {
      const text = squash(pdfAreaText(pdf, page, { x: column.x, width: column.width, height: size.height }));
      const found = headers
        .flatMap(({ id, key }) =>
          [...text.matchAll(new RegExp(escapeRegExp(key), "g"))].map((m) => ({ id, at: m.index })),
        )
        .sort((a, b) => a.at - b.at);
      found.forEach(({ id, at }, i) => {
        const end = found[i + 1]?.at ?? text.length;
        columns.set(id, `${columns.get(id)}\n${text.slice(at, end)}`);
      });
    }
  });
  return columns;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Reads each grid column of a DOCX: a grid page is a table of one row whose first cell starts
 * with a theme's name, each cell a column of headers, key points and cards, one paragraph each.
 * The text under a header (to the next one) is that theme's. A column that does not start with
 * a header, as a continuing theme's must, is an error.
 */
export function docxColumns(xml: string, model: ReportModel): ColumnTexts {
  const columns: ColumnTexts = new Map(model.themes.map((theme) => [theme.id, ""]));
  const byName = new Map(model.gridThemes.map((theme) => [theme.name, theme.id]));
  for (const rows of docxTables(xml)) {
    const cells = rows.length === 1 ? (rows[0] ?? []) : [];
    if (!byName.has(cells[0]?.split("\n")[0] ?? "")) continue;
    for (const cell of cells) {
      let current: string | undefined;
      for (const line of cell.split("\n").filter(Boolean)) {
        current = byName.get(line) ?? current;
        if (!current) throw new Error(`a grid column starts with "${line}", not a theme's header`);
        columns.set(current, `${columns.get(current)}\n${line}`);
      }
    }
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
  // A PDF's grid shows long names and cards shortened, as the model's grid themes have them.
  const themes = upperHeaders ? model.gridThemes : model.themes;
  const owner = new Map(themes.flatMap((theme) => theme.cards.map((card) => [squash(card.text), theme.id])));
  for (const theme of themes) {
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
