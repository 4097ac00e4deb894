import {
  BorderStyle,
  type FileChild,
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
import { translate } from "../i18n.js";
import type { ReportModel, ReportTheme } from "../model.js";
import { bullet, cellDirection, type DocxColors, direction, heading, isolated, note, runs } from "./blocks.js";

/** The width between the margins of a landscape Letter page with half-inch margins, in twips. */
export const GRID_WIDTH = 15840 - 2 * 720;

/**
 * The theme grid as Word tables, one per part of at most six themes: the theme names in a header
 * row that Word repeats on every page, the key points as bullets, then one row per card position.
 * Names and cards too long for a column are shortened there, "… [n]", and given in full under n
 * after the grid, as in the PDF: a 600-character card in a row that cannot split would leave a
 * page holding only headers. The goal and prompt are on the first page already.
 */
export function gridBlocks(model: ReportModel, colors: DocxColors): FileChild[] {
  if (model.gridThemes.length === 0) return [];
  const { labels } = model;
  const blocks: FileChild[] = [heading(labels.themes, 1)];
  const parts = splitGrid(model.gridThemes);
  let from = 1;
  // Each part follows the one before on the same page, rather than leaving the last row of a part alone on a page.
  for (const part of parts) {
    if (parts.length > 1) {
      const to = from + part.length - 1;
      blocks.push(note(translate(model.language, "themeGridPart", { from, to, total: model.themes.length }), colors));
    }
    blocks.push(gridTable(part, colors));
    from += part.length;
  }
  for (const footnote of model.footnotes) blocks.push(note(`${footnote.mark}${isolated(footnote.text)}`, colors));
  if (model.fullTexts.length > 0) {
    blocks.push(heading(labels.fullTexts, 3));
    for (const { ref, text } of model.fullTexts)
      blocks.push(
        new Paragraph({
          spacing: { after: 80 },
          ...direction(text),
          children: [
            new TextRun({ text: `[${ref}] `, color: colors.muted, size: SIZE }),
            ...runs(text, { size: SIZE }),
          ],
        }),
      );
  }
  return blocks;
}

const SIZE = 17;

function gridTable(part: ReportTheme[], colors: DocxColors): Table {
  const width = Math.floor(GRID_WIDTH / part.length);
  const line = { style: BorderStyle.SINGLE, size: 4, color: colors.rule } as const;
  const cell = (children: Paragraph[], fill?: string) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 80, bottom: 80, left: 100, right: 100 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: "auto" } } : {}),
      children: children.length > 0 ? children : [new Paragraph({ children: [] })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: part.map((theme) =>
      cell(
        [
          new Paragraph({
            ...cellDirection(theme.name),
            children: runs(theme.name, { bold: true, allCaps: true, color: colors.onAccent, size: SIZE }),
          }),
        ],
        colors.accent,
      ),
    ),
  });
  const rows = [header];
  if (part.some((theme) => theme.keyPoints.length > 0))
    rows.push(
      new TableRow({
        cantSplit: true,
        children: part.map((theme) =>
          cell(
            theme.keyPoints.map((point) => bullet(point, { bold: true, size: SIZE }, true)),
            colors.tint,
          ),
        ),
      }),
    );
  const cardRows = Math.max(0, ...part.map((theme) => theme.cards.length));
  for (let index = 0; index < cardRows; index++)
    rows.push(
      new TableRow({
        cantSplit: true,
        children: part.map((theme) => {
          const card = theme.cards[index];
          return cell(
            card
              ? [
                  new Paragraph({
                    spacing: { after: 0 },
                    ...cellDirection(card.text),
                    children: runs(card.text, { size: SIZE }),
                  }),
                ]
              : [],
          );
        }),
      }),
    );
  return new Table({
    width: { size: GRID_WIDTH, type: WidthType.DXA },
    columnWidths: part.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  });
}
