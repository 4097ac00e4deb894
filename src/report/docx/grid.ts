import {
  BorderStyle,
  type FileChild,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { splitGrid } from "../buildReport.js";
import { bestPlan, type GridArea, type GridBlock, type GridSizes, type GridSpacing, planGrid } from "../gridPlan.js";
import type { ReportModel } from "../model.js";
import { cellDirection, type DocxColors, direction, heading, isolated, note, runs } from "./blocks.js";
import { docxGridMeasure, lineHeight } from "./gridMeasure.js";

/** The width between the margins of a landscape Letter page with half-inch margins, in twips. */
export const GRID_WIDTH = 15840 - 2 * 720;

/** Where the grid may reach on a landscape page, in points from the top of the text area: see `gridArea`. */
const PAGE_TEXT_HEIGHT = 527;
/** What a page's table adds around its cells' content (cell margins), and a margin for Word's own rounding. */
const CELL_MARGIN = 4;
const SAFETY = 14;
/** The spaces around the grid's boxes, in points: what `cell` below draws. */
const SPACING: GridSpacing = { gutter: 0, padX: 5, padY: 2.5, cardGap: 3, bandGap: 12, bulletIndent: 11 };
/** Type sizes tried, largest first: the largest that needs no more pages than the smallest is used. */
const SIZES: GridSizes[] = [9, 8.5, 8, 7.5].map((body) => ({ header: body, body }));

/**
 * The theme grid as Word tables, packed as the PDF's is: the grid is planned (`planGrid`) in
 * newspaper columns, up to six a page, each theme's cards flowing down its column and on into
 * the next, its header repeated only where it continues. Each page is one table of one row,
 * a cell per column holding that column's headers, key points and cards as paragraphs, so no
 * row of cards can split or leave a page almost empty. Names and cards too long for a column are
 * shortened there, "… [n]", and given in full under n after the grid, as in the PDF. The goal and
 * prompt are on the first page already.
 */
export function gridBlocks(model: ReportModel, colors: DocxColors): FileChild[] {
  if (model.gridThemes.length === 0) return [];
  const { labels } = model;
  const slots = splitGrid(model.gridThemes)[0]?.length ?? 1;
  const measure = docxGridMeasure(model.locale);
  // The footnotes go under the grid's last page: every page keeps room for them.
  const footnotes = model.footnotes.map((footnote) => `${footnote.mark}${isolated(footnote.text)}`);
  const footnotesHeight = footnotes.reduce(
    (sum, text) => sum + measure(text, GRID_WIDTH / 20, NOTE_SIZE, "card") + 2 * NOTE_SPACE,
    0,
  );
  const area: GridArea = {
    left: 0,
    width: GRID_WIDTH / 20,
    // Under the "Themes" heading on the first page, under the "(continued)" caption on the others.
    firstTop: 54,
    top: 20,
    bottom: PAGE_TEXT_HEIGHT - 2 * CELL_MARGIN - SAFETY - footnotesHeight,
  };
  const plan = bestPlan((sizes) => planGrid(model.gridThemes, slots, area, sizes, measure, SPACING), SIZES);
  const blocks: FileChild[] = [heading(labels.themes, 1)];
  plan.pages.forEach((page, index) => {
    if (index > 0) blocks.push(note(`${labels.themes} ${labels.continued}`, colors, true));
    blocks.push(pageTable(page, slots, plan.sizes.body, colors));
  });
  for (const footnote of footnotes) blocks.push(note(footnote, colors));
  return blocks;
}

/** The size of `note`'s text and the space above and below it, in points. */
const NOTE_SIZE = 8.5;
const NOTE_SPACE = 4;

/**
 * The full text of every name and card the grid shortened, under its number: they open the
 * portrait pages after the grid, where they cannot push a few lines onto a landscape page of their own.
 */
export function fullTextBlocks(model: ReportModel, colors: DocxColors): FileChild[] {
  if (model.fullTexts.length === 0) return [];
  return [
    heading(model.labels.fullTexts, 2),
    ...model.fullTexts.map(
      ({ ref, text }) =>
        new Paragraph({
          spacing: { after: 80 },
          ...direction(text),
          children: [
            new TextRun({ text: `[${ref}] `, color: colors.muted, size: FULL_TEXT_SIZE }),
            ...runs(text, { size: FULL_TEXT_SIZE }),
          ],
        }),
    ),
  ];
}

const FULL_TEXT_SIZE = 17;
/** Points to Word's twentieths of a point. */
const twips = (points: number) => Math.round(points * 20);

/** One planned page: a table of one row, a cell per column, the blocks of each column top to bottom. */
function pageTable(page: GridBlock[], slots: number, size: number, colors: DocxColors): Table {
  const width = Math.floor(GRID_WIDTH / slots);
  const line = { style: BorderStyle.SINGLE, size: 4, color: colors.rule } as const;
  const columns = Array.from({ length: slots }, (_, slot) =>
    page.filter((block) => Math.round((block.x / (GRID_WIDTH / 20)) * slots) === slot).sort((a, b) => a.y - b.y),
  );
  return new Table({
    width: { size: GRID_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({
        children: columns.map(
          (blocks) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { top: twips(CELL_MARGIN), bottom: twips(CELL_MARGIN), left: 100, right: 100 },
              children: blocks.length > 0 ? cellParagraphs(blocks, size, colors) : [new Paragraph({ children: [] })],
            }),
        ),
      }),
    ],
  });
}

/** A column's blocks as paragraphs: a shaded header, tinted key points, cards with a rule between them. */
function cellParagraphs(blocks: GridBlock[], size: number, colors: DocxColors): Paragraph[] {
  const exact = { line: twips(lineHeight(size)), lineRule: LineRuleType.EXACT };
  const pad = twips(SPACING.padY);
  const box = (color: string) => {
    const side = { style: BorderStyle.SINGLE, size: 4, color, space: 2 } as const;
    return { top: side, bottom: side, left: side, right: side };
  };
  const half = size * 2;
  return blocks.flatMap((block, index): Paragraph[] => {
    // A theme stacked under another in the same column: the gap the plan left between them.
    const before = index > 0 && block.kind === "header" ? twips(SPACING.bandGap) : 0;
    if (block.kind === "header")
      return [
        new Paragraph({
          ...cellDirection(block.text),
          keepNext: true,
          spacing: { ...exact, before, after: twips(SPACING.cardGap) },
          shading: { type: ShadingType.CLEAR, fill: colors.accent, color: "auto" },
          border: box(colors.accent),
          children: runs(block.text, { bold: true, allCaps: true, color: colors.onAccent, size: half }),
        }),
      ];
    if (block.kind === "keyPoints")
      return block.points.map(
        (point, i) =>
          new Paragraph({
            ...cellDirection(point),
            numbering: { reference: "report-bullets", level: 0 },
            spacing: {
              ...exact,
              before: 0,
              after: i === block.points.length - 1 ? pad + twips(SPACING.cardGap) : 40,
            },
            shading: { type: ShadingType.CLEAR, fill: colors.tint, color: "auto" },
            border: box(colors.tint),
            children: runs(point, { bold: true, size: half }),
          }),
      );
    return [
      new Paragraph({
        ...cellDirection(block.text),
        spacing: { ...exact, before: pad, after: pad },
        // Consecutive cards are one group to Word: the "between" border rules a line between each two.
        border: { between: { style: BorderStyle.SINGLE, size: 4, color: colors.rule, space: 1 } },
        children: runs(block.text, { size: half }),
      }),
    ];
  });
}
