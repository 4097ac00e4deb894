import { splitGrid } from "../buildReport.js";
import { INK, MUTED, RULE, textOn } from "../colors.js";
import {
  BULLET_INDENT,
  bestPlan,
  type GridArea,
  type GridBlock,
  type GridSizes,
  LINE_GAP,
  type Measure,
  PAD,
  planGrid,
} from "../gridPlan.js";
import {
  bottomOf,
  contentWidth,
  ensureSpace,
  GRID_MARGINS,
  heading1,
  MARGINS,
  PAGE,
  type PdfContext,
} from "./context.js";
import { FONT } from "./fonts.js";
import { startSection } from "./structure.js";

/** A landscape page holds up to this many columns at a readable size; more themes make bands. */
const MAX_LANDSCAPE_COLUMNS = 8;
/** Up to this many themes, the columns are wide enough on a portrait page, which the grid then shares. */
const MAX_PORTRAIT_COLUMNS = 4;
/** The smallest type the grid's cards may shrink to, and the largest for each column count. */
const MIN_BODY = 7.5;
const maxBody = (columns: number) => (columns <= 4 ? 9.5 : columns <= 6 ? 9 : 8.5);

/** Whether the grid is drawn on landscape pages (too many columns for a portrait one). */
export function gridIsLandscape(ctx: PdfContext): boolean {
  return ctx.model.gridThemes.length > MAX_PORTRAIT_COLUMNS;
}

/**
 * The theme grid, laid out as the board was: one column per theme, its name as the header, its
 * key points, then its cards in board order. The layout is planned before anything is drawn, at
 * the largest type that still needs the fewest pages; a few themes share a portrait page with
 * what precedes, more go on landscape pages of up to eight columns.
 * `framing` adds the goal and prompt above the grid, for when the front page had no room for them.
 */
export function drawGrid(ctx: PdfContext, framing: boolean): void {
  const { doc, model } = ctx;
  if (model.gridThemes.length === 0) return;
  const landscape = gridIsLandscape(ctx);
  if (landscape) {
    gridPage(ctx, true);
    title(ctx, model.labels.themes);
  } else {
    // The title, a header row and a few cards, or the grid starts on the next page.
    ensureSpace(ctx, 220);
    heading1(ctx, model.labels.themes);
  }
  if (framing) framingLines(ctx);
  const margins = landscape ? GRID_MARGINS : MARGINS;
  const width = contentWidth(doc);
  // Ten themes make two rows of five rather than eight and two: the first part's width, balanced.
  const slots = splitGrid(model.gridThemes, MAX_LANDSCAPE_COLUMNS)[0]?.length ?? 1;
  const area: GridArea = {
    left: margins.left,
    width,
    firstTop: doc.y,
    top: margins.top + 16,
    bottom: bottomOf(doc),
  };
  const candidates: GridSizes[] = [];
  for (let body = maxBody(slots); body >= MIN_BODY - 0.01; body -= 0.5) candidates.push({ header: body + 0.5, body });
  const plan = bestPlan((sizes) => planGrid(model.gridThemes, slots, area, sizes, measure(ctx)), candidates);
  plan.pages.forEach((blocks, index) => {
    if (index > 0) {
      gridPage(ctx, landscape);
      doc.font(FONT.italic).fontSize(8.5).fillColor(MUTED);
      doc.text(`${model.labels.themes} ${model.labels.continued}`, margins.left, margins.top, { width });
    }
    for (const block of blocks) drawBlock(ctx, block, plan.sizes);
    doc.y = Math.max(...blocks.map((block) => block.y + block.height)) + 8;
  });
  doc.x = margins.left;
  footnotes(ctx);
  fullTexts(ctx);
}

function measure(ctx: PdfContext): Measure {
  const { doc } = ctx;
  const faces = { header: FONT.condensedBold, keyPoint: FONT.condensedBold, card: FONT.condensed };
  return (text, width, size, kind) => {
    doc.font(faces[kind]).fontSize(size);
    const shown = kind === "header" ? text.toLocaleUpperCase(ctx.model.locale) : text;
    return doc.heightOfString(shown, { width, lineGap: kind === "header" ? 0 : LINE_GAP });
  };
}

function drawBlock(ctx: PdfContext, block: GridBlock, sizes: GridSizes): void {
  const { doc, model } = ctx;
  const width = block.width - 2 * PAD;
  switch (block.kind) {
    case "header":
      doc.rect(block.x, block.y, block.width, block.height).fill(ctx.accent);
      doc.font(FONT.condensedBold).fontSize(sizes.header).fillColor(textOn(ctx.accent));
      doc.text(block.text.toLocaleUpperCase(model.locale), block.x + PAD, block.y + PAD, { width, lineGap: 0 });
      return;
    case "keyPoints": {
      doc.rect(block.x, block.y, block.width, block.height).fill(ctx.tint);
      let y = block.y + PAD;
      doc.font(FONT.condensedBold).fontSize(sizes.body);
      for (const point of block.points) {
        doc.fillColor(ctx.heading).text("•", block.x + PAD, y, { lineBreak: false });
        doc
          .fillColor(INK)
          .text(point, block.x + PAD + BULLET_INDENT, y, { width: width - BULLET_INDENT, lineGap: LINE_GAP });
        y = doc.y + 2;
      }
      return;
    }
    case "card":
      doc.roundedRect(block.x, block.y, block.width, block.height, 2).lineWidth(0.6).strokeColor(RULE).stroke();
      doc.rect(block.x, block.y + 2, 1.8, block.height - 4).fill(ctx.tintStrong);
      doc.font(FONT.condensed).fontSize(sizes.body).fillColor(INK);
      doc.text(block.text, block.x + PAD, block.y + PAD, {
        width,
        height: block.height - 2 * PAD,
        lineGap: LINE_GAP,
        ellipsis: true,
      });
      return;
  }
}

/** Opens a grid page in the grid's orientation. */
function gridPage(ctx: PdfContext, landscape: boolean): void {
  if (landscape) ctx.doc.addPage({ size: "LETTER", layout: "landscape", margins: GRID_MARGINS });
  else ctx.doc.addPage({ size: "LETTER", layout: "portrait", margins: MARGINS });
}

/** The section title of a landscape grid's first page, with its accent rule. */
function title(ctx: PdfContext, text: string): void {
  const { doc } = ctx;
  const width = PAGE.height - GRID_MARGINS.left - GRID_MARGINS.right;
  startSection(doc, text, () => {
    doc.font(FONT.bold).fontSize(16).fillColor(ctx.heading).text(text, GRID_MARGINS.left, GRID_MARGINS.top, { width });
    const y = doc.y + 3;
    doc
      .moveTo(GRID_MARGINS.left, y)
      .lineTo(GRID_MARGINS.left + width, y)
      .lineWidth(1.4)
      .strokeColor(ctx.accent)
      .stroke();
    doc.y = y + 10;
  });
}

/** "GOAL: …" and "PROMPT: …" above the grid, as a facilitator's wall chart shows them. */
function framingLines(ctx: PdfContext): void {
  const { doc, model } = ctx;
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const line = (label: string, text: string, font: string) => {
    if (!text) return;
    doc.font(FONT.bold).fontSize(9.5).fillColor(ctx.heading).text(`${label} `, x, doc.y, { width, continued: true });
    doc.font(font).fillColor(INK).text(text);
    doc.moveDown(0.25);
  };
  line(model.labels.goalInline, model.goal, FONT.regular);
  line(model.labels.focusQuestionInline, model.focusQuestion, FONT.italic);
  doc.moveDown(0.4);
}

/** The workshop's footnotes under the grid, on the grid's last page when they fit. */
function footnotes(ctx: PdfContext): void {
  const { doc, model } = ctx;
  if (model.footnotes.length === 0) return;
  if (doc.y + 14 * (model.footnotes.length + 1) > bottomOf(doc)) gridPage(ctx, gridIsLandscape(ctx));
  doc.font(FONT.italic).fontSize(8.5).fillColor(MUTED);
  for (const footnote of model.footnotes)
    doc.text(`${footnote.mark}${footnote.text}`, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.6);
}

/** The full text of every name and card the grid shortened, under its number, in the space left under the grid. */
function fullTexts(ctx: PdfContext): void {
  const { doc, model } = ctx;
  if (model.fullTexts.length === 0) return;
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  if (doc.y + 60 > bottomOf(doc)) gridPage(ctx, gridIsLandscape(ctx));
  doc.font(FONT.bold).fontSize(10).fillColor(ctx.heading).text(model.labels.fullTexts, x, doc.y, { width });
  doc.moveDown(0.3);
  for (const { ref, text } of model.fullTexts) {
    doc.font(FONT.regular).fontSize(8.5);
    if (doc.y + Math.min(doc.heightOfString(text, { width: width - 24 }), 40) > bottomOf(doc))
      gridPage(ctx, gridIsLandscape(ctx));
    const y = doc.y;
    doc.fillColor(MUTED).text(`[${ref}]`, x, y, { width: 22, lineBreak: false });
    doc.fillColor(INK).text(text, x + 24, y, { width: width - 24, lineGap: 1 });
    doc.moveDown(0.3);
  }
}
