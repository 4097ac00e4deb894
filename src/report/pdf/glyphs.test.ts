import { describe, expect, it } from "vitest";
import { FONT } from "./fonts.js";
import { drawableText, PLACEHOLDER } from "./glyphs.js";

const ALL_FACES = Object.values(FONT);

describe("text the PDF's fonts can draw", () => {
  it("keeps what every DejaVu face draws: French, Greek, Cyrillic, Hebrew, typographic marks, a smiley, a heart with its emoji selector", () => {
    for (const face of ALL_FACES)
      for (const text of [
        "Équipe d’été « 1er » — 12\u00a0%\u202f!",
        "Ελληνικά, Русский, עברית",
        "😀 ❤️",
        "e\u0301",
        "a\nb",
      ])
        expect(drawableText(text, face)).toBe(text);
  });

  it("replaces each character it cannot draw, as a reader counts them, by one placeholder", () => {
    for (const face of ALL_FACES) {
      expect(drawableText("東京 ok", face)).toBe(`${PLACEHOLDER}${PLACEHOLDER} ok`);
      // A thumb with a skin tone, a family joined by ZWJ, a flag: one character each.
      expect(drawableText("a👍🏽b👨‍👩‍👧c🇨🇦d", face)).toBe(`a${PLACEHOLDER}b${PLACEHOLDER}c${PLACEHOLDER}d`);
    }
  });

  it("checks text against the face that draws it: Arabic stays in the upright faces, and becomes placeholders in the oblique ones", () => {
    const arabic = "مرحبا بالعالم";
    for (const face of [FONT.regular, FONT.bold, FONT.condensed, FONT.condensedBold])
      expect(drawableText(arabic, face)).toBe(arabic);
    for (const face of [FONT.italic, FONT.condensedItalic])
      expect(drawableText(`a ${arabic} b`, face)).toBe(`a ${PLACEHOLDER.repeat(5)} ${PLACEHOLDER.repeat(7)} b`);
  });

  it("turns tabs into spaces, Windows line breaks into \\n, and drops other control and invisible characters", () => {
    // U+0007 is a bell; U+E0067 a tag character, which only flags use.
    expect(drawableText("a\tb\r\nc\rd\u0007e\u{E0067}f", FONT.regular)).toBe("a b\nc\ndef");
  });

  it("refuses a face that is not embedded", () => {
    expect(() => drawableText("a", "Helvetica" as typeof FONT.regular)).toThrow(/not an embedded font/);
  });
});
