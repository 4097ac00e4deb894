import PDFDocument from "pdfkit";
import { MUTED, RULE } from "../colors.js";
import { translate } from "../i18n.js";
import type { ReportModel } from "../model.js";
import { MARGINS, makeContext, type PdfContext } from "./context.js";
import { FONT, fontFiles } from "./fonts.js";
import { drawCover, drawOverview } from "./frontMatter.js";
import { drawWithFallbacks } from "./glyphs.js";
import { drawGrid } from "./grid.js";
import { drawPrioritization } from "./prioritization.js";
import { drawTextSection, drawThemeSummaries, drawUnclustered } from "./sections.js";
import { artifact, continueMarkingsOnNewPages, endStructure, startSection } from "./structure.js";

/**
 * Renders the report as a PDF, drawn from the model with PDFKit: selectable text in embedded
 * DejaVu and Noto fonts, no browser and nothing fetched. Portrait pages, with the theme grid on
 * landscape ones; tagged, with a bookmark per section.
 */
export async function renderPdf(model: ReportModel): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: MARGINS,
    bufferPages: true,
    lang: model.locale,
    displayTitle: true,
    // Marked content and a structure tree (structure.ts); the outline lists the sections.
    tagged: true,
    // PDFKit dates the file now, and derives the file's ID from that date: the report's date keeps the bytes the same.
    // The document's metadata may hold any character; what is drawn must be in the face drawing it.
    info: {
      Title: model.title,
      Author: model.preparedBy,
      Subject: model.subtitle,
      Creator: "Concord",
      CreationDate: model.createdAt,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  for (const [alias, data] of fontFiles()) doc.registerFont(alias, data);
  // Before glyphs.ts wraps addPage too: a held right-to-left line is drawn before the page's markings end.
  continueMarkingsOnNewPages(doc);
  drawWithFallbacks(doc);

  const ctx = makeContext(doc, model);
  startSection(doc, undefined, () => drawCover(ctx));
  const framed = drawOverview(ctx);
  drawGrid(ctx, !framed);
  drawThemeSummaries(ctx);
  // After a landscape grid page and no theme summaries, the remaining sections start a portrait page.
  if (doc.page.width > doc.page.height) doc.addPage({ size: "LETTER", layout: "portrait", margins: MARGINS });
  drawUnclustered(ctx);
  drawTextSection(ctx, model.labels.reflections, model.reflections);
  // What the room chose comes before what it will do next.
  if (ctx.model.prioritization) drawPrioritization(ctx, ctx.model.prioritization);
  if (ctx.model.ballotPrioritization) drawPrioritization(ctx, ctx.model.ballotPrioritization);
  drawTextSection(ctx, model.labels.nextSteps, model.nextSteps);
  endStructure(doc);
  drawFooters(ctx);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/** "Title · Page n of N" at the foot of every page, written once the page count is known. */
function drawFooters(ctx: PdfContext): void {
  const { doc, model } = ctx;
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { width, height, margins } = doc.page;
    // Text below the bottom margin would make PDFKit open a new page; the footer lives there on purpose.
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0;
    const y = height - bottom + 22;
    const textWidth = width - margins.left - margins.right;
    artifact(doc, () => {
      doc
        .moveTo(margins.left, y - 6)
        .lineTo(width - margins.right, y - 6)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
      doc.text(model.title, margins.left, y, { width: textWidth * 0.75, height: 10, ellipsis: true, lineBreak: false });
      const page = translate(model.language, "page", { page: index + 1, pages: count });
      doc.text(page, margins.left, y, { width: textWidth, align: "right", lineBreak: false });
    });
    doc.page.margins.bottom = bottom;
  }
}
