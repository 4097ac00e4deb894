import { INK, MUTED, RULE, textOn } from "../colors.js";
import { translate } from "../i18n.js";
import type { ReportCard, ReportTheme } from "../model.js";
import { bottomOf, GRID_MARGINS, PAGE, type PdfContext } from "./context.js";
import { FONT } from "./fonts.js";

/** The space between two columns and between two cards of a column. */
const GUTTER = 6;
const CARD_GAP = 4;
const PAD = 5;
const BULLET_INDENT = 9;
const LINE_GAP = 1.2;

/** Where each column of a grid part sits on its landscape page: the widths share the page evenly. */
export function gridColumns(columnCount: number): { x: number; width: number }[] {
  const count = Math.max(1, columnCount);
  const width = (PAGE.height - GRID_MARGINS.left - GRID_MARGINS.right - GUTTER * (count - 1)) / count;
  return Array.from({ length: columnCount }, (_, i) => ({ x: GRID_MARGINS.left + i * (width + GUTTER), width }));
}

/** Font sizes shrink a little as columns narrow, so six columns still hold a few words per line. */
function sizes(columns: number): { header: number; body: number } {
  if (columns <= 4) return { header: 10, body: 9.5 };
  return columns === 5 ? { header: 9.2, body: 8.8 } : { header: 8.5, body: 8.2 };
}

/**
 * The theme grid on landscape pages, laid out as the board was: one column per theme, its name
 * as the header, its key points, then its cards stacked in board order. Columns flow down the
 * page independently, so a long column does not stretch the others; a part longer than a page
 * continues on the next with its headers repeated. Each part of a wide grid starts a page.
 */
export function drawGrid(ctx: PdfContext): void {
  const { doc, model } = ctx;
  if (model.themes.length === 0) return;
  let from = 1;
  model.gridParts.forEach((part, index) => {
    const caption =
      model.gridParts.length > 1
        ? translate(model.language, "themeGridPart", { from, to: from + part.length - 1, total: model.themes.length })
        : "";
    gridPage(ctx, index === 0 ? model.labels.themes : "", caption);
    if (index === 0) framingLines(ctx);
    drawPart(ctx, part, caption);
    from += part.length;
  });
  if (model.footnotes.length > 0) {
    if (doc.y + 14 * (model.footnotes.length + 1) > bottomOf(doc)) gridPage(ctx, "", "");
    doc.moveDown(0.6).font(FONT.italic).fontSize(8.5).fillColor(MUTED);
    const width = PAGE.height - GRID_MARGINS.left - GRID_MARGINS.right;
    for (const footnote of model.footnotes)
      doc.text(`${footnote.mark}${footnote.text}`, GRID_MARGINS.left, doc.y, { width });
  }
}

function drawPart(ctx: PdfContext, part: ReportTheme[], caption: string): void {
  const { doc } = ctx;
  const columns = gridColumns(part.length);
  const size = sizes(part.length);
  const queues: ReportCard[][] = part.map((theme) => [...theme.cards]);
  headerRow(ctx, part, columns, size.header);
  keyPointsRow(ctx, part, columns, size.body);
  // Only on a page that holds nothing but the headers may a card be cut; elsewhere it moves on.
  let fresh = false;
  for (;;) {
    const top = doc.y + CARD_GAP;
    let lowest = top;
    columns.forEach((column, i) => {
      const queue = queues[i] ?? [];
      let y = top;
      while (queue.length > 0) {
        const card = queue[0] as ReportCard;
        doc.font(FONT.condensed).fontSize(size.body);
        const height = doc.heightOfString(card.text, { width: column.width - 2 * PAD, lineGap: LINE_GAP }) + 2 * PAD;
        const fits = y + height <= bottomOf(doc);
        // A card taller than a whole page is cut to the page rather than pushed on for ever.
        if (!fits && (y > top || !fresh)) break;
        cardBox(ctx, card.text, column, y, Math.min(height, bottomOf(doc) - y), size.body);
        y += Math.min(height, bottomOf(doc) - y) + CARD_GAP;
        queue.shift();
      }
      lowest = Math.max(lowest, y);
    });
    doc.y = lowest;
    if (queues.every((queue) => queue.length === 0)) return;
    gridPage(ctx, "", [caption, ctx.model.labels.continued].filter(Boolean).join(" "));
    headerRow(ctx, part, columns, size.header);
    fresh = true;
  }
}

type Column = { x: number; width: number };

function headerRow(ctx: PdfContext, part: ReportTheme[], columns: Column[], size: number): void {
  const { doc, model } = ctx;
  doc.font(FONT.condensedBold).fontSize(size);
  const names = part.map((theme) => theme.name.toLocaleUpperCase(model.locale));
  const height =
    Math.max(...names.map((name, i) => doc.heightOfString(name, { width: (columns[i]?.width ?? 0) - 2 * PAD }))) +
    2 * PAD;
  const top = doc.y;
  names.forEach((name, i) => {
    const column = columns[i] as Column;
    doc.rect(column.x, top, column.width, height).fill(ctx.accent);
    doc.fillColor(textOn(ctx.accent)).text(name, column.x + PAD, top + PAD, { width: column.width - 2 * PAD });
  });
  doc.y = top + height;
}

function keyPointsRow(ctx: PdfContext, part: ReportTheme[], columns: Column[], size: number): void {
  const { doc } = ctx;
  if (!part.some((theme) => theme.keyPoints.length > 0)) return;
  doc.font(FONT.condensedBold).fontSize(size);
  const itemHeight = (point: string, column: Column) =>
    doc.heightOfString(point, { width: column.width - 2 * PAD - BULLET_INDENT, lineGap: LINE_GAP }) + 2;
  const heights = part.map((theme, i) =>
    theme.keyPoints.reduce((sum, point) => sum + itemHeight(point, columns[i] as Column), 0),
  );
  const top = doc.y;
  // Twenty long key points could outgrow the page: the row stops at the page's foot.
  const height = Math.min(Math.max(...heights) + 2 * PAD, bottomOf(doc) - top);
  part.forEach((theme, i) => {
    const column = columns[i] as Column;
    doc.rect(column.x, top, column.width, height).fill(ctx.tint);
    let y = top + PAD;
    for (const point of theme.keyPoints) {
      if (y + itemHeight(point, column) > top + height) break;
      doc.fillColor(ctx.heading).text("•", column.x + PAD, y, { lineBreak: false });
      doc.fillColor(INK).text(point, column.x + PAD + BULLET_INDENT, y, {
        width: column.width - 2 * PAD - BULLET_INDENT,
        lineGap: LINE_GAP,
      });
      y += itemHeight(point, column);
    }
  });
  doc.y = top + height;
}

function cardBox(ctx: PdfContext, text: string, column: Column, y: number, height: number, size: number): void {
  const { doc } = ctx;
  doc.roundedRect(column.x, y, column.width, height, 2).lineWidth(0.6).strokeColor(RULE).stroke();
  doc.rect(column.x, y + 2, 1.8, height - 4).fill(ctx.tintStrong);
  doc.font(FONT.condensed).fontSize(size).fillColor(INK);
  doc.text(text, column.x + PAD, y + PAD, {
    width: column.width - 2 * PAD,
    height: height - 2 * PAD,
    lineGap: LINE_GAP,
    ellipsis: true,
  });
}

/** Opens a landscape page, with the section title on the first and a "(continued)" caption on the others. */
function gridPage(ctx: PdfContext, title: string, caption: string): void {
  const { doc } = ctx;
  doc.addPage({ size: "LETTER", layout: "landscape", margins: GRID_MARGINS });
  const width = PAGE.height - GRID_MARGINS.left - GRID_MARGINS.right;
  if (title) {
    doc.font(FONT.bold).fontSize(16).fillColor(ctx.heading).text(title, GRID_MARGINS.left, GRID_MARGINS.top, { width });
    const y = doc.y + 3;
    doc
      .moveTo(GRID_MARGINS.left, y)
      .lineTo(GRID_MARGINS.left + width, y)
      .lineWidth(1.4)
      .strokeColor(ctx.accent)
      .stroke();
    doc.y = y + 10;
  }
  if (caption) {
    doc.font(FONT.italic).fontSize(8.5).fillColor(MUTED).text(caption, GRID_MARGINS.left, doc.y, { width });
    doc.moveDown(0.4);
  }
}

/** "GOAL: …" and "PROMPT: …" above the grid, as a facilitator's wall chart shows them. */
function framingLines(ctx: PdfContext): void {
  const { doc, model } = ctx;
  const width = PAGE.height - GRID_MARGINS.left - GRID_MARGINS.right;
  const line = (label: string, text: string, font: string) => {
    if (!text) return;
    doc.font(FONT.bold).fontSize(9.5).fillColor(ctx.heading).text(`${label} `, GRID_MARGINS.left, doc.y, {
      width,
      continued: true,
    });
    doc.font(font).fillColor(INK).text(text);
    doc.moveDown(0.25);
  };
  line(model.labels.goalInline, model.goal, FONT.regular);
  line(model.labels.focusQuestionInline, model.focusQuestion, FONT.italic);
  doc.moveDown(0.4);
}
