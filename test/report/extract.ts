import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import JSZip from "jszip";

/**
 * Reads rendered reports back the way a person's tools would: poppler's pdftotext for PDFs,
 * the Word XML inside a DOCX. Poppler is a system package; without it these tests skip locally
 * and fail in CI (CI=true), like the tests that need the shared example.
 */
export const HAS_POPPLER = spawnSync("pdftotext", ["-v"]).status === 0;
/** For `it.skipIf`: skip without poppler, except in CI where a missing tool must fail. */
export const SKIP_WITHOUT_POPPLER = !HAS_POPPLER && !process.env.CI;
/** LibreOffice, to lay out a DOCX as a word processor would (Debian: libreoffice-writer-nogui); CI installs it. */
export const HAS_SOFFICE = spawnSync("soffice", ["--version"]).status === 0;
export const SKIP_WITHOUT_SOFFICE = (!HAS_SOFFICE || !HAS_POPPLER) && !process.env.CI;

/** Removes all whitespace, so text compares equal however a renderer wrapped or hyphen-broke its lines. */
export const squash = (text: string) => text.replace(/\s+/g, "");

function withPdfFile<T>(pdf: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "concord-report-"));
  try {
    const path = join(dir, "report.pdf");
    writeFileSync(path, pdf);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

/** The PDF's text in content order (`pdftotext -raw`), optionally of some pages or a cropped area. */
export function pdfText(pdf: Uint8Array, options: string[] = []): string {
  return withPdfFile(pdf, (path) => run("pdftotext", ["-raw", "-enc", "UTF-8", ...options, path, "-"]));
}

/**
 * Each DOCX as LibreOffice lays it out, converted to PDF (`soffice --headless --convert-to pdf`),
 * all in one run: LibreOffice takes seconds to start. Its profile is a fresh one under the temp directory.
 */
export function docxAsPdf(docxs: Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), "concord-docx-"));
  try {
    const files = docxs.map((docx, i) => {
      const path = join(dir, `report-${i}.docx`);
      writeFileSync(path, docx);
      return path;
    });
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    run("soffice", ["--headless", profile, "--convert-to", "pdf", "--outdir", join(dir, "pdf"), ...files]);
    return docxs.map((_, i) => readFileSync(join(dir, "pdf", `report-${i}.pdf`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What poppler complains of while reading every page of a PDF (its "Syntax Warning" lines). */
export function pdfWarnings(pdf: Uint8Array): string[] {
  return withPdfFile(pdf, (path) => {
    const result = spawnSync("pdftotext", [path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return result.stderr.split("\n").filter((line) => /warning|error/i.test(line));
  });
}

/** Width and height in points of every page. */
export function pdfPageSizes(pdf: Uint8Array): { width: number; height: number }[] {
  return withPdfFile(pdf, (path) => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [path]))?.[1] ?? 0);
    const info = run("pdfinfo", ["-f", "1", "-l", String(pages), path]);
    return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
  });
}

/** The text of one rectangle of one page (1-based), in points from the top left. */
export function pdfAreaText(pdf: Uint8Array, page: number, area: { x: number; width: number; height: number }): string {
  const box = [
    "-x",
    String(Math.floor(area.x)),
    "-y",
    "0",
    "-W",
    String(Math.floor(area.width)),
    "-H",
    String(area.height),
  ];
  return pdfText(pdf, ["-f", String(page), "-l", String(page), "-r", "72", ...box]);
}

/** `word/document.xml` of a DOCX. */
export async function docxXml(docx: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file("word/document.xml");
  if (!file) throw new Error("no word/document.xml in the DOCX");
  return file.async("string");
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text a reader sees in HTML: tags gone, `<br>` as a line break, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of Word XML as a reader sees it: runs joined, one line per paragraph, bidi isolates (invisible) left out. */
export function xmlText(xml: string): string {
  return xml
    .replace(/[\u2066-\u2069]/g, "")
    .split(/<\/w:p>/)
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? "")).join(""),
    )
    .filter(Boolean)
    .join("\n");
}

/** Every top-level table of the document as rows of cell texts (nested tables are not used by the grid). */
export function docxTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => xmlText(cell[1] ?? "")),
    ),
  );
}

/** Every word poppler finds, with its page's size and its box in points from the page's top left (`pdftotext -bbox`). */
export function pdfWords(
  pdf: Uint8Array,
): { page: number; pageWidth: number; text: string; xMin: number; xMax: number }[] {
  const html = withPdfFile(pdf, (path) => run("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"]));
  const words: { page: number; pageWidth: number; text: string; xMin: number; xMax: number }[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const match of html.matchAll(
    /<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
  )) {
    if (match[1]) {
      page++;
      pageWidth = Number(match[1]);
    } else
      words.push({ page, pageWidth, text: decode(match[4] ?? ""), xMin: Number(match[2]), xMax: Number(match[3]) });
  }
  return words;
}

/** The decompressed content of every Flate stream of a PDF (PDFKit compresses pages, fonts and maps). */
function pdfStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const streams: string[] = [];
  let from = 0;
  for (;;) {
    const start = bytes.indexOf("stream\n", from, "latin1");
    if (start < 0) return streams;
    const end = bytes.indexOf("\nendstream", start, "latin1");
    if (end < 0) return streams;
    try {
      streams.push(inflateSync(bytes.subarray(start + "stream\n".length, end)).toString("latin1"));
    } catch {
      // Not compressed (an image's raw data, or a stream PDFKit wrote as is).
    }
    from = end + "\nendstream".length;
  }
}

/**
 * How many glyphs drawn on the pages are glyph 0, `.notdef` (an empty box): PDFKit writes each
 * glyph as the 4-hex-digit id in its font's subset, where `.notdef` is always 0000.
 */
export function pdfNotdefCount(pdf: Uint8Array): number {
  let count = 0;
  for (const stream of pdfStreams(pdf))
    for (const show of stream.matchAll(/\[([^\]]*)\] TJ/g))
      for (const hex of (show[1] ?? "").matchAll(/<([0-9a-f]+)>/g))
        count += (hex[1]?.match(/.{4}/g) ?? []).filter((glyph) => glyph === "0000").length;
  return count;
}

/**
 * For each ToUnicode map of the PDF, how many different glyphs stand for `char`: one when the
 * letter is drawn the same everywhere, several when it takes its joining forms (Arabic shaping).
 */
export function glyphsForChar(pdf: Uint8Array, char: string): number[] {
  const code = (char.codePointAt(0) ?? 0).toString(16).padStart(4, "0");
  return pdfStreams(pdf)
    .filter((stream) => stream.includes("begincmap"))
    .map((cmap) => {
      let glyphs = 0;
      for (const range of cmap.matchAll(/<[0-9a-f]+> <[0-9a-f]+> \[([^\]]*)\]/gi))
        glyphs += [...(range[1] ?? "").matchAll(/<([0-9a-f]+)>/gi)].filter((m) => m[1]?.toLowerCase() === code).length;
      return glyphs;
    });
}

/** `pdfinfo`'s report of a PDF, with its logical structure tree (`-struct`) when it is tagged. */
export function pdfInfo(pdf: Uint8Array, options: string[] = []): string {
  return withPdfFile(pdf, (path) => run("pdfinfo", [...options, path]));
}
