import {
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
} from "docx";
import type { ReportModel } from "../model.js";
import {
  BULLETS,
  body,
  bullet,
  callout,
  type DocxColors,
  direction,
  docxColors,
  heading,
  isolated,
  runs,
  spacer,
} from "./blocks.js";
import { coverBlocks } from "./cover.js";
import { fullTextBlocks, GRID_WIDTH, gridBlocks } from "./grid.js";
import { corePropertiesXml, setZipEntryDates } from "./package.js";
import { prioritizationBlocks } from "./prioritization.js";

/** Word's page geometry in twips: US Letter, with wider margins in portrait than on the grid's landscape pages. */
const LETTER = { width: 12240, height: 15840 } as const;
const PORTRAIT_MARGIN = 1080;
const LANDSCAPE_MARGIN = 720;

/**
 * Renders the report as a Word document with real headings and tables: a portrait section for
 * the front matter, a landscape one for the theme grid, and a portrait one for the rest.
 */
export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
  const colors = docxColors(model);
  const { labels } = model;
  const footer = pageFooter(model, colors);
  const portrait = (children: FileChild[]) => ({
    properties: {
      page: { size: { ...LETTER, orientation: PageOrientation.PORTRAIT }, margin: margins(PORTRAIT_MARGIN) },
    },
    footers: { default: footer(LETTER.width - 2 * PORTRAIT_MARGIN) },
    children,
  });
  const front: FileChild[] = [...coverBlocks(model, colors)];
  const overview = [...model.overview, ...model.method];
  if (overview.length > 0) front.push(heading(labels.overview, 1), ...body(overview));
  if (model.goal) front.push(callout(labels.goal, model.goal, false, colors), spacer());
  if (model.focusQuestion) front.push(callout(labels.focusQuestion, model.focusQuestion, true, colors), spacer());

  const rest: FileChild[] = [...fullTextBlocks(model, colors)];
  const summaries = model.themes.filter((theme) => theme.headline || theme.narrative.length > 0);
  if (summaries.length > 0) rest.push(heading(labels.themeSummaries, 1));
  for (const theme of summaries) {
    rest.push(heading(theme.name, 2));
    if (theme.headline)
      rest.push(
        new Paragraph({
          keepNext: true,
          ...direction(theme.headline),
          children: runs(theme.headline, { bold: true, allCaps: true, characterSpacing: 6 }),
        }),
      );
    rest.push(...body(theme.narrative));
  }
  if (model.unclustered.length > 0)
    rest.push(
      heading(labels.unclustered, 1),
      ...body([labels.unclusteredIntro]),
      ...model.unclustered.map((card) => bullet(card.text)),
    );
  if (model.reflections.length > 0) rest.push(heading(labels.reflections, 1), ...body(model.reflections));
  // What the room chose comes before what it will do next, as in the PDF.
  if (model.prioritization) rest.push(...prioritizationBlocks(model, model.prioritization, colors));
  if (model.ballotPrioritization) rest.push(...prioritizationBlocks(model, model.ballotPrioritization, colors));
  if (model.nextSteps.length > 0) rest.push(heading(labels.nextSteps, 1), ...body(model.nextSteps));

  const grid = gridBlocks(model, colors);
  const landscape = {
    properties: {
      page: {
        size: { ...LETTER, orientation: PageOrientation.LANDSCAPE },
        margin: margins(LANDSCAPE_MARGIN),
      },
    },
    footers: { default: footer(GRID_WIDTH) },
    children: grid,
  };
  const properties = { title: model.title, creator: model.preparedBy || "Concord", description: model.subtitle };
  const doc = new Document({
    ...properties,
    styles: styles(model, colors),
    numbering: BULLETS,
    sections: [portrait(front), ...(grid.length > 0 ? [landscape] : []), ...(rest.length > 0 ? [portrait(rest)] : [])],
  });
  // Dated from the workshop, not the clock, so the same workshop gives the same bytes.
  const docx = await Packer.toBuffer(doc, false, [corePropertiesXml(properties, model.createdAt)]);
  setZipEntryDates(docx, model.createdAt);
  return docx;
}

function margins(size: number) {
  return { top: size, bottom: size, left: size, right: size, header: 500, footer: 500 };
}

/** "Title ⟶ Page n of N" with Word fields, so the numbers stay right however the document is edited. */
function pageFooter(model: ReportModel, colors: DocxColors) {
  const parts = model.labels.page.split(/(\{\{page\}\}|\{\{pages\}\})/);
  return (width: number) =>
    new Footer({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: width }],
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: colors.rule, space: 6 } },
          children: [
            new TextRun({ text: isolated(model.title), size: 15, color: colors.muted }),
            new TextRun({
              size: 15,
              color: colors.muted,
              children: [
                "\t",
                ...parts.map((part) =>
                  part === "{{page}}" ? PageNumber.CURRENT : part === "{{pages}}" ? PageNumber.TOTAL_PAGES : part,
                ),
              ],
            }),
          ],
        }),
      ],
    });
}

function styles(model: ReportModel, colors: DocxColors) {
  const font = "Calibri";
  return {
    default: {
      document: {
        run: { font, size: 21, color: colors.ink, language: { value: model.locale } },
        // LibreOffice reads a line spacing without its rule as exact, which overlaps large text.
        paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font, size: 48, bold: true, color: colors.heading }, paragraph: { spacing: { after: 80 } } },
      heading1: {
        run: { font, size: 32, bold: true, color: colors.heading },
        paragraph: {
          spacing: { before: 360, after: 160 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: colors.accent, space: 4 } },
        },
      },
      heading2: {
        run: { font, size: 26, bold: true, color: colors.heading },
        paragraph: { spacing: { before: 280, after: 80 } },
      },
      heading3: {
        run: { font, size: 22, bold: true, color: colors.heading },
        paragraph: { spacing: { before: 200, after: 60 } },
      },
    },
  };
}
