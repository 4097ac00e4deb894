import {
  AlignmentType,
  BorderStyle,
  type FileChild,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import { formatShare, translate } from "../i18n.js";
import type { Prioritization, PriorityTable, ReportModel } from "../model.js";
import { type DocxColors, heading, note, runs, spacer } from "./blocks.js";

/** The width between the margins of a portrait Letter page with 0.75-inch margins, in twips. */
const WIDTH = 12240 - 2 * 1080;
/** The chart's bars are drawn as shaded cells over this many grid columns (5% each). */
const STEPS = 20;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/** Prioritization results: a bar chart, the table for everyone, then one per participant group. */
export function prioritizationBlocks(model: ReportModel, result: Prioritization, colors: DocxColors): FileChild[] {
  const { labels, language } = model;
  const summary = (table: PriorityTable) =>
    note(
      table.summary ?? translate(language, "prioritizationSummary", { votes: table.votes, voters: table.voters }),
      colors,
    );
  const blocks: FileChild[] = [
    heading(result.title ?? labels.prioritization, 1),
    summary(result.overall),
    new Paragraph({ keepNext: true, children: runs(labels.chartTitle, { bold: true, color: colors.heading }) }),
    chart(result.overall, colors),
    spacer(),
    heading(result.overall.label, 2),
    dataTable(model, result.overall, result, colors),
  ];
  if (result.byGroup.length > 0) {
    blocks.push(heading(labels.byGroup, 2));
    if (result.smallGroupsNote) blocks.push(note(result.smallGroupsNote, colors));
    for (const group of result.byGroup)
      blocks.push(heading(group.label, 3), summary(group), dataTable(model, group, result, colors));
  }
  return blocks;
}

/** Every bar's row is this tall, exactly: a name that wrapped made its bar thicker than the others. */
const BAR_ROW = 300;
/** About what one line of the label column holds at 9 pt; a longer name is cut here, and is whole in the table below. */
const LABEL_CHARACTERS = 42;

/** A theme's name on one line of the chart: cut at a word, with "…", when it would wrap. */
function chartLabel(name: string): string {
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(name.replace(/\s+/g, " "))];
  if (graphemes.length <= LABEL_CHARACTERS) return name.replace(/\s+/g, " ");
  const head = graphemes
    .slice(0, LABEL_CHARACTERS - 1)
    .map((g) => g.segment)
    .join("");
  const space = head.lastIndexOf(" ");
  return `${(space > LABEL_CHARACTERS / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * Horizontal bars made of table cells: a shaded cell spans as many grid columns as the theme
 * earned. One style for every bar: rows of one exact height, each name on one line.
 */
function chart(table: PriorityTable, colors: DocxColors): Table {
  const labelWidth = Math.round(WIDTH * 0.36);
  const countWidth = Math.round(WIDTH * 0.08);
  const step = Math.floor((WIDTH - labelWidth - countWidth) / STEPS);
  const max = Math.max(1, ...table.rows.map((row) => row.votes));
  const bar = (span: number, fill: string) =>
    new TableCell({
      columnSpan: span,
      width: { size: span * step, type: WidthType.DXA },
      verticalAlign: "center",
      shading: { type: ShadingType.CLEAR, fill, color: "auto" },
      children: [new Paragraph({ spacing: { after: 0 }, children: runs(" ", { size: 12 }) })],
    });
  const rows = table.rows.map((row) => {
    const filled = Math.round((row.votes / max) * STEPS);
    const children = [
      new TableCell({
        width: { size: labelWidth, type: WidthType.DXA },
        margins: { right: 120 },
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: 0 },
            children: runs(chartLabel(row.name), { size: 18 }),
          }),
        ],
      }),
    ];
    if (filled > 0) children.push(bar(filled, colors.accent));
    if (filled < STEPS) children.push(bar(STEPS - filled, colors.tint));
    children.push(
      new TableCell({
        width: { size: countWidth, type: WidthType.DXA },
        margins: { left: 100 },
        children: [
          new Paragraph({
            spacing: { after: 0 },
            children: runs(String(row.votes), { bold: true, size: 18, color: colors.muted }),
          }),
        ],
      }),
    );
    return new TableRow({ cantSplit: true, height: { value: BAR_ROW, rule: HeightRule.EXACT }, children });
  });
  return new Table({
    width: { size: labelWidth + STEPS * step + countWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, ...Array.from({ length: STEPS }, () => step), countWidth],
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: { style: BorderStyle.SINGLE, size: 24, color: "FFFFFF" },
      insideVertical: NONE,
    },
    rows,
  });
}

function dataTable(
  model: ReportModel,
  table: PriorityTable,
  { scoreLabel }: Prioritization,
  colors: DocxColors,
): Table {
  const { labels, language } = model;
  const widths = [900, WIDTH - 900 - 1200 - 1200, 1200, 1200];
  const line = { style: BorderStyle.SINGLE, size: 4, color: colors.rule } as const;
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: colors.tintStrong, color: "auto" } } : {}),
      children: [
        new Paragraph({
          alignment: index === 1 ? AlignmentType.LEFT : AlignmentType.RIGHT,
          spacing: { after: 0 },
          children: runs(text, { bold: header, size: 19 }),
        }),
      ],
    });
  const row = (cells: string[], header = false) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((text, i) => cell(text, i, header)) });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: NONE, right: NONE, insideHorizontal: line, insideVertical: NONE },
    rows: [
      row([labels.rank, labels.theme, scoreLabel ?? labels.votes, labels.share], true),
      ...table.rows.map((r) => row([String(r.rank), r.name, String(r.votes), formatShare(r.share, language)])),
    ],
  });
}
