import { bidi, hasRightToLeft } from "../textDirection.js";

/** A stand-in of the same bidi class for each UTF-16 unit of an astral character, which bidi-js reads unit by unit. */
const STAND_IN: Partial<Record<string, string>> = {
  L: "A",
  R: "\u05D0",
  AL: "\u0627",
  EN: "0",
  AN: "\u0660",
  NSM: "\u0300",
};

function bmpStandIn(text: string): string {
  let out = "";
  for (const char of text) {
    if (char.length === 1) out += char;
    else {
      const standIn = STAND_IN[bidi.getBidiCharTypeName(char)] ?? "!";
      out += standIn.repeat(char.length);
    }
  }
  return out;
}

/** A piece of one line, in one face: what PDFKit was about to draw, and where. */
export interface LinePiece<Face> {
  text: string;
  face: Face;
}

/** A stretch of one piece, as it is drawn left to right, and whether fontkit must reverse it itself. */
export interface VisualRun<Face> {
  /** The characters to hand to fontkit, which reverses a run of a right-to-left script. */
  text: string;
  face: Face;
  /** Whether to lay the run out whole (fontkit then reverses it), rather than word by word. */
  whole: boolean;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
const reversed = (text: string) =>
  [...graphemes.segment(text)]
    .map((part) => part.segment)
    .reverse()
    .join("");

/**
 * The runs of one line from left to right, by the Unicode bidi algorithm (bidi-js) in the
 * paragraph's direction: a right-to-left word after the one it follows, mirrored brackets, digits
 * left to right inside Arabic. fontkit shapes each run and reverses a run of a right-to-left
 * script on its own, so such a run is handed over in reading order; any other run that must read
 * right to left is reversed here, grapheme by grapheme.
 */
export function visualRuns<Face>(pieces: LinePiece<Face>[], direction: "ltr" | "rtl"): VisualRun<Face>[] {
  const line = pieces.map((piece) => piece.text).join("");
  if (!line) return [];
  const owner: number[] = pieces.flatMap((piece, index) => Array.from({ length: piece.text.length }, () => index));
  const proxy = bmpStandIn(line);
  const levels = bidi.getEmbeddingLevels(proxy, direction);
  const mirrored = bidi.getMirroredCharactersMap(proxy, levels.levels);
  const order = bidi.getReorderedIndices(proxy, levels, 0, line.length - 1);
  // Consecutive indices of one piece at one level: one logical stretch of the line.
  const stretches: { piece: number; level: number; from: number; to: number }[] = [];
  for (const index of order) {
    const piece = owner[index] ?? 0;
    const level = levels.levels[index] ?? 0;
    const last = stretches[stretches.length - 1];
    const step = level % 2 === 1 ? -1 : 1;
    if (last && last.piece === piece && last.level === level && index === (step > 0 ? last.to + 1 : last.from - 1)) {
      if (step > 0) last.to = index;
      else last.from = index;
    } else stretches.push({ piece, level, from: index, to: index });
  }
  return stretches.map(({ piece, level, from, to }) => {
    let text = "";
    for (let i = from; i <= to; i++) text += mirrored.get(i) ?? line[i];
    const rightToLeft = level % 2 === 1;
    const fontkitReverses = hasRightToLeft(text);
    const face = pieces[piece]?.face as Face;
    return { text: rightToLeft === fontkitReverses ? text : reversed(text), face, whole: fontkitReverses };
  });
}
