import { INK } from "../colors.js";
import type { ReportTheme } from "../model.js";
import { BODY, contentWidth, ensureSpace, heading1, MARGINS, type PdfContext, paragraphs } from "./context.js";
import { FONT } from "./fonts.js";

/** One section per theme: its name, the headline in capitals, then the narrative. */
export function drawThemeSummaries(ctx: PdfContext): void {
  const { doc, model } = ctx;
  const themes = model.themes.filter((theme) => theme.headline || theme.narrative.length > 0);
  if (themes.length === 0) return;
  // After a landscape grid, the text sections go back to portrait pages.
  if (doc.page.width > doc.page.height) doc.addPage({ size: "LETTER", layout: "portrait", margins: MARGINS });
  heading1(ctx, model.labels.themeSummaries);
  for (const theme of themes) themeSummary(ctx, theme);
}

function themeSummary(ctx: PdfContext, theme: ReportTheme): void {
  const { doc, model } = ctx;
  const x = MARGINS.left + 12;
  const width = contentWidth(doc) - 12;
  const headline = theme.headline.toLocaleUpperCase(model.locale);
  doc.font(FONT.bold).fontSize(13.5);
  const nameHeight = doc.heightOfString(theme.name, { width });
  doc.fontSize(10);
  const headlineHeight = headline ? doc.heightOfString(headline, { width, lineGap: 1.5, characterSpacing: 0.3 }) : 0;
  // Keep the name, the headline and the first lines of the narrative on one page.
  ensureSpace(ctx, nameHeight + headlineHeight + 70);
  doc.moveDown(0.8);
  const top = doc.y;
  doc.font(FONT.bold).fontSize(13.5).fillColor(ctx.heading).text(theme.name, x, top, { width });
  if (headline) {
    doc.moveDown(0.3).font(FONT.bold).fontSize(10).fillColor(INK);
    doc.text(headline, x, doc.y, { width, lineGap: 1.5, characterSpacing: 0.3 });
  }
  doc.rect(MARGINS.left, top, 3.5, doc.y - top).fill(ctx.accent);
  doc.moveDown(0.6);
  paragraphs(ctx, theme.narrative);
}

/** Cards that were never grouped, as a bullet list under a short explanation. */
export function drawUnclustered(ctx: PdfContext): void {
  const { doc, model } = ctx;
  if (model.unclustered.length === 0) return;
  heading1(ctx, model.labels.unclustered);
  paragraphs(ctx, [model.labels.unclusteredIntro]);
  const width = contentWidth(doc) - 14;
  for (const card of model.unclustered) {
    doc.font(FONT.regular).fontSize(BODY.size);
    ensureSpace(ctx, doc.heightOfString(card.text, { width }) + 4);
    const y = doc.y;
    doc.fillColor(ctx.accent).text("•", MARGINS.left + 2, y, { lineBreak: false });
    doc.fillColor(INK).text(card.text, MARGINS.left + 14, y, { width, lineGap: 1.5 });
    doc.moveDown(0.25);
  }
}

/** A titled section of paragraphs (reflections, next steps), skipped when empty. */
export function drawTextSection(ctx: PdfContext, title: string, items: string[]): void {
  if (items.length === 0) return;
  heading1(ctx, title);
  paragraphs(ctx, items);
}
