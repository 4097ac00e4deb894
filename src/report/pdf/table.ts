import { INK } from "../colors.js";
import { bottomOf, LINE } from "./context.js";

/** How the cells of one row look. */
export interface PdfRowStyle {
  font: string;
  size: number;
  fill?: string;
}

/** A row: its cells' text, left to right, and their look. */
export interface PdfRow {
  cells: string[];
  style: PdfRowStyle;
}

/** A table to draw: column widths and alignments, a header repeated on every page, then the body rows. */
export interface PdfTable {
  x: number;
  widths: number[];
  align: ("left" | "right")[];
  header: PdfRow;
  rows: PdfRow[];
  /** Opens the next page when a row does not fit. */
  newPage: () => void;
}

const PAD = 5;
const LINE_GAP = 1.2;

/**
 * Draws a table that flows over pages: a row that does not fit moves to a new page, where the
 * header row is drawn again. Rows never split; a row taller than a whole page is cut with an
 * ellipsis rather than overflowing it.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  drawRow(doc, table, table.header);
  for (const row of table.rows) {
    if (doc.y + rowHeight(doc, table, row) > bottomOf(doc)) {
      table.newPage();
      drawRow(doc, table, table.header);
    }
    drawRow(doc, table, row);
  }
}

function rowHeight(doc: PDFKit.PDFDocument, table: PdfTable, row: PdfRow): number {
  doc.font(row.style.font).fontSize(row.style.size);
  const heights = row.cells.map((cell, i) =>
    cell ? doc.heightOfString(cell, { width: (table.widths[i] ?? 0) - 2 * PAD, lineGap: LINE_GAP }) : 0,
  );
  return Math.max(...heights, row.style.size) + 2 * PAD;
}

function drawRow(doc: PDFKit.PDFDocument, table: PdfTable, row: PdfRow): void {
  const top = doc.y;
  const height = Math.min(rowHeight(doc, table, row), bottomOf(doc) - top);
  let x = table.x;
  row.cells.forEach((cell, i) => {
    const width = table.widths[i] ?? 0;
    if (row.style.fill) doc.rect(x, top, width, height).fill(row.style.fill);
    doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.font(row.style.font).fontSize(row.style.size).fillColor(INK);
    doc.text(cell, x + PAD, top + PAD, {
      width: width - 2 * PAD,
      height: height - 2 * PAD,
      lineGap: LINE_GAP,
      ellipsis: true,
      align: table.align[i] ?? "left",
    });
    x += width;
  });
  doc.x = table.x;
  doc.y = top + height;
}
