import { hasRightToLeft, paragraphDirection } from "../textDirection.js";
import { mapShapedGlyphs, type EmbeddedFont as ShapingFont } from "./shapedText.js";
import { type LinePiece, visualRuns } from "./visualOrder.js";

interface EmbeddedFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  ascender: number;
}

interface FragmentOptions {
  align?: string;
  lineWidth?: number;
  characterSpacing?: number;
  features?: unknown;
  textWidth?: number;
  wordCount?: number;
  wordSpacing?: number;
  baseline?: number;
}

interface Internals {
  _fragment(text: string, x: number, y: number, options: FragmentOptions): void;
  _font: EmbeddedFont;
  _fontSize: number;
  _wrapper: unknown;
}

interface Fragment {
  text: string;
  x: number;
  y: number;
  options: FragmentOptions;
  font: EmbeddedFont;
  size: number;
}

/** Draws text holding right-to-left letters, or drawn in several faces, line by line; any other text goes straight to PDFKit. */
export interface RightToLeft {
  /**
   * Runs `draw` (one PDFKit `text` call of `value` per face, `faces` of them) with its lines
   * drawn in visual order, every face on the baseline of the face selected now.
   */
  drawing<T>(value: string, options: { align?: string; continued?: boolean }, faces: number, draw: () => T): T;
}

/**
 * PDFKit wraps lines in reading order and draws each one left to right, its words in the order
 * typed: a Hebrew or Arabic sentence read backwards. Here the pieces of a line (one per face, as `glyphs.ts`
 * splits them) are held back until the line is complete, then drawn run by run in the order
 * the bidi algorithm gives (`visualOrder.ts`), each Arabic or Hebrew run laid out whole so that
 * fontkit shapes and reverses it. A paragraph that starts right to left is aligned to the right.
 * Text in several faces (emoji, CJK) is held the same way, to put all faces on one baseline.
 * Line breaking and measuring are PDFKit's own: the order of a line's runs does not change its width.
 */
export function drawRightToLeft(doc: PDFKit.PDFDocument): RightToLeft {
  const internals = doc as unknown as Internals;
  const fragment = internals._fragment.bind(doc);
  let active: { direction: "ltr" | "rtl"; alignRight: boolean; base: EmbeddedFont } | undefined;
  let line: Fragment[] = [];

  const flush = () => {
    const pieces = line;
    line = [];
    const first = pieces[0];
    if (!first || !active) return;
    const { font: savedFont, size: savedSize } = { font: internals._font, size: internals._fontSize };
    const last = pieces[pieces.length - 1];
    if (last) last.text = last.text.replace(/\s+$/, "");
    const runs = visualRuns<Fragment>(
      pieces.map((piece): LinePiece<Fragment> => ({ text: piece.text, face: piece })),
      active.direction,
    );
    const spacing = first.options.characterSpacing ?? 0;
    const widthOf = (text: string, piece: Fragment, whole: boolean) =>
      piece.font.widthOfString(text, piece.size, whole ? [] : piece.options.features) + spacing * text.length;
    const total = runs.reduce((sum, run) => sum + widthOf(run.text, run.face, run.whole), 0);
    const room = first.options.lineWidth ?? total;
    const align = active.alignRight && (first.options.align ?? "left") === "left" ? "right" : first.options.align;
    let x = align === "right" ? first.x + room - total : align === "center" ? first.x + (room - total) / 2 : first.x;
    for (const run of runs) {
      internals._font = run.face.font;
      internals._fontSize = run.face.size;
      const width = widthOf(run.text, run.face, run.whole);
      // Shaped glyphs copy out as the letters typed (shapedText.ts).
      if (run.whole) mapShapedGlyphs(run.face.font as unknown as ShapingFont);
      // The width given, PDFKit measures nothing: a measure would go through glyphs.ts and select another face.
      fragment(run.text, x, run.face.y, {
        ...run.face.options,
        align: "left",
        wordSpacing: 0,
        textWidth: width,
        wordCount: run.text.trim().split(/\s+/).length,
        // Every face on the baseline of the face asked for: PDFKit hangs each from its own ascender.
        baseline: -(active.base.ascender / 1000) * run.face.size,
        features: run.whole ? [] : run.face.options.features,
      });
      x += width;
    }
    internals._font = savedFont;
    internals._fontSize = savedSize;
  };

  internals._fragment = (text, x, y, options) => {
    if (!active) return fragment(text, x, y, options);
    if (line[0] && line[0].y !== y) flush();
    line.push({ text, x, y, options: { ...options }, font: internals._font, size: internals._fontSize });
  };
  // A page break comes between two lines: the held line belongs to the page before it.
  const addPage = doc.addPage.bind(doc);
  doc.addPage = ((...args: Parameters<typeof doc.addPage>) => {
    flush();
    return addPage(...args);
  }) as typeof doc.addPage;

  return {
    drawing(value, options, faces, draw) {
      if (active || (faces < 2 && !hasRightToLeft(value))) return draw();
      const direction = paragraphDirection(value);
      // Right-aligned only when the paragraph is all of its lines: not when it continues a label on the same line.
      const alignRight = direction === "rtl" && !internals._wrapper && !options.continued;
      active = { direction, alignRight, base: internals._font };
      try {
        return draw();
      } finally {
        flush();
        active = undefined;
      }
    },
  };
}
