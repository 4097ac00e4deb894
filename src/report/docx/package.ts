/**
 * What makes a Word file the same bytes each time it is rendered. The docx package writes the
 * current time in two places and offers no option for either: `docProps/core.xml`'s created and
 * modified dates (replaced here through `Packer`'s overrides), and the date of every entry of the
 * zip file (set here afterwards, in the zip's headers; no data or checksum covers them).
 */

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

/** Escapes text for XML as the docx package does: markup characters as entities, control characters XML forbids dropped. */
function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => XML_ESCAPES[char] ?? "");
}

/** The document's core properties (title, author, description) as the docx package writes them, dated `date`. */
export function corePropertiesXml(
  properties: { title: string; creator: string; description: string },
  date: Date,
): { path: string; data: string } {
  const element = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : "");
  const stamp = (name: string) =>
    `<${name} xsi:type="dcterms:W3CDTF">${date.toISOString().replace(/\.\d{3}Z$/, "Z")}</${name}>`;
  return {
    path: "docProps/core.xml",
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      element("dc:title", properties.title) +
      element("dc:creator", properties.creator) +
      element("dc:description", properties.description) +
      element("cp:lastModifiedBy", properties.creator) +
      element("cp:revision", "1") +
      stamp("dcterms:created") +
      stamp("dcterms:modified") +
      "</cp:coreProperties>",
  };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * Dates every entry of a zip file `date` (its UTC day, at midnight; MS-DOS dates start in 1980),
 * in the central directory and in each entry's local header. Changes `zip` in place.
 */
export function setZipEntryDates(zip: Uint8Array, date: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const sameYear = year === date.getUTCFullYear();
  const dosDate =
    ((year - 1980) << 9) | ((sameYear ? date.getUTCMonth() + 1 : 1) << 5) | (sameYear ? date.getUTCDate() : 1);
  const dosTime = 0;
  // The end record is the last 22 bytes, unless a comment follows it (at most 65,535 bytes).
  let end = zip.length - 22;
  while (end >= 0 && end >= zip.length - 22 - 0xffff && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0 || view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) throw new Error("not a zip file");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < entries; index++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error("malformed zip central directory");
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error("malformed zip entry");
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
