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
import { translate } from "../i18n.js";
import type { ReportModel, ReportTheme } from "../model.js";
import { bullet, type DocxColors, heading, note, runs } from "./blocks.js";

/** The width between the margins of a landscape Letter page with half-inch margins, in twips. */
export const GRID_WIDTH = 15840 - 2 * 720;

/**
 * The theme grid as Word tables, one per part of at most six themes: the theme names in a header
 * row that Word repeats on every page, the key points as bullets, then one row per card position.
 */
export function gridBlocks(model: ReportModel, colors: DocxColors): FileChild[] {
  if (model.themes.length === 0) return [];
  const { labels } = model;
  const blocks: FileChild[] = [heading(labels.themes, 1)];
  if (model.goal) blocks.push(framing(labels.goalInline, model.goal, false, colors));
  if (model.focusQuestion) blocks.push(framing(labels.focusQuestionInline, model.focusQuestion, true, colors));
  let from = 1;
  model.gridParts.forEach((part, index) => {
    if (model.gridParts.length > 1) {
      const to = from + part.length - 1;
      blocks.push(
        note(translate(model.language, "themeGridPart", { from, to, total: model.themes.length }), colors, index > 0),
      );
    }
    blocks.push(gridTable(part, colors));
    from += part.length;
  });
  for (const footnote of model.footnotes) blocks.push(note(`${footnote.mark}${footnote.text}`, colors));
  return blocks;
}

function framing(label: string, text: string, italics: boolean, colors: DocxColors): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label} `, bold: true, color: colors.heading }), ...runs(text, { italics })],
  });
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
            theme.keyPoints.map((point) => bullet(point, { bold: true, size: SIZE })),
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
            card ? [new Paragraph({ spacing: { after: 0 }, children: runs(card.text, { size: SIZE }) })] : [],
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
