import { describe, expect, it } from "vitest";
import { FALLBACK, FONT } from "./fonts.js";
import { drawableText, fontRuns, PLACEHOLDER } from "./glyphs.js";

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

  it("draws what DejaVu lacks in a fallback face, each character as a reader counts it whole", () => {
    for (const face of ALL_FACES) {
      expect(fontRuns("東京 ok", face)).toEqual([
        { face: FALLBACK.cjk, text: "東京" },
        { face, text: " ok" },
      ]);
      // A thumb with a skin tone and a family joined by ZWJ stay one run of Noto Emoji.
      expect(fontRuns("a👍🏽👨‍👩‍👧", face)).toEqual([
        { face, text: "a" },
        { face: FALLBACK.emoji, text: "👍🏽👨‍👩‍👧" },
      ]);
      // Hangul is in no embedded face: one placeholder per syllable.
      expect(drawableText("한국 ok", face)).toBe(`${PLACEHOLDER}${PLACEHOLDER} ok`);
    }
  });

  it("draws Arabic and Hebrew in Noto Sans Arabic and Hebrew of the text's weight, even where DejaVu has them", () => {
    const arabic = "مرحبا";
    for (const face of [FONT.regular, FONT.condensed, FONT.italic])
      expect(fontRuns(arabic, face)).toEqual([{ face: FALLBACK.arabic, text: arabic }]);
    for (const face of [FONT.bold, FONT.condensedBold])
      expect(fontRuns(`שלום ${arabic}`, face)).toEqual([
        { face: FALLBACK.hebrewBold, text: "שלום" },
        { face, text: " " },
        { face: FALLBACK.arabicBold, text: arabic },
      ]);
    expect(fontRuns(`a ${arabic}`, FONT.italic)).toEqual([
      { face: FONT.italic, text: "a " },
      { face: FALLBACK.arabic, text: arabic },
    ]);
  });

  it("turns tabs into spaces, Windows line breaks into \\n, and drops other control and invisible characters, bidi overrides included", () => {
    // U+0007 is a bell; U+E0067 a tag character, which only flags use; U+202E a right-to-left override.
    expect(drawableText("a\tb\r\nc\rd\u0007e\u{E0067}f\u202Eg", FONT.regular)).toBe("a b\nc\ndefg");
  });

  it("refuses a face that is not embedded", () => {
    expect(() => drawableText("a", "Helvetica" as typeof FONT.regular)).toThrow(/not an embedded font/);
  });
});
