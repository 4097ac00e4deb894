import { INK, MUTED } from "../colors.js";
import { BODY, bottomOf, contentWidth, heading1, MARGINS, PAGE, type PdfContext, paragraphs } from "./context.js";
import { FONT } from "./fonts.js";

const LOGO_BOX = { width: 150, height: 64 } as const;

/** The first page: accent band, logo, title, "organization | event", then the front matter (who it is for, date, author, facilitators, participants). */
export function drawCover(ctx: PdfContext): void {
  const { doc, model } = ctx;
  doc.rect(0, 0, PAGE.width, 12).fill(ctx.accent);
  const hasLogo = drawLogo(ctx);
  const left = MARGINS.left;
  const width = contentWidth(doc) - (hasLogo ? LOGO_BOX.width + 20 : 0);
  doc
    .font(FONT.bold)
    .fontSize(24)
    .fillColor(ctx.heading)
    .text(model.title, left, MARGINS.top + 8, { width, lineGap: 2 });
  if (model.subtitle) {
    doc.moveDown(0.25).font(FONT.regular).fontSize(13).fillColor(MUTED).text(model.subtitle, left, doc.y, { width });
  }
  const ruleY = Math.max(doc.y, hasLogo ? MARGINS.top + LOGO_BOX.height : 0) + 14;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + contentWidth(doc), ruleY)
    .lineWidth(0.8)
    .strokeColor(ctx.accent)
    .stroke();
  doc.y = ruleY + 12;
  for (const line of model.frontMatter) {
    doc.font(FONT.bold).fontSize(10.5).fillColor(INK).text(`${line.label} `, left, doc.y, { continued: true });
    doc.font(FONT.regular).text(line.value);
    doc.moveDown(0.2);
  }
  doc.moveDown(0.8);
}

/** The logo at the top right, scaled to fit; a logo PDFKit cannot read is left out rather than failing the report. */
function drawLogo(ctx: PdfContext): boolean {
  const { doc, model } = ctx;
  const logo = model.branding.logo;
  if (!logo) return false;
  try {
    const x = PAGE.width - MARGINS.right - LOGO_BOX.width;
    doc.image(Buffer.from(logo.dataBase64, "base64"), x, MARGINS.top, {
      fit: [LOGO_BOX.width, LOGO_BOX.height],
      align: "right",
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Overview paragraphs, then the goal and the focus question in tinted boxes when both fit on
 * the page: a box alone on a page of its own helps no one. Says whether it drew them; if not,
 * the grid shows them as one line each, above the columns.
 */
export function drawOverview(ctx: PdfContext): boolean {
  const { doc, model } = ctx;
  const text = [...model.overview, ...model.method];
  if (text.length > 0) {
    heading1(ctx, model.labels.overview);
    paragraphs(ctx, text);
  }
  const boxes = [
    { label: model.labels.goal, text: model.goal, font: FONT.bold },
    { label: model.labels.focusQuestion, text: model.focusQuestion, font: FONT.italic },
  ].filter((box) => box.text);
  if (boxes.length === 0) return true;
  const height = boxes.reduce((sum, box) => sum + calloutHeight(ctx, box.text, box.font) + 10, 0);
  if (doc.y + height > bottomOf(doc)) return false;
  for (const box of boxes) callout(ctx, box.label, box.text, box.font);
  return true;
}

const CALLOUT_PAD = 10;

function calloutHeight(ctx: PdfContext, text: string, font: string): number {
  const { doc } = ctx;
  doc.font(font).fontSize(11.5);
  const width = contentWidth(doc) - 2 * CALLOUT_PAD - 6;
  return doc.heightOfString(text, { width, lineGap: 2 }) + 2 * CALLOUT_PAD + 14;
}

function callout(ctx: PdfContext, label: string, text: string, font: string): void {
  const { doc } = ctx;
  const x = MARGINS.left;
  const width = contentWidth(doc);
  const pad = CALLOUT_PAD;
  const height = calloutHeight(ctx, text, font);
  const top = doc.y + 4;
  doc.rect(x, top, width, height).fill(ctx.tint);
  doc.rect(x, top, 5, height).fill(ctx.accent);
  doc
    .font(FONT.bold)
    .fontSize(8)
    .fillColor(ctx.heading)
    .text(label.toLocaleUpperCase(ctx.model.locale), x + pad + 6, top + pad, {
      width: width - 2 * pad,
      characterSpacing: 0.8,
    });
  doc
    .font(font)
    .fontSize(11.5)
    .fillColor(INK)
    .text(text, x + pad + 6, top + pad + 13, { width: width - 2 * pad - 6, lineGap: 2 });
  doc.y = top + height + 6;
  doc.x = x;
  doc.fontSize(BODY.size);
}
