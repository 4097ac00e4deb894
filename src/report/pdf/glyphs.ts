import { createRequire } from "node:module";
import { FALLBACK, type FaceName, FONT, type FontName, fontFiles } from "./fonts.js";
import { drawRightToLeft } from "./rightToLeft.js";

/**
 * What the PDF shows for a character no embedded face can draw (Hangul, for one): U+FFFD, which
 * every DejaVu face draws. PDFKit would draw the font's `.notdef` box instead, and write that
 * glyph's width unscaled, so a line holding such boxes would run past the margin it was measured for.
 */
export const PLACEHOLDER = "\uFFFD";

interface FontkitFont {
  characterSet: number[];
}

const drawable = new Map<string, Set<number>>();

/** The code points one embedded face can draw, read the first time it is asked for. */
function drawableCodePoints(face: FaceName): Set<number> {
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

/** A stretch of text drawn in one face. */
export interface FontRun {
  face: FaceName;
  text: string;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** A script, and its regular and bold faces. */
const SCRIPT_FACES: [RegExp, FaceName, FaceName][] = [
  [/\p{Script=Arabic}/u, FALLBACK.arabic, FALLBACK.arabicBold],
  [/\p{Script=Hebrew}/u, FALLBACK.hebrew, FALLBACK.hebrewBold],
];
/** Zero-width joiners, variation selectors, tags: kept where the face draws them, else dropped, as they show nothing. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** The grapheme as `face` draws it, or undefined when the face lacks one of its visible code points. */
function inFace(segment: string, face: FaceName): string | undefined {
  const known = drawableCodePoints(face);
  let kept = "";
  for (const char of segment) {
    if (char === "\n" || known.has(char.codePointAt(0) ?? 0)) kept += char;
    else if (!IGNORABLE.test(char) && !/^\p{Cc}$/u.test(char)) return undefined;
  }
  return kept;
}

/**
 * Splits text into runs of the faces that draw it: Arabic and Hebrew in Noto Sans Arabic and
 * Hebrew of the same weight; the rest in the face asked for; for what it lacks, the upright
 * DejaVu Sans, Noto Emoji, then Noto Sans SC;
 * each character as a reader sees it (an emoji with its skin tone, a family joined by ZWJ)
 * stays whole. Line breaks stay, a tab becomes a space, other control characters (bidi
 * overrides included) are dropped, and a character no face has becomes one PLACEHOLDER.
 */
export function fontRuns(text: string, face: FontName): FontRun[] {
  // The bidi algorithm orders each line as drawn (rightToLeft.ts): embeddings, overrides and isolates would only mislead it.
  const normalized = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "");
  const known = drawableCodePoints(face);
  // Arabic and Hebrew go to their own faces even where the face asked for has them.
  const ownFaces = SCRIPT_FACES.some(([script]) => script.test(normalized));
  const allKnown = !ownFaces && [...normalized].every((char) => char === "\n" || known.has(char.codePointAt(0) ?? 0));
  if (allKnown) return [{ face, text: normalized }];
  const faces: FaceName[] = [face, FONT.regular, FALLBACK.emoji, FALLBACK.cjk];
  const bold = face === FONT.bold || face === FONT.condensedBold;
  const runs: FontRun[] = [];
  for (const { segment } of graphemes.segment(normalized)) {
    let chosen: FontRun = { face, text: PLACEHOLDER };
    const script = SCRIPT_FACES.find(([pattern]) => pattern.test(segment));
    // Spaces stay in the face asked for, where lines are measured and broken.
    if (/^\s+$/u.test(segment)) chosen = { face, text: segment };
    else
      for (const candidate of script ? [script[bold ? 2 : 1], ...faces] : faces) {
        const shown = inFace(segment, candidate);
        if (shown !== undefined) {
          chosen = { face: candidate, text: shown };
          break;
        }
      }
    const last = runs[runs.length - 1];
    if (last && last.face === chosen.face) last.text += chosen.text;
    else if (chosen.text) runs.push(chosen);
  }
  return runs.length > 0 ? runs : [{ face, text: "" }];
}

/** The text as drawn, all runs joined: what a reader copies out of the PDF. */
export function drawableText(text: string, face: FontName): string {
  return fontRuns(text, face)
    .map((run) => run.text)
    .join("");
}

type Call = (...args: unknown[]) => unknown;
interface TextInternals {
  _text(text: string, x: number, y: number, options: object, lineCallback: () => void): unknown;
  _lineGap: number;
  _fontSize: number;
  _fontFamilies: Partial<Record<string, { lineHeight(size: number, includeGap?: boolean): number }>>;
}

/**
 * Makes `doc` draw and measure every string in the faces `fontRuns` picks for the face then
 * selected: one run goes straight to PDFKit; several are written as continued text, so PDFKit
 * wraps the line across faces, and are measured the same way. Lines with right-to-left text
 * are drawn in visual order (`rightToLeft.ts`). `text`, `heightOfString` and
 * `widthOfString` are where text enters PDFKit; the face is the alias last passed to `font`.
 */
export function drawWithFallbacks(doc: PDFKit.PDFDocument): void {
  let face: FontName = FONT.regular;
  // The face set now: a fallback while PDFKit wraps one of its runs, and measures words with the calls below.
  let current: FaceName = face;
  const original = doc.font.bind(doc) as (src: unknown, ...rest: unknown[]) => PDFKit.PDFDocument;
  const font = (src: FaceName) => {
    current = src;
    return original(src);
  };
  doc.font = ((src: unknown, ...rest: unknown[]) => {
    face = src as FontName;
    current = face;
    return original(src, ...rest);
  }) as typeof doc.font;
  const text = doc.text.bind(doc) as Call;
  const heightOfString = doc.heightOfString.bind(doc) as Call;
  const widthOfString = doc.widthOfString.bind(doc) as Call;
  const internals = doc as unknown as TextInternals;
  const rightToLeft = drawRightToLeft(doc);
  // Lines are as tall as the face asked for makes them, whatever fallback face ends them (Noto Sans
  // Arabic's are half as tall again): measured and drawn alike, and "…" added only where measured.
  const currentLineHeight = doc.currentLineHeight.bind(doc);
  doc.currentLineHeight = ((includeGap?: boolean) => {
    const asked = internals._fontFamilies[face];
    return asked ? asked.lineHeight(internals._fontSize, includeGap) : currentLineHeight(includeGap);
  }) as typeof doc.currentLineHeight;
  const inFaces = <T>(runs: FontRun[], each: (run: FontRun, index: number) => T): T[] => {
    const selected = current;
    try {
      return runs.map((run, index) => {
        font(run.face);
        return each(run, index);
      });
    } finally {
      font(selected);
    }
  };
  doc.text = ((value: unknown, ...rest: unknown[]) => {
    if (typeof value !== "string") return text(value, ...rest);
    const runs = fontRuns(value, face);
    const [x, y, options] = typeof rest[0] === "object" ? [undefined, undefined, rest[0]] : rest;
    const base = (options ?? {}) as { continued?: boolean; align?: string };
    return rightToLeft.drawing(value, base, runs.length, () => {
      if (runs.length === 1) return inFaces(runs, (run) => text(run.text, ...rest))[0];
      inFaces(runs, (run, i) => {
        const continued = i < runs.length - 1 ? true : (base.continued ?? false);
        return i === 0 ? text(run.text, x, y, { ...base, continued }) : text(run.text, { ...base, continued });
      });
      return doc;
    });
  }) as typeof doc.text;
  doc.heightOfString = ((value: unknown, options?: { lineGap?: number }) => {
    if (typeof value !== "string") return heightOfString(value, options);
    const runs = fontRuns(value, face);
    if (runs.length === 1) return inFaces(runs, (run) => heightOfString(run.text, options))[0];
    // As PDFKit's own heightOfString does, with the runs written as continued text into one line wrapper.
    const { x, y } = doc;
    const lineGap = options?.lineGap ?? internals._lineGap ?? 0;
    inFaces(runs, (run, i) =>
      internals._text(
        run.text,
        doc.x,
        doc.y,
        { ...options, height: Number.POSITIVE_INFINITY, continued: i < runs.length - 1 },
        () => {
          doc.y += doc.currentLineHeight(true) + lineGap;
        },
      ),
    );
    const height = doc.y - y;
    doc.x = x;
    doc.y = y;
    return height;
  }) as typeof doc.heightOfString;
  doc.widthOfString = ((value: unknown, ...rest: unknown[]) => {
    if (typeof value !== "string") return widthOfString(value, ...rest);
    return inFaces(fontRuns(value, face), (run) => widthOfString(run.text, ...rest) as number).reduce(
      (sum, width) => sum + width,
      0,
    );
  }) as typeof doc.widthOfString;
  doc.font(FONT.regular);
}
