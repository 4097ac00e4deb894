import { INK, MUTED } from "../colors.js";
import { formatShare, translate } from "../i18n.js";
import type { Prioritization, PriorityTable } from "../model.js";
import { bottomOf, contentWidth, ensureSpace, heading1, heading2, MARGINS, note, type PdfContext } from "./context.js";
import { FONT } from "./fonts.js";
import { drawTable } from "./table.js";

/** Prioritization results: a bar chart of all votes, then the table for everyone and per group. */
export function drawPrioritization(ctx: PdfContext, result: Prioritization): void {
  const { model } = ctx;
  // The heading, the summary and the whole chart on one page when they fit on one: a chart is read at a glance.
  ensureSpace(ctx, Math.min(120 + chartHeight(ctx, result.overall), bottomOf(ctx.doc) - MARGINS.top));
  heading1(ctx, result.title ?? model.labels.prioritization);
  note(ctx, summary(ctx, result.overall));
  barChart(ctx, result.overall);
  heading2(ctx, result.overall.label);
  dataTable(ctx, result.overall, result);
  if (result.byGroup.length === 0) return;
  heading2(ctx, model.labels.byGroup);
  if (result.smallGroupsNote) note(ctx, result.smallGroupsNote);
  for (const group of result.byGroup) {
    heading2(ctx, group.label, 80);
    note(ctx, summary(ctx, group));
    dataTable(ctx, group, result);
  }
}

function summary(ctx: PdfContext, table: PriorityTable): string {
  return (
    table.summary ??
    translate(ctx.model.language, "prioritizationSummary", { votes: table.votes, voters: table.voters })
  );
}

/** The height of the bars, as `barChart` draws them. */
function chartHeight(ctx: PdfContext, table: PriorityTable): number {
  const { doc } = ctx;
  const labelWidth = Math.round(contentWidth(doc) * 0.38);
  doc.font(FONT.condensed).fontSize(9);
  return table.rows.reduce(
    (sum, row) => sum + Math.max(doc.heightOfString(row.name, { width: labelWidth }), 14) + 6,
    0,
  );
}

/** Horizontal bars, longest first: the theme name on the left, the bar, then its count. */
function barChart(ctx: PdfContext, table: PriorityTable): void {
  const { doc, model } = ctx;
  const width = contentWidth(doc);
  const labelWidth = Math.round(width * 0.38);
  const barLeft = MARGINS.left + labelWidth + 10;
  const barWidth = width - labelWidth - 10 - 34;
  const max = Math.max(1, ...table.rows.map((row) => row.votes));
  doc.font(FONT.bold).fontSize(9.5).fillColor(ctx.heading);
  ensureSpace(ctx, 40);
  doc.text(model.labels.chartTitle, MARGINS.left, doc.y + 4, { width });
  doc.moveDown(0.4);
  for (const row of table.rows) {
    doc.font(FONT.condensed).fontSize(9);
    const labelHeight = doc.heightOfString(row.name, { width: labelWidth });
    const height = Math.max(labelHeight, 14) + 6;
    ensureSpace(ctx, height);
    const top = doc.y;
    doc.fillColor(INK).text(row.name, MARGINS.left, top + 3, { width: labelWidth, align: "right" });
    doc.rect(barLeft, top + 3, barWidth, 12).fill(ctx.tint);
    if (row.votes > 0) doc.rect(barLeft, top + 3, (row.votes / max) * barWidth, 12).fill(ctx.accent);
    doc.font(FONT.bold).fontSize(9).fillColor(MUTED);
    doc.text(String(row.votes), barLeft + barWidth + 6, top + 4, { width: 28, lineBreak: false });
    doc.y = top + height;
  }
  doc.moveDown(0.6);
}

function dataTable(ctx: PdfContext, table: PriorityTable, { scoreLabel }: Prioritization): void {
  const { doc, model } = ctx;
  const { labels } = model;
  const width = contentWidth(doc);
  ensureSpace(ctx, 60);
  drawTable(doc, {
    x: MARGINS.left,
    widths: [48, width - 48 - 64 - 64, 64, 64],
    align: ["right", "left", "right", "right"],
    header: {
      cells: [labels.rank, labels.theme, scoreLabel ?? labels.votes, labels.share],
      style: { font: FONT.bold, size: 9, fill: ctx.tintStrong },
    },
    rows: table.rows.map((row) => ({
      cells: [String(row.rank), row.name, String(row.votes), formatShare(row.share, model.language)],
      style: { font: FONT.regular, size: 9 },
    })),
    newPage: () => doc.addPage(),
  });
  doc.moveDown(0.8);
}
