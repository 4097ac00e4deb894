/**
 * The PDF's logical structure, as far as PDFKit's marked content allows: the cover, then one
 * `Sect` per section, each an `H1` (also a bookmark in the outline) and a `Div` holding all that
 * the section draws, across pages. PDFKit cannot nest marked content (starting a marked sequence
 * ends the one open), so a section's paragraphs, grid and tables are not tagged one by one.
 * The page footers are artifacts, which screen readers skip.
 */

interface OpenSection {
  sect: PDFKit.PDFStructureElement;
  body: PDFKit.PDFStructureElement;
  content: PDFKit.PDFStructureContent;
}

const open = new WeakMap<PDFKit.PDFDocument, OpenSection>();

/** Ends the section being drawn, if any: its content is complete. */
export function endSection(doc: PDFKit.PDFDocument): void {
  const section = open.get(doc);
  if (!section) return;
  open.delete(doc);
  doc.endMarkedContent();
  section.body.add(section.content);
  section.body.end();
  section.sect.end();
}

/**
 * Starts a section: ends the one before, draws its heading (if it has one) as an `H1` and a
 * bookmark, then marks all that follows as the section's body until the next one starts.
 * Without a heading, `draw` is the start of the body.
 */
export function startSection(doc: PDFKit.PDFDocument, heading: string | undefined, draw: () => void): void {
  endSection(doc);
  const sect = doc.struct("Sect");
  doc.addStructure(sect);
  if (heading !== undefined) {
    doc.outline.addItem(heading);
    const h1 = doc.struct("H1");
    sect.add(h1);
    const content = doc.markStructureContent("H1");
    draw();
    doc.endMarkedContent();
    h1.add(content);
    h1.end();
  }
  const body = doc.struct("Div");
  sect.add(body);
  open.set(doc, { sect, body, content: doc.markStructureContent("Div") });
  if (heading === undefined) draw();
}

/** Draws something outside the structure (a page footer), as a pagination artifact. */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent("Artifact", { type: "Pagination" });
  draw();
  doc.endMarkedContent();
}
