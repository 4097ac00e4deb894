import { createRequire } from "node:module";
import { FONT, type FontName, fontFiles } from "./fonts.js";

/**
 * What the PDF shows for a character the face drawing it has no glyph for: U+FFFD, the
 * replacement character, which every DejaVu face draws. PDFKit would draw the font's `.notdef`
 * box instead, and writes that glyph's width unscaled (1,229 thousandths of an em for DejaVu,
 * measured as 600), so a line holding such boxes is drawn wider than it was measured and runs
 * past the margin. With every character drawable, what PDFKit measures is what it draws.
 */
export const PLACEHOLDER = "\uFFFD";

interface FontkitFont {
  characterSet: number[];
}

const drawable = new Map<string, Set<number>>();

/**
 * The code points one embedded face can draw, read the first time it is asked for. The faces
 * differ: DejaVu's Oblique faces have no Arabic, which the upright ones draw.
 */
function drawableCodePoints(face: string): Set<number> {
  let known = drawable.get(face);
  if (!known) {
    const data = fontFiles().get(face);
    if (!data) throw new Error(`PDF text drawn in ${face}, which is not an embedded font`);
    // fontkit is PDFKit's own font reader: required from PDFKit's folder, it is the one PDFKit uses.
    const require = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
    const fontkit = require("fontkit") as { create(data: Buffer): FontkitFont };
    known = new Set(fontkit.create(data).characterSet);
    drawable.set(face, known);
  }
  return known;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
/** Zero-width joiners, variation selectors, tags: dropped when the face does not draw them, as they show nothing. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Text the embedded face `face` can draw: each character as a reader sees it (a grapheme: an
 * emoji with its skin tone, a family joined by ZWJ) that holds a code point the face lacks
 * becomes one PLACEHOLDER; line breaks stay, a tab becomes a space, other control characters
 * are dropped.
 */
export function drawableText(text: string, face: FontName): string {
  const known = drawableCodePoints(face);
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\t/g, " ");
  let allKnown = true;
  for (const char of normalized) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char !== "\n" && !known.has(codePoint)) {
      allKnown = false;
      break;
    }
  }
  if (allKnown) return normalized;
  let out = "";
  for (const { segment } of graphemes.segment(normalized)) {
    let kept = "";
    let missing = false;
    for (const char of segment) {
      if (char === "\n" || known.has(char.codePointAt(0) ?? 0)) kept += char;
      else if (!IGNORABLE.test(char) && !/^\p{Cc}$/u.test(char)) missing = true;
    }
    out += missing ? PLACEHOLDER : kept;
  }
  return out;
}

type Measure = (text: string, ...rest: unknown[]) => unknown;

/**
 * Makes `doc` draw and measure every string as `drawableText` gives it for the face then
 * selected, so the same text keeps its Arabic in an upright face and shows U+FFFD in an
 * oblique one. `text`, `heightOfString` and `widthOfString` are where text enters PDFKit; the
 * face is the alias last passed to `font` (the regular face from here on).
 */
export function drawOnlyDrawable(doc: PDFKit.PDFDocument): void {
  let face: FontName = FONT.regular;
  const font = doc.font.bind(doc) as (src: unknown, ...rest: unknown[]) => PDFKit.PDFDocument;
  doc.font = ((src: unknown, ...rest: unknown[]) => {
    face = src as FontName;
    return font(src, ...rest);
  }) as typeof doc.font;
  const sanitized = (measure: Measure): Measure => {
    const original = measure.bind(doc);
    return (text, ...rest) => original(typeof text === "string" ? drawableText(text, face) : text, ...rest);
  };
  doc.text = sanitized(doc.text as Measure) as typeof doc.text;
  doc.heightOfString = sanitized(doc.heightOfString as Measure) as typeof doc.heightOfString;
  doc.widthOfString = sanitized(doc.widthOfString as Measure) as typeof doc.widthOfString;
  doc.font(FONT.regular);
}
