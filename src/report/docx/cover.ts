import {
  AlignmentType,
  BorderStyle,
  type Paragraph as DocxParagraph,
  HeadingLevel,
  ImageRun,
  Paragraph,
  TextRun,
} from "docx";
import { translate } from "../i18n.js";
import { fitWithin, imageSize } from "../logo.js";
import type { ReportModel } from "../model.js";
import { type DocxColors, direction, isolated, runs } from "./blocks.js";

/** The logo's box on the cover, in pixels at 96 dpi as Word measures images. */
const LOGO_BOX = { width: 200, height: 80 } as const;

/** The cover: logo, title, "organization | event", then the front matter (who it is for, the date, who prepared and facilitated it, who took part). */
export function coverBlocks(model: ReportModel, colors: DocxColors): DocxParagraph[] {
  const blocks: DocxParagraph[] = [];
  const logo = logoParagraph(model);
  if (logo) blocks.push(logo);
  blocks.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      border: { top: { style: BorderStyle.SINGLE, size: 48, color: colors.accent, space: 12 } },
      ...direction(model.title),
      children: runs(model.title),
    }),
  );
  if (model.subtitle)
    blocks.push(
      new Paragraph({ spacing: { after: 240 }, children: runs(model.subtitle, { size: 26, color: colors.muted }) }),
    );
  model.frontMatter.forEach((line, index, all) => {
    blocks.push(
      new Paragraph({
        spacing: { after: index === all.length - 1 ? 360 : 40 },
        children: [new TextRun({ text: `${line.label} `, bold: true }), ...runs(isolated(line.value))],
      }),
    );
  });
  return blocks;
}

/** The logo, right-aligned and scaled to its box; a logo whose size cannot be read is left out. */
function logoParagraph(model: ReportModel): Paragraph | undefined {
  const logo = model.branding.logo;
  if (!logo) return undefined;
  const data = Buffer.from(logo.dataBase64, "base64");
  const size = imageSize(data);
  if (!size) return undefined;
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [
      new ImageRun({
        type: logo.mediaType === "image/png" ? "png" : "jpg",
        data,
        transformation: fitWithin(size, LOGO_BOX),
        altText: {
          // The document's only drawing. Without an id, docx numbers drawings with a counter shared by
          // the whole process, so a second report would differ from the first.
          id: "1",
          name: "logo",
          title: "logo",
          description: translate(model.language, "logo", { organization: model.organization }),
        },
      }),
    ],
  });
}
