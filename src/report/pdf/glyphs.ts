import { createRequire } from "node:module";
import type { ReportModel } from "../model.js";
import { fontFiles } from "./fonts.js";

/**
 * What the PDF shows for a character its fonts have no glyph for: U+FFFD, the replacement
 * character, which every DejaVu face draws. PDFKit would draw the font's `.notdef` box instead,
 * and writes that glyph's width unscaled (1,229 thousandths of an em for DejaVu, measured as 600),
 * so a line holding such boxes is drawn wider than it was measured and runs past the margin.
 * With every character drawable, what PDFKit measures is what it draws.
 */
export const PLACEHOLDER = "\uFFFD";

interface FontkitFont {
  characterSet: number[];
}

let drawable: Set<number> | undefined;

/** The code points every embedded face can draw (DejaVu's Oblique faces lack Arabic, for one), read once. */
function drawableCodePoints(): Set<number> {
  if (!drawable) {
    // fontkit is PDFKit's own font reader: required from PDFKit's folder, it is the one PDFKit uses.
    const require = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
    const fontkit = require("fontkit") as { create(data: Buffer): FontkitFont };
    const sets = [...fontFiles().values()].map((data) => new Set(fontkit.create(data).characterSet));
    const [first = new Set<number>(), ...rest] = sets;
    drawable = new Set([...first].filter((codePoint) => rest.every((set) => set.has(codePoint))));
  }
  return drawable;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
/** Zero-width joiners, variation selectors, tags: dropped when no face draws them, as they show nothing. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Text the embedded fonts can draw: each character as a reader sees it (a grapheme: an emoji
 * with its skin tone, a family joined by ZWJ) that holds a code point no face has becomes one
 * PLACEHOLDER; line breaks stay, a tab becomes a space, other control characters are dropped.
 */
export function drawableText(text: string): string {
  const known = drawableCodePoints();
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

/** Every string of a value, arrays and plain objects included, through `map`; anything else (a Date) as it is. */
function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === "string") return map(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)])) as T;
  return value;
}

/** The model with all its text drawable by the embedded fonts; the branding (colour, logo data) is left as it is. */
export function drawableModel(model: ReportModel): ReportModel {
  const { branding, ...text } = model;
  return { ...mapStrings(text, drawableText), branding };
}
