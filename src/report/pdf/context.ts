import { headingColor, INK, MUTED, RULE, tint } from "../colors.js";
import type { Paragraph, ReportModel } from "../model.js";
import { FONT } from "./fonts.js";
import { startSection } from "./structure.js";

/** US Letter, as North American clients print; a grid page turns it to landscape. */
export const PAGE = { width: 612, height: 792 } as const;
/** Portrait margins; the footer sits inside the bottom one. */
export const MARGINS = { top: 58, bottom: 64, left: 62, right: 62 } as const;
/** Landscape grid pages use narrower margins to give the columns room. */
export const GRID_MARGINS = { top: 44, bottom: 54, left: 40, right: 40 } as const;

/** Body text size and line gap, in points. */
export const BODY = { size: 10.5, gap: 3.2 } as const;

/** The document being written and the colours of this report. */
export interface PdfContext {
  doc: PDFKit.PDFDocument;
  model: ReportModel;
  accent: string;
  heading: string;
  tint: string;
  tintStrong: string;
}

/** Colours derived once from the report's accent. */
export function makeContext(doc: PDFKit.PDFDocument, model: ReportModel): PdfContext {
  const accent = model.branding.accentColor;
  return { doc, model, accent, heading: headingColor(accent), tint: tint(accent, 0.9), tintStrong: tint(accent, 0.78) };
}

/** The lowest y that content may reach on the current page. */
export function bottomOf(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** The width between the current page's margins. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new portrait page unless `height` points still fit on this one. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (ctx.doc.y + height > bottomOf(ctx.doc)) ctx.doc.addPage();
}

/**
 * A section heading with an accent rule under it; kept with at least the first lines that
 * follow. It starts a section of the PDF's structure and is a bookmark in its outline.
 */
export function heading1(ctx: PdfContext, text: string): void {
  const { doc } = ctx;
  ensureSpace(ctx, 90);
  startSection(doc, text, () => {
    const x = doc.page.margins.left;
    doc
      .moveDown(0.6)
      .font(FONT.bold)
      .fontSize(16)
      .fillColor(ctx.heading)
      .text(text, x, doc.y, { width: contentWidth(doc) });
    const y = doc.y + 3;
    doc
      .moveTo(x, y)
      .lineTo(x + contentWidth(doc), y)
      .lineWidth(1.4)
      .strokeColor(ctx.accent)
      .stroke();
    doc.y = y + 10;
  });
}

/** A sub-heading in the accent colour. */
export function heading2(ctx: PdfContext, text: string, keepWith = 60): void {
  const { doc } = ctx;
  const x = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(12.5);
  ensureSpace(ctx, doc.heightOfString(text, { width: contentWidth(doc) }) + keepWith);
  doc
    .moveDown(0.4)
    .fillColor(ctx.heading)
    .text(text, x, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** Body paragraphs of user text, flowing over pages as needed. */
export function paragraphs(ctx: PdfContext, items: Paragraph[], font: string = FONT.regular): void {
  const { doc } = ctx;
  for (const item of items) {
    doc.font(font).fontSize(BODY.size);
    ensureSpace(ctx, Math.min(doc.heightOfString(item, { width: contentWidth(doc), lineGap: BODY.gap }), 3 * 16));
    doc.fillColor(INK).text(item, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: BODY.gap });
    doc.moveDown(0.7);
  }
}

/** Small grey text, such as a caption or a count. */
export function note(ctx: PdfContext, text: string): void {
  const { doc } = ctx;
  doc.font(FONT.italic).fontSize(8.5).fillColor(MUTED);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

/** The hairline colour of tables. */
export const LINE = RULE;
