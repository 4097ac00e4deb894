interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** The parts of PDFKit's embedded font (`EmbeddedFont`) that write glyphs and their ToUnicode map. */
export interface EmbeddedFont {
  font: { layout(text: string, features?: unknown): { glyphs: FontkitGlyph[]; direction?: string } };
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: number[];
  unicode: number[][];
  scale: number;
}

const ARABIC = /\p{Script=Arabic}/u;
const mapped = new WeakSet<EmbeddedFont>();

/**
 * Makes `font` write each shaped Arabic glyph with the letters it stands for in the text drawn.
 * PDFKit maps a glyph to the code points fontkit gives the first time it is used, once per font:
 * Noto Sans Arabic draws ذ as the glyph of د plus a dot, ج as ح plus a dot, medial ي as a dotless
 * tooth plus two dots, so one glyph stands for several letters and the copied text was wrong
 * ("حذيقة" for "حديقة"). Here every glyph of Arabic text is matched to its letters in the
 * string, and a glyph that stands for other letters than before is written again under a new
 * id of the subset, with its own ToUnicode entry. Dots and other marks the font adds map to
 * nothing, as they were not typed.
 */
export function mapShapedGlyphs(font: EmbeddedFont): void {
  if (mapped.has(font)) return;
  mapped.add(font);
  const encode = font.encode.bind(font);
  const ids = new Map<string, number>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const letters = ARABIC.test(text) ? lettersOfGlyphs(font, text, features) : undefined;
    if (!letters || letters.length !== glyphs.length) return encode(text, features);
    const hex = glyphs.map((glyph, index) => {
      const typed = letters[index] ?? "";
      const key = `${glyph.id}:${typed}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = font.subset.includeGlyph(glyph.id);
        const known = font.unicode[id];
        if (known && String.fromCodePoint(...known) !== typed) {
          // The same outline, a second time in the subset: a glyph id has one ToUnicode entry.
          font.subset.glyphs.push(glyph.id);
          id = font.subset.glyphs.length - 1;
        }
        font.widths[id] ??= glyph.advanceWidth * font.scale;
        font.unicode[id] ??= [...typed].map((char) => char.codePointAt(0) ?? 0);
        ids.set(key, id);
      }
      return `0000${id.toString(16)}`.slice(-4);
    });
    return [hex, positions];
  };
}

/**
 * The letters of `text` that each glyph PDFKit draws for it stands for, in the glyphs' order, or
 * undefined when they cannot be matched. PDFKit lays text out a word at a time (a word with the
 * space after it), fontkit puts a right-to-left word's glyphs in visual order, and each glyph
 * carries as many code points as letters it draws: one, two for a ligature such as lam-alef,
 * none for a dot the font adds to a dotless shape.
 */
function lettersOfGlyphs(font: EmbeddedFont, text: string, features: unknown): string[] | undefined {
  const letters: string[] = [];
  for (const word of text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? []) {
    const run = font.font.layout(word, features);
    const rightToLeft = run.direction === "rtl";
    const logical = rightToLeft ? [...run.glyphs].reverse() : run.glyphs;
    const chars = [...word];
    let at = 0;
    const typed = logical.map((glyph) => {
      const part = chars.slice(at, at + glyph.codePoints.length).join("");
      at += glyph.codePoints.length;
      return part;
    });
    if (at !== chars.length) return undefined;
    letters.push(...(rightToLeft ? typed.reverse() : typed));
  }
  return letters;
}
