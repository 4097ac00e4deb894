import { describe, expect, it } from "vitest";
import { drawableModel, drawableText, PLACEHOLDER } from "./glyphs.js";

describe("text the PDF's fonts can draw", () => {
  it("keeps what DejaVu draws: French, Greek, Cyrillic, typographic marks, a smiley, a heart with its emoji selector", () => {
    for (const text of ["Équipe d’été « 1er » — 12\u00a0%\u202f!", "Ελληνικά, Русский", "😀 ❤️", "e\u0301", "a\nb"])
      expect(drawableText(text)).toBe(text);
  });

  it("replaces each character it cannot draw, as a reader counts them, by one placeholder", () => {
    expect(drawableText("東京 ok")).toBe(`${PLACEHOLDER}${PLACEHOLDER} ok`);
    // A thumb with a skin tone, a family joined by ZWJ, a flag: one character each.
    expect(drawableText("a👍🏽b👨‍👩‍👧c🇨🇦d")).toBe(`a${PLACEHOLDER}b${PLACEHOLDER}c${PLACEHOLDER}d`);
  });

  it("turns tabs into spaces, Windows line breaks into \\n, and drops other control and invisible characters", () => {
    // U+0007 is a bell; U+E0067 a tag character, which only flags use.
    expect(drawableText("a\tb\r\nc\rd\u0007e\u{E0067}f")).toBe("a b\nc\ndef");
  });

  it("maps every text of the model, and leaves its date and branding alone", () => {
    const model = {
      title: "東",
      themes: [{ name: "x東", cards: [{ id: "c", text: "東" }] }],
      createdAt: new Date(0),
      branding: { accentColor: "#123456", logo: { mediaType: "image/png", dataBase64: "東" } },
    } as unknown as Parameters<typeof drawableModel>[0];
    const out = drawableModel(model) as unknown as typeof model & {
      themes: { name: string; cards: { text: string }[] }[];
    };
    expect(out.title).toBe(PLACEHOLDER);
    expect(out.themes[0]?.name).toBe(`x${PLACEHOLDER}`);
    expect(out.themes[0]?.cards[0]?.text).toBe(PLACEHOLDER);
    expect(out.createdAt).toBe(model.createdAt);
    expect(out.branding).toBe(model.branding);
  });
});
