import Papa from "papaparse";
import { FORMULA_START } from "../../core/index.js";
import type { ReportModel } from "../model.js";
import type { CsvDelimiter } from "../options.js";

/** A byte-order mark, so that Excel reads the file as UTF-8 and shows accents correctly. */
const BOM = "\uFEFF";

/**
 * Renders the cards as CSV, one line per key point or card: theme, text, key-point flag. Key
 * points come first in each theme, then its cards in board order, then cards in no theme.
 * Separated by commas, or by semicolons for a spreadsheet set to French, where the comma is the decimal mark.
 */
export function renderCsv(model: ReportModel, delimiter: CsvDelimiter = ","): string {
  const { labels } = model;
  const rows: string[][] = [];
  for (const theme of model.themes) {
    for (const point of theme.keyPoints) rows.push([theme.name, point, labels.yes]);
    for (const card of theme.cards) rows.push([theme.name, card.text, labels.no]);
  }
  for (const card of model.unclustered) rows.push(["", card.text, labels.no]);
  const csv = Papa.unparse(
    { fields: [labels.csvTheme, labels.csvCard, labels.csvKeyPoint], data: rows },
    { escapeFormulae: FORMULA_START, newline: "\r\n", delimiter },
  );
  return `${BOM}${csv}\r\n`;
}
