import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  type IRunOptions,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { headingColor, INK, MUTED, RULE, textOn, tint } from "../colors.js";
import type { ReportModel, Paragraph as ReportParagraph } from "../model.js";
import { hasRightToLeft, paragraphDirection } from "../textDirection.js";

/** Word wants colours without the "#". */
export const hex = (color: string) => color.replace("#", "");

/** The report's colours, in Word's notation. */
export interface DocxColors {
  accent: string;
  onAccent: string;
  heading: string;
  tint: string;
  tintStrong: string;
  ink: string;
  muted: string;
  rule: string;
}

/** Colours derived once from the report's accent. */
export function docxColors(model: ReportModel): DocxColors {
  const accent = model.branding.accentColor;
  return {
    accent: hex(accent),
    onAccent: hex(textOn(accent)),
    heading: hex(headingColor(accent)),
    tint: hex(tint(accent, 0.9)),
    tintStrong: hex(tint(accent, 0.78)),
    ink: hex(INK),
    muted: hex(MUTED),
    rule: hex(RULE),
  };
}

/** Arabic or Hebrew words, with the spaces, digits and punctuation between them: one right-to-left run. */
const RTL_RUN =
  /[\p{Script=Arabic}\p{Script=Hebrew}](?:[\p{Script=Arabic}\p{Script=Hebrew}\p{M}\s\d\p{P}]*[\p{Script=Arabic}\p{Script=Hebrew}\p{M}])?/gu;

/**
 * Text runs of user text; a line break inside a paragraph becomes a Word line break. Arabic and
 * Hebrew stretches are runs of their own marked right to left (`w:rtl`), as Word itself writes them.
 */
export function runs(text: string, options: Omit<IRunOptions, "text" | "break"> = {}): TextRun[] {
  return text.split("\n").flatMap((line, index) => {
    const parts = line.split(new RegExp(`(${RTL_RUN.source})`, "u")).filter((part, i) => part || i === 0);
    return parts.map(
      (part, i) =>
        new TextRun({
          ...options,
          text: part,
          break: index > 0 && i === 0 ? 1 : 0,
          ...(hasRightToLeft(part) ? { rightToLeft: true } : {}),
        }),
    );
  });
}

/** A paragraph that starts in Arabic or Hebrew reads right to left (`w:bidi`): its start is on the right. */
export function direction(text: string): { bidirectional?: true } {
  return paragraphDirection(text) === "rtl" ? { bidirectional: true } : {};
}

/**
 * A table cell's paragraph of user text that starts right to left is aligned right, runs `w:rtl`,
 * but not `w:bidi`: LibreOffice turns a whole table's columns around when its first cell's
 * paragraph is right to left (seen: the grid's themes in reverse order).
 */
export function cellDirection(text: string): { alignment?: (typeof AlignmentType)["RIGHT"] } {
  return paragraphDirection(text) === "rtl" ? { alignment: AlignmentType.RIGHT } : {};
}

/**
 * User text set among labels on one line, isolated (U+2068 … U+2069) so that a right-to-left
 * name cannot pull the label or the punctuation beside it to its side.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/** A heading in the document's outline (Heading 1, 2, 3 styles), so Word's navigation pane lists it. */
export function heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };
  return new Paragraph({
    heading: levels[level],
    children: runs(text),
    pageBreakBefore,
    keepNext: true,
    ...direction(text),
  });
}

/** Body paragraphs of user text. */
export function body(items: ReportParagraph[]): Paragraph[] {
  return items.map((item) => new Paragraph({ children: runs(item), ...direction(item) }));
}

/** Small grey italic text, such as a caption or a footnote. */
export function note(text: string, colors: DocxColors, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    ...direction(text),
    children: runs(text, { italics: true, size: 17, color: colors.muted }),
    spacing: { before: 80, after: 80 },
    pageBreakBefore,
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/** A tinted box with an accent bar on its left: the goal and the focus question. */
export function callout(label: string, text: string, italics: boolean, colors: DocxColors): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: NONE, bottom: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE, left: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, fill: colors.tint, color: "auto" },
            borders: {
              left: { style: BorderStyle.SINGLE, size: 36, color: colors.accent },
              top: NONE,
              bottom: NONE,
              right: NONE,
            },
            margins: { top: 140, bottom: 140, left: 220, right: 220 },
            children: [
              new Paragraph({
                spacing: { after: 40 },
                children: [
                  new TextRun({
                    text: label,
                    bold: true,
                    allCaps: true,
                    size: 16,
                    color: colors.heading,
                    characterSpacing: 16,
                  }),
                ],
              }),
              new Paragraph({
                spacing: { after: 0 },
                ...cellDirection(text),
                children: runs(text, { italics, bold: !italics, size: 23 }),
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

/** The numbering that bullet lists use: a small hanging indent that suits narrow grid columns. */
export const BULLETS = {
  config: [
    {
      reference: "report-bullets",
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: "•",
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 220, hanging: 180 } } },
        },
      ],
    },
  ],
};

/** A bullet-list item of user text. */
export function bullet(text: string, options: Omit<IRunOptions, "text" | "break"> = {}, inCell = false): Paragraph {
  return new Paragraph({
    ...(inCell ? cellDirection(text) : direction(text)),
    numbering: { reference: "report-bullets", level: 0 },
    spacing: { after: 40 },
    children: runs(text, options),
  });
}

/** An empty paragraph that separates two tables, which Word would otherwise merge. */
export function spacer(after = 120): Paragraph {
  return new Paragraph({ spacing: { before: 0, after }, children: [] });
}
