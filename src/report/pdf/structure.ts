/**
 * The PDF's logical structure, as far as PDFKit's marked content allows: in one `Document`, the
 * cover, then one `Sect` per section, each an `H1` (also a bookmark in the outline) and a `Div` holding all that
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
/** The one `Document` element at the root of the structure tree, which the sections sit in. */
const roots = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFStructureElement>();

function rootOf(doc: PDFKit.PDFDocument): PDFKit.PDFStructureElement {
  let root = roots.get(doc);
  if (!root) {
    root = doc.struct("Document");
    doc.addStructure(root);
    roots.set(doc, root);
  }
  return root;
}

/** Ends the last section and the document's structure: nothing more is tagged. */
export function endStructure(doc: PDFKit.PDFDocument): void {
  endSection(doc);
  roots.get(doc)?.end();
}

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
  rootOf(doc).add(sect);
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

interface PageMarkings {
  page: unknown;
  endPageMarkings(page: unknown): unknown[];
  initPageMarkings(markings: unknown[]): void;
}

/**
 * Makes every new page continue the marked content open on the page before. PDFKit does so only
 * for pages its line wrapper adds: after an `addPage` of ours, the section's `Div` stayed open on
 * the old page, what followed was untagged, and the section's end wrote an `EMC` with no
 * `BDC` on the new page (poppler: "Mismatched EMC operator").
 */
export function continueMarkingsOnNewPages(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as PageMarkings;
  const addPage = doc.addPage.bind(doc);
  doc.addPage = ((options?: PDFKit.PDFDocumentOptions) => {
    const markings = internals.page ? internals.endPageMarkings(internals.page) : [];
    addPage(options);
    internals.initPageMarkings(markings);
    return doc;
  }) as typeof doc.addPage;
}

/** Draws something outside the structure (a page footer), as a pagination artifact. */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent("Artifact", { type: "Pagination" });
  draw();
  doc.endMarkedContent();
}
