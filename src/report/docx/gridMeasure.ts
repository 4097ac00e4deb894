import PDFDocument from "pdfkit";
import type { Measure } from "../gridPlan.js";
import { FONT, fontFiles } from "../pdf/fonts.js";
import { drawWithFallbacks } from "../pdf/glyphs.js";

/** A grid line's height, as a multiple of the type size: set exactly in the Word file, whatever face draws it. */
export const GRID_LINE = 1.25;

/**
 * How tall the Word grid's texts will be, for planning its pages. Word and LibreOffice lay out
 * the text themselves, so this breaks lines as they would, in DejaVu Sans (with the PDF's faces
 * for what it lacks): what LibreOffice draws Calibri with where Calibri and Carlito are missing,
 * and wider than both, so a column measured full here is at most full in Word. Lines are
 * `GRID_LINE` apart in the file, so only their count is measured. `locale` capitalises headers.
 */
export function docxGridMeasure(locale: string): Measure {
  // Never written out: PDFKit is only asked where its lines break.
  const doc = new PDFDocument({ autoFirstPage: false });
  for (const [alias, data] of fontFiles()) doc.registerFont(alias, data);
  drawWithFallbacks(doc);
  const faces = { header: FONT.bold, keyPoint: FONT.bold, card: FONT.regular };
  // The plan measures each text more than once, at each size it tries.
  const known = new Map<string, number>();
  return (text, width, size, kind) => {
    const key = `${kind} ${size} ${width} ${text}`;
    let height = known.get(key);
    if (height === undefined) {
      doc.font(faces[kind]).fontSize(size);
      const shown = kind === "header" ? text.toLocaleUpperCase(locale) : text;
      const lines = doc.heightOfString(shown, { width, lineGap: 0 }) / doc.currentLineHeight(true);
      height = Math.max(1, Math.round(lines)) * lineHeight(size);
      known.set(key, height);
    }
    return height;
  };
}

/** The exact distance between two grid lines at `size` points, in points, rounded to Word's twentieths. */
export function lineHeight(size: number): number {
  return Math.ceil(size * GRID_LINE * 20) / 20;
}
